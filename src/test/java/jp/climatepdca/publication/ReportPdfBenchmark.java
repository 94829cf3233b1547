package jp.climatepdca.publication;

import java.lang.management.ManagementFactory;

/**
 * Renders a large city's annual report PDF (400 measures) repeatedly and prints each render's wall and CPU
 * time: the first includes loading the font, the later ones show the warm cost the publication pays. Not a
 * test; run as docs/performance.md's "Large-city benchmark" section shows, with this class's name (argument: renders).
 */
public final class ReportPdfBenchmark {

  public static void main(String[] args) {
    var pdf = ReportPdfFixture.renderer();
    var report = ReportPdfFixture.report(400, "施策");
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
}
