package jp.climatepdca.publication;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The annual report as PDF: the XHTML template public/report-pdf rendered by openhtmltopdf, with the
 * IPAex Gothic font (src/main/resources/fonts, IPA Font License) embedded as a subset, so the Japanese text
 * shows on any machine and can be copied or extracted. Texts go through the template's escaping like the
 * web page, so a department's markup is printed as text.
 */
@Component
public class ReportPdf {

  static final String FONT_FAMILY = "IPAexGothic";
  private static final String FONT = "fonts/ipaexg.ttf";
  private static final String MISSING_CHARACTER = "〓";

  private final TemplateEngine templates;
  // read (6 MB) and its glyph map parsed on the first PDF, not at start-up: few requests ask for a PDF,
  // while every node's start-up (a restart, a second node) would pay for it
  private final SingletonSupplier<Font> font = SingletonSupplier.of(Font::load);

  ReportPdf(TemplateEngine templates) {
    this.templates = templates;
  }

  /**
   * A snapshot frozen since the book layout prints with cover, contents and charts (public/report-book); one
   * frozen before prints as it was published (public/report-pdf), whatever this code has learnt since.
   */
  byte[] render(PublishedReport report) {
    var c = report.content();
    if (!c.book()) {
      return render("public/report-pdf", java.util.Map.of("report", report, "c", c));
    }
    var variables = new java.util.HashMap<String, Object>();
    variables.put("report", report);
    variables.put("c", c);
    variables.put("book", true);
    variables.put("emissionsChart", PrintCharts.emissions(c));
    variables.put("gradesChart", PrintCharts.grades(c));
    return render("public/report-book", variables);
  }

  /**
   * Another document in the report's print style (the area's annual report): an XHTML template under
   * templates/ with the given variables and {@code fiscalYears}, rendered with the report's font and fixes.
   */
  public byte[] render(String template, java.util.Map<String, Object> variables) {
    var context = new Context(java.util.Locale.JAPANESE);
    variables.forEach(context::setVariable);
    context.setVariable("fiscalYears", new FiscalYears());
    var xhtml = templates.process(template, context);
    try (var out = new ByteArrayOutputStream()) {
      var builder = new PdfRendererBuilder();
      builder.useFastMode();
      var font = this.font.obtain();
      builder.useFont(() -> new ByteArrayInputStream(font.bytes()), FONT_FAMILY);
      // a character the font lacks (𠮷, an emoji) shows as the geta mark, as Japanese print marks a missing
      // character, rather than openhtmltopdf's "#", which reads as part of the text
      builder.useReplacementText(MISSING_CHARACTER);
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
      return font.repair().repair(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the PDF " + template, e);
    }
  }

  private record Font(byte[] bytes, ToUnicodeRepair repair) {

    static Font load() {
      try (var in = new ClassPathResource(FONT).getInputStream()) {
        var bytes = TrueTypeTables.without(in.readAllBytes(), "GSUB");
        return new Font(bytes, new ToUnicodeRepair(bytes));
      } catch (IOException e) {
        throw new UncheckedIOException("the report font " + FONT + " is missing from the classpath", e);
      }
    }
  }
}
