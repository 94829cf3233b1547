package jp.climatepdca.publication;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The printed report's charts as bars of plain HTML boxes (template public/report-book): openhtmltopdf draws
 * them with the report's own font, so every label is Japanese text in the PDF (searchable, copyable), with no
 * script and no SVG renderer. The public pages draw the same data with Chart.js ({@link ReportCharts}).
 */
public final class PrintCharts {

  /** The grades of the self-assessment in their order, each with its colour (dark for done, grey for not started). */
  private static final Map<String, String> GRADE_COLOURS = grades();

  private PrintCharts() {}

  /** A part of a bar: {@code width} in percent of the chart's width, {@code text} written inside (may be empty). */
  public record Segment(String label, String colour, String width, String text) {}

  /**
   * One row: its label, its parts, the figure at its end, and where the target path stands in that year
   * ({@code pathAt} in percent of the width, null without a target for the year).
   */
  public record Bar(String label, List<Segment> segments, String total, String pathAt, String pathText) {}

  public record Key(String label, String colour) {}

  /** {@code pathKey}: the legend's name for the target path's mark, null when the chart has none. */
  public record Chart(String title, List<Bar> bars, List<Key> keys, String pathKey, String note) {}

  /**
   * Emissions of every calculated year stacked by sector, and the plan's target path as a mark in each year
   * it has a value for (the target years too, which have no emissions yet): how far the way still is.
   */
  static Chart emissions(ReportContent c) {
    if (c.emissions() == null || c.emissions().trend().isEmpty()) {
      return null;
    }
    var byYear = new LinkedHashMap<Integer, ReportContent.YearTotal>();
    c.emissions().trend().forEach(y -> byYear.put(y.year(), y));
    var path = new LinkedHashMap<Integer, BigDecimal>();
    c.targetPath().forEach(p -> path.put(p.year(), p.value()));
    var years = new TreeSet<>(byYear.keySet());
    c.targets().forEach(t -> years.add(t.year()));
    var sectors = new LinkedHashSet<String>();
    c.emissions().trend().forEach(y -> sectors.addAll(y.bySector().keySet()));
    var colours = new LinkedHashMap<String, String>();
    sectors.forEach(s -> colours.put(s, ReportCharts.COLOURS.get(colours.size() % ReportCharts.COLOURS.size())));

    var max = BigDecimal.ZERO;
    for (var y : byYear.values()) {
      max = max.max(y.total() == null ? BigDecimal.ZERO : y.total());
    }
    for (var v : path.values()) {
      max = max.max(v == null ? BigDecimal.ZERO : v);
    }
    var bars = new ArrayList<Bar>();
    for (var year : years) {
      var segments = new ArrayList<Segment>();
      var total = "";
      var y = byYear.get(year);
      if (y != null) {
        for (var s : sectors) {
          var v = y.bySector().get(s);
          if (v != null && v.signum() > 0) {
            segments.add(new Segment(s, colours.get(s), percent(v, max), ""));
          }
        }
        total = tonnes(y.total());
      } else if (path.get(year) != null) {
        total = "目標 " + tonnes(path.get(year));
      }
      var target = path.get(year);
      bars.add(new Bar(year + "年度", segments, total, target == null ? null : percent(target, max),
          target == null ? null : tonnes(target)));
    }
    var keys = new ArrayList<Key>();
    colours.forEach((label, colour) -> keys.add(new Key(label, colour)));
    return new Chart("温室効果ガス排出量の推移と削減目標の経路（t-CO2）", bars, keys,
        path.isEmpty() ? null : "削減目標の経路", path.isEmpty() ? "削減目標が定められていないため、目標の経路は示していません。"
            : "棒は部門別の排出量、縦線は各年度の削減目標の経路の値です。");
  }

  /** Each department's measures by the grade of their self-assessment (進捗), as shares of its measures. */
  static Chart grades(ReportContent c) {
    if (c.measures().isEmpty()) {
      return null;
    }
    var byDepartment = new LinkedHashMap<String, Map<String, Integer>>();
    for (var m : c.measures()) {
      byDepartment.computeIfAbsent(m.departmentName(), d -> new LinkedHashMap<>())
          .merge(m.progressLabel() == null ? "未着手" : m.progressLabel(), 1, Integer::sum);
    }
    var bars = new ArrayList<Bar>();
    byDepartment.forEach((department, counts) -> {
      var all = counts.values().stream().mapToInt(Integer::intValue).sum();
      var segments = new ArrayList<Segment>();
      GRADE_COLOURS.forEach((grade, colour) -> {
        var n = counts.getOrDefault(grade, 0);
        if (n > 0) {
          segments.add(new Segment(grade, colour, percent(BigDecimal.valueOf(n), BigDecimal.valueOf(all)),
              String.valueOf(n)));
        }
      });
      bars.add(new Bar(department, segments, all + "件", null, null));
    });
    var keys = new ArrayList<Key>();
    GRADE_COLOURS.forEach((label, colour) -> keys.add(new Key(label, colour)));
    return new Chart("所管課別の施策の進捗状況（自己評価）", bars, keys, null, "棒の中の数字は施策数です。");
  }

  private static String percent(BigDecimal value, BigDecimal of) {
    if (of.signum() <= 0) {
      return "0";
    }
    return value.multiply(BigDecimal.valueOf(100)).divide(of, 2, RoundingMode.HALF_UP).min(BigDecimal.valueOf(100))
        .max(BigDecimal.ZERO).toPlainString();
  }

  private static String tonnes(BigDecimal value) {
    if (value == null) {
      return "―";
    }
    return new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.JAPAN)).format(value);
  }

  private static Map<String, String> grades() {
    var colours = new LinkedHashMap<String, String>();
    colours.put("完了", "#1b5e20");
    colours.put("順調", "#43a047");
    colours.put("概ね順調", "#9e9d24");
    colours.put("遅れ", "#ef6c00");
    colours.put("未着手", "#9e9e9e");
    return colours;
  }
}
