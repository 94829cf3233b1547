package jp.climatepdca.emission;

import java.math.BigDecimal;
import java.util.List;
import jp.climatepdca.ClimatePdcaApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Not a test (verify does not run it): imports and calculates 100,000 activity rows on an in-memory H2 and
 * prints the time and rows per second. docs/performance.md says how to run it and what it measured.
 * The calculated total is compared with the same sum done exactly in Java, so a fast wrong answer shows.
 */
public final class EmissionsBenchmark {

  private static final int ROWS = 100_000;
  private static final int WARM_UP_ROWS = 20_000;
  private static final String TOWN = "999999";
  private static final int YEAR = 2020;
  /** fuel, unit written in the file, factor per that unit (the demo catalogue's factor, converted). */
  private static final List<Fuel> FUELS = List.of(
      new Fuel("運輸", "ガソリン", "L", new BigDecimal("0.00232")),
      new Fuel("運輸", "軽油", "kL", new BigDecimal("2.58")),
      new Fuel("家庭", "灯油", "L", new BigDecimal("0.00249")),
      new Fuel("産業", "A重油", "kL", new BigDecimal("2.71")),
      new Fuel("家庭", "LPG", "kg", new BigDecimal("0.00300")),
      new Fuel("業務その他", "都市ガス", "千m3", new BigDecimal("2.23")),
      new Fuel("業務その他", "ELECTRICITY", "MWh", new BigDecimal("0.441")),
      new Fuel("廃棄物", "WASTE_PLASTIC", "t", new BigDecimal("2.77")));

  private EmissionsBenchmark() {}

  public static void main(String[] args) {
    // as command-line arguments: the builder's properties() are defaults, which application.yaml overrides
    // (the benchmark then ran on the ./data H2 file with the job executor on)
    var settings = java.util.stream.Stream.of(
        "--spring.datasource.url=jdbc:h2:mem:emissions-benchmark;MODE=LEGACY;DB_CLOSE_DELAY=-1",
        "--camunda.bpm.process-engine-name=benchmark", "--camunda.bpm.job-execution.enabled=false",
        "--server.port=0", "--logging.level.root=WARN");
    var context = new SpringApplicationBuilder(ClimatePdcaApplication.class)
        .profiles("demo")
        .run(java.util.stream.Stream.concat(settings, java.util.Arrays.stream(args)).toArray(String[]::new));
    try {
      var importer = context.getBean(ActivityImportService.class);
      var calculator = context.getBean(EmissionCalculator.class);
      var reports = context.getBean(InventoryReportService.class);

      // A running server has its code compiled by the JIT: warm up on another year before measuring.
      importer.importCsv(TOWN, YEAR - 1, file(WARM_UP_ROWS).toString(), "ウォームアップ", "benchmark");
      calculator.calculateLatest(TOWN, YEAR - 1, "benchmark");

      var csv = file(ROWS);
      var expected = BigDecimal.ZERO;
      for (var i = 0; i < ROWS; i++) {
        expected = expected.add(amount(i).multiply(FUELS.get(i % FUELS.size()).factorPerUnit));
      }

      // the parse-and-check part alone (it is repeated inside the import below)
      var checkStart = System.nanoTime();
      new ActivityCsv(context.getBean(EmissionFactorRepository.class).findAll(), YEAR).read(csv.toString());
      var checkSeconds = (System.nanoTime() - checkStart) / 1e9;

      var start = System.nanoTime();
      var upload = importer.importCsv(TOWN, YEAR, csv.toString(), "ベンチマーク", "benchmark");
      var imported = System.nanoTime();
      calculator.calculateLatest(TOWN, YEAR, "benchmark");
      var calculated = System.nanoTime();
      var total = reports.report(TOWN, YEAR).total();

      var importSeconds = (imported - start) / 1e9;
      var calculateSeconds = (calculated - imported) / 1e9;
      var allSeconds = (calculated - start) / 1e9;
      System.out.printf("rows: %,d (file %,d characters)%n", upload.activityRows(), csv.length());
      System.out.printf("parse and check only: %.2f s, %,.0f rows/s%n", checkSeconds, ROWS / checkSeconds);
      System.out.printf("import (parse, check, insert): %.2f s, %,.0f rows/s%n", importSeconds, ROWS / importSeconds);
      System.out.printf("calculation (SQL aggregation): %.2f s, %,.0f rows/s%n", calculateSeconds,
          ROWS / calculateSeconds);
      System.out.printf("import + calculation: %.2f s, %,.0f rows/s%n", allSeconds, ROWS / allSeconds);
      System.out.printf("total %s t-CO2, exact sum in Java %s: %s%n", total.toPlainString(),
          expected.setScale(6).toPlainString(), total.compareTo(expected) == 0 ? "equal" : "DIFFERENT");
    } finally {
      context.close();
    }
  }

  private static StringBuilder file(int rows) {
    var csv = new StringBuilder("部門,小部門,燃料,活動量,単位,出典\n");
    for (var i = 0; i < rows; i++) {
      var fuel = FUELS.get(i % FUELS.size());
      csv.append(fuel.sector).append(",事業所").append(i % 50).append(',').append(fuel.name).append(',')
          .append(amount(i).toPlainString()).append(',').append(fuel.unit).append(",ベンチマーク用データ\n");
    }
    return csv;
  }

  private static BigDecimal amount(int i) {
    return BigDecimal.valueOf(1 + (i * 7919L) % 100_000, 2);
  }

  private record Fuel(String sector, String name, String unit, BigDecimal factorPerUnit) {}
}
