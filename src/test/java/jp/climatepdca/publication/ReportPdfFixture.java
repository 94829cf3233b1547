package jp.climatepdca.publication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The PDF renderer with the application's templates, and reports to render, without a Spring context. */
final class ReportPdfFixture {

  private ReportPdfFixture() {}

  static ReportPdf renderer() {
    var resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    var templates = new SpringTemplateEngine();
    templates.setTemplateResolver(resolver);
    return new ReportPdf(templates);
  }

  /** A city's report with {@code count} measures whose names start with {@code namePrefix}. */
  static PublishedReport report(int count, String namePrefix) {
    var measures = new ArrayList<ReportContent.MeasureEntry>();
    for (int i = 1; i <= count; i++) {
      var name = namePrefix + i + " 公共施設の省エネルギー化";
      measures.add(new ReportContent.MeasureEntry("M%03d".formatted(i), name, "部局" + (i % 40 + 1) + " 環境政策課",
          "業務その他部門", "実施事業", i % 7 == 0, "ON_TRACK", "順調", name + "を計画どおり実施した",
          "予算の確保が課題", "継続して実施する"));
    }
    var content = new ReportContent("999999", "ベンチマーク市", 2026, 2025, 1, "概要", null, Instant.now(),
        new ReportContent.Texts("事務局の総括", "推進本部の評価", null), measures, List.of(), null, List.of(), List.of(),
        List.of());
    return new PublishedReport(content, 1, Instant.now(), true, List.of());
  }
}
