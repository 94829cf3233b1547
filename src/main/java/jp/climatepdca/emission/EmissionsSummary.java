package jp.climatepdca.emission;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The emissions totals a form shows, as text: the inventory year against the base year, the previous
 * year and the plan's target path, and the path's milestones. Shared by 排出量の確認 and the city-wide
 * Check forms (secretariat, headquarters, liaison meeting, committee), so all read the same figures.
 */
@Component
public class EmissionsSummary {

  private static final String NONE = "—";

  private final InventoryReportService reports;
  private final EmissionTargetPathService paths;
  private final TaskVariables variables;

  EmissionsSummary(InventoryReportService reports, EmissionTargetPathService paths, TaskVariables variables) {
    this.reports = reports;
    this.paths = paths;
    this.variables = variables;
  }

  /** The inventory year's summary, or dashes and a note when that year has not been calculated. */
  public void show(DelegateTask task, String municipality, int inventoryYear) {
    var report = reports.find(municipality, inventoryYear);
    if (report.isPresent()) {
      show(task, report.get());
      return;
    }
    for (var name : List.of("total", "baseYearTotal", "baseYearChange", "previousYearTotal", "previousYearChange",
        "targetPathTotal", "targetPathChange", "targetPathGap")) {
      variables.putText(task, name, NONE);
    }
    variables.putText(task, "baseYear", String.valueOf(reports.baseYear(municipality)));
    variables.putText(task, "previousYear", String.valueOf(inventoryYear - 1));
    variables.putText(task, "targetPathStatus", inventoryYear + "年度の排出量はまだ算定されていません。");
    variables.putRows(task, "emissionTargets", milestones(paths.path(municipality, inventoryYear).map(EmissionTargetPath::milestones)
        .orElse(List.of())));
  }

  void show(DelegateTask task, InventoryReport report) {
    variables.putText(task, "total", tonnes(report.total()));
    variables.putText(task, "baseYear", String.valueOf(report.baseYear().year()));
    variables.putText(task, "baseYearTotal", tonnes(report.baseYear().total()));
    variables.putText(task, "baseYearChange", percent(report.baseYear().changePercent()));
    variables.putText(task, "previousYear", String.valueOf(report.previousYear().year()));
    variables.putText(task, "previousYearTotal", tonnes(report.previousYear().total()));
    variables.putText(task, "previousYearChange", percent(report.previousYear().changePercent()));
    var path = report.targetPath();
    variables.putText(task, "targetPathTotal", path == null ? NONE : tonnes(path.pathTotal()));
    variables.putText(task, "targetPathChange", path == null ? NONE : percent(path.pathChangePercent()));
    variables.putText(task, "targetPathGap", path == null ? NONE : percent(path.gapPercent()));
    variables.putText(task, "targetPathStatus", status(report));
    variables.putRows(task, "emissionTargets", milestones(path == null ? List.of() : path.milestones()));
  }

  private static String status(InventoryReport report) {
    var path = report.targetPath();
    if (path == null) {
      return "計画に削減目標がないか、基準年度の排出量が不明なため、目標経路と比較できません。";
    }
    var base = "PLAN".equals(path.baseSource()) ? "計画に定めた基準年度排出量" : "基準年度の算定結果";
    return (path.onTrack() ? "目標経路を達成しています（目標経路以下）。" : "目標経路を上回っています（削減が遅れています）。")
        + "目標経路は" + base + "（" + tonnes(report.baseYear().total()) + " t-CO2）から各目標年度への直線です。";
  }

  private static List<Map<String, Object>> milestones(List<EmissionTargetPath.Milestone> milestones) {
    return milestones.stream().map(m -> {
      var row = new LinkedHashMap<String, Object>();
      row.put("year", m.year() + "年度");
      // a target stated in tonnes against a base of 0 t has no percentage
      row.put("reduction", m.reductionPercent() == null ? "—" : "−" + format("#,##0.#", m.reductionPercent()) + "%");
      row.put("total", tonnes(m.total()));
      row.put("label", m.label() == null ? "" : m.label());
      return (Map<String, Object>) row;
    }).toList();
  }

  /**
   * t-CO2 as staff read it: whole tonnes with grouped thousands (877,941, not 877,941.176471), "—" where
   * there is no figure. The database and the API keep every decimal; this is only what a form shows.
   */
  public static String tonnes(BigDecimal value) {
    return value == null ? NONE : format("#,##0", value);
  }

  /** A change in percent to one decimal, signed: +3.2%, -12.0%. */
  public static String percent(BigDecimal value) {
    if (value == null) {
      return NONE;
    }
    var rounded = value.setScale(1, RoundingMode.HALF_UP);
    return (rounded.signum() > 0 ? "+" : "") + format("#,##0.0", rounded) + "%";
  }

  private static String format(String pattern, BigDecimal value) {
    var format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.JAPAN));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(value);
  }
}
