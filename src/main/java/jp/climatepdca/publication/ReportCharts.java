package jp.climatepdca.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Chart.js configurations (plain JSON, no functions) for the public pages. The page puts each into a
 * canvas's data attribute, escaped by the template, and /public-assets/charts.js draws it: no inline
 * script, so the pages run under a Content-Security-Policy of script-src 'self'.
 */
@Component
public class ReportCharts {

  static final List<String> COLOURS = List.of("#1b5e20", "#1565c0", "#ef6c00", "#6a1b9a", "#00838f",
      "#c62828", "#5d4037", "#546e7a");

  private final ObjectMapper json;

  ReportCharts(ObjectMapper json) {
    this.json = json;
  }

  /**
   * Emissions of every calculated year, stacked by sector; with the plan's targets, the target path as a
   * line over the calculated years and the target years, so the reader sees how far the way still is.
   */
  String emissionsTrend(ReportContent c) {
    if (c.emissions() == null || c.emissions().trend().isEmpty()) {
      return null;
    }
    var byYear = new java.util.TreeMap<Integer, ReportContent.YearTotal>();
    c.emissions().trend().forEach(y -> byYear.put(y.year(), y));
    var years = new java.util.TreeSet<>(byYear.keySet());
    c.targets().forEach(t -> years.add(t.year()));
    var labels = years.stream().map(y -> y + "年度").toList();
    var sectors = new LinkedHashSet<String>();
    c.emissions().trend().forEach(y -> sectors.addAll(y.bySector().keySet()));
    var datasets = new ArrayList<Map<String, Object>>();
    var i = 0;
    for (var sector : sectors) {
      datasets.add(dataset("bar", sector, years.stream().map(y -> (Object) (byYear.containsKey(y)
          ? byYear.get(y).bySector().get(sector) : null)).toList(), COLOURS.get(i++ % COLOURS.size())));
    }
    if (!c.targetPath().isEmpty()) {
      var path = new LinkedHashMap<Integer, BigDecimal>();
      c.targetPath().forEach(p -> path.put(p.year(), p.value()));
      var line = dataset("line", "削減目標の経路", years.stream().map(y -> (Object) path.get(y)).toList(), "#000000");
      line.put("fill", false);
      line.put("spanGaps", true);
      line.put("stack", "targetPath");
      datasets.add(line);
    }
    return write(chart("bar", labels, datasets, "温室効果ガス排出量の推移（t-CO2）", true));
  }

  String sectors(ReportContent c) {
    if (c.emissions() == null || c.emissions().sectors().isEmpty()) {
      return null;
    }
    var labels = c.emissions().sectors().stream().map(ReportContent.SectorEntry::label).toList();
    var data = dataset("doughnut", "t-CO2",
        c.emissions().sectors().stream().map(s -> (Object) s.total()).toList(), null);
    data.put("backgroundColor", COLOURS.subList(0, Math.min(labels.size(), COLOURS.size())));
    return write(chart("doughnut", labels, List.of(data),
        FiscalYears.label(c.emissions().inventoryYear()) + " 部門別排出量（t-CO2）", false));
  }

  String progress(ReportContent c) {
    var counts = c.progressCounts();
    return write(chart("bar", List.copyOf(counts.keySet()),
        List.of(dataset("bar", "施策数", List.copyOf(counts.values()), "#1565c0")), "施策の進捗状況（自己評価）", false));
  }

  /** Grades of the indicators: how many reached, are on the way, or fall behind. */
  String indicatorGrades(ReportContent c) {
    if (c.indicators().isEmpty()) {
      return null;
    }
    var counts = new LinkedHashMap<String, Long>();
    c.indicators().forEach(i -> counts.merge(i.gradeLabel() == null ? "評価なし" : i.gradeLabel(), 1L, Long::sum));
    return write(chart("bar", List.copyOf(counts.keySet()),
        List.of(dataset("bar", "指標数", List.copyOf(counts.values()), "#ef6c00")), "指標の達成状況", false));
  }

  /** Years side by side: each published year's inventory by sector. */
  String compareEmissions(List<PublishedReport> years) {
    var withEmissions = years.stream().filter(r -> r.content().emissions() != null).toList();
    if (withEmissions.isEmpty()) {
      return null;
    }
    var labels = withEmissions.stream().map(r -> r.content().emissions().inventoryYear() + "年度").toList();
    var sectors = new LinkedHashSet<String>();
    withEmissions.forEach(r -> r.content().emissions().sectors().forEach(s -> sectors.add(s.label())));
    var datasets = new ArrayList<Map<String, Object>>();
    var i = 0;
    for (var sector : sectors) {
      datasets.add(dataset("bar", sector, withEmissions.stream().map(r -> (Object) r.content().emissions().sectors()
          .stream().filter(s -> s.label().equals(sector)).map(ReportContent.SectorEntry::total).findFirst()
          .orElse(null)).toList(), COLOURS.get(i++ % COLOURS.size())));
    }
    return write(chart("bar", labels, datasets, "部門別排出量の年度比較（t-CO2）", true));
  }

  /**
   * Bars of named series over the same labels, stacked or side by side, in the pages' colours: for pages
   * outside this package (the area's report: its members' emissions by sector). Null without labels.
   */
  public String bars(String title, List<String> labels, Map<String, ? extends List<?>> series, boolean stacked) {
    if (labels.isEmpty()) {
      return null;
    }
    var datasets = new ArrayList<Map<String, Object>>();
    var i = 0;
    for (var s : series.entrySet()) {
      datasets.add(dataset("bar", s.getKey(), new ArrayList<Object>(s.getValue()), COLOURS.get(i++ % COLOURS.size())));
    }
    return write(chart("bar", labels, datasets, title, stacked));
  }

  private static Map<String, Object> dataset(String type, String label, List<Object> data, String colour) {
    var d = new LinkedHashMap<String, Object>();
    d.put("type", type);
    d.put("label", label);
    d.put("data", data);
    if (colour != null) {
      d.put("backgroundColor", colour);
      d.put("borderColor", colour);
    }
    return d;
  }

  private static Map<String, Object> chart(String type, List<String> labels, List<Map<String, Object>> datasets,
      String title, boolean stacked) {
    var options = new LinkedHashMap<String, Object>();
    options.put("responsive", true);
    options.put("maintainAspectRatio", false);
    options.put("plugins", ordered("title", ordered("display", true, "text", title), "legend",
        ordered("position", "bottom")));
    if (stacked) {
      options.put("scales", ordered("x", ordered("stacked", true), "y", ordered("stacked", true, "beginAtZero", true)));
    } else if (!"doughnut".equals(type)) {
      // counts of measures or indicators: whole numbers on the axis
      options.put("scales", ordered("y", ordered("beginAtZero", true, "ticks", ordered("precision", 0))));
    }
    var chart = new LinkedHashMap<String, Object>();
    chart.put("type", type);
    chart.put("data", ordered("datasets", datasets, "labels", labels));
    chart.put("options", options);
    return chart;
  }

  /**
   * A map that keeps the order it was given: the page carries the chart as JSON, and a published page must
   * read the same after every restart (Map.of iterates in an order that changes from one JVM to the next).
   */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private String write(Object chart) {
    try {
      return json.writeValueAsString(chart);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a chart", e);
    }
  }
}
