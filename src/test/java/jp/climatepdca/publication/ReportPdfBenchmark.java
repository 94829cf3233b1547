package jp.climatepdca.publication;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a large city's annual report PDF (400 measures) repeatedly and prints each render's wall and CPU
 * time: the first includes loading the font, the later ones show the warm cost the publication pays. Not a
 * test; run as the README's "Large-city benchmark" section shows, with this class's name (argument: renders).
 */
public final class ReportPdfBenchmark {

  public static void main(String[] args) {
    var resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    var templates = new SpringTemplateEngine();
    templates.setTemplateResolver(resolver);
    var pdf = new ReportPdf(templates);
    var report = largeCity();
    var threads = ManagementFactory.getThreadMXBean();
    int renders = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    for (int i = 1; i <= renders; i++) {
      long wall = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      int size = pdf.render(report).length;
      System.out.printf("render %d: %,d ms (CPU %,d ms), %,d bytes%n", i, (System.nanoTime() - wall) / 1_000_000,
          (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000, size);
    }
  }

  private static PublishedReport largeCity() {
    var measures = new ArrayList<ReportContent.MeasureEntry>();
    for (int i = 1; i <= 400; i++) {
      var name = "施策" + i + " 公共施設の省エネルギー化";
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
