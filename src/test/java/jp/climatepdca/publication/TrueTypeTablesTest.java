package jp.climatepdca.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class TrueTypeTablesTest {

  private static byte[] reportFont() throws IOException {
    try (var in = new ClassPathResource("fonts/ipaexg.ttf").getInputStream()) {
      return in.readAllBytes();
    }
  }

  private static TrueTypeFont parse(byte[] bytes) throws IOException {
    return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
  }

  @Test
  void theReportFontLosesItsGlyphSubstitutionsAndKeepsEveryGlyphAndCharacter() throws IOException {
    var original = reportFont();
    var stripped = TrueTypeTables.without(original, "GSUB");

    try (var before = parse(original); var after = parse(stripped)) {
      assertThat(before.getTableMap()).containsKey("GSUB");
      assertThat(after.getTableMap()).doesNotContainKey("GSUB")
          .hasSize(before.getTableMap().size() - 1)
          .containsKeys(before.getTableMap().keySet().stream().filter(t -> !t.equals("GSUB")).toArray(String[]::new));
      assertThat(after.getNumberOfGlyphs()).isEqualTo(before.getNumberOfGlyphs());
      var cmapBefore = before.getUnicodeCmapLookup();
      var cmapAfter = after.getUnicodeCmapLookup();
      for (int cp : "地球温暖化対策実行計画 年次報告書 ABC 123 ①".codePoints().toArray()) {
        assertThat(cmapAfter.getGlyphId(cp)).as("glyph of U+%04X", cp).isEqualTo(cmapBefore.getGlyphId(cp)).isPositive();
      }
      assertThat(after.getGsubData()).isSameAs(org.apache.fontbox.ttf.model.GsubData.NO_DATA_FOUND);
    }
    assertThat(stripped).hasSameSizeAs(original);
  }

  @Test
  void theDirectorysSearchFieldsAreThoseOfTheNewTableCount() throws IOException {
    var stripped = ByteBuffer.wrap(TrueTypeTables.without(reportFont(), "GSUB"));
    int tables = stripped.getShort(4);
    int entrySelector = stripped.getShort(8);
    int searchRange = stripped.getShort(6);
    assertThat(1 << entrySelector).isLessThanOrEqualTo(tables);
    assertThat(2 << entrySelector).isGreaterThan(tables);
    assertThat(searchRange).isEqualTo((1 << entrySelector) * 16);
    assertThat((int) stripped.getShort(10)).isEqualTo(tables * 16 - searchRange);
  }

  @Test
  void aFontWithoutTheTableIsReturnedAsItWas() throws IOException {
    var once = TrueTypeTables.without(reportFont(), "GSUB");
    assertThat(TrueTypeTables.without(once, "GSUB")).isSameAs(once);
  }
}
