package jp.climatepdca.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Published years side by side: each indicator's grade per year, and each sector's emissions per year.
 * Public because the compare template reads it.
 */
public record YearComparison(List<Integer> years, List<Row> indicators, List<Row> sectors, List<Row> progress) {

  /** One line of a table: its name and a cell per year (null where that year has none). */
  public record Row(String name, List<String> cells) {}

  static YearComparison of(List<PublishedReport> reports) {
    var years = reports.stream().map(r -> r.content().fiscalYear()).toList();
    var indicators = new LinkedHashMap<String, Map<Integer, String>>();
    var sectors = new LinkedHashMap<String, Map<Integer, String>>();
    var progress = new LinkedHashMap<String, Map<Integer, String>>();
    for (var r : reports) {
      var c = r.content();
      c.indicators().forEach(i -> indicators.computeIfAbsent(i.name() + "（" + i.unit() + "）", k -> new LinkedHashMap<>())
          .put(c.fiscalYear(), i.gradeLabel() + (i.actualValue() == null ? ""
              : "　" + (i.plainPath() || i.actualLabel() == null ? i.actualValue().toPlainString() : i.actualLabel()))));
      if (c.emissions() != null) {
        c.emissions().sectors().forEach(s -> sectors.computeIfAbsent(s.label(), k -> new LinkedHashMap<>())
            .put(c.fiscalYear(), s.total() == null ? null : tonnes(s.total())));
        sectors.computeIfAbsent("合計", k -> new LinkedHashMap<>()).put(c.fiscalYear(),
            tonnes(c.emissions().total()) + "（" + c.emissions().inventoryYear() + "年度）");
      }
      c.progressCounts().forEach((label, n) -> progress.computeIfAbsent(label, k -> new LinkedHashMap<>())
          .put(c.fiscalYear(), String.valueOf(n)));
    }
    return new YearComparison(years, rows(indicators, years), rows(sectors, years), rows(progress, years));
  }

  private static String tonnes(java.math.BigDecimal value) {
    return new java.text.DecimalFormat("#,##0.0").format(value);
  }

  private static List<Row> rows(Map<String, Map<Integer, String>> byName, List<Integer> years) {
    var rows = new ArrayList<Row>();
    byName.forEach((name, cells) -> rows.add(new Row(name, years.stream().map(cells::get).toList())));
    return rows;
  }
}
