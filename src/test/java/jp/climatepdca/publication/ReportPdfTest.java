package jp.climatepdca.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReportPdfTest {

  @Test
  void aCharacterTheFontLacksShowsAsTheGetaMarkAndTheRestAsWritten() throws IOException {
    // 𠮷 (U+20BB7, つちよし) and an emoji are not in IPAex Gothic; 吉 and the other text are
    var report = ReportPdfFixture.report(1, "𠮷田町🙂吉田町");

    try (var pdf = Loader.loadPDF(ReportPdfFixture.renderer().render(report))) {
      var text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
      assertThat(text).contains("〓田町〓吉田町1公共施設の省エネルギー化").doesNotContain("#");
    }
  }
}
