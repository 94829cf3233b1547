package jp.climatepdca.publication;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The annual report as PDF: the XHTML template public/report-pdf rendered by openhtmltopdf, with the
 * IPAex Gothic font (src/main/resources/fonts, IPA Font License) embedded as a subset, so the Japanese text
 * shows on any machine and can be copied or extracted. Texts go through the template's escaping like the
 * web page, so a department's markup is printed as text.
 */
@Component
class ReportPdf {

  static final String FONT_FAMILY = "IPAexGothic";
  private static final String FONT = "fonts/ipaexg.ttf";

  private final TemplateEngine templates;
  private final byte[] font;
  private final ToUnicodeRepair repair;

  ReportPdf(TemplateEngine templates) {
    this.templates = templates;
    try (var in = new ClassPathResource(FONT).getInputStream()) {
      this.font = in.readAllBytes();
      this.repair = new ToUnicodeRepair(font);
    } catch (IOException e) {
      throw new UncheckedIOException("the report font " + FONT + " is missing from the classpath", e);
    }
  }

  byte[] render(PublishedReport report) {
    var context = new Context(java.util.Locale.JAPANESE);
    context.setVariable("report", report);
    context.setVariable("c", report.content());
    context.setVariable("fiscalYears", new FiscalYears());
    var xhtml = templates.process("public/report-pdf", context);
    try (var out = new ByteArrayOutputStream()) {
      var builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY);
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
      return repair.repair(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the annual report PDF", e);
    }
  }
}
