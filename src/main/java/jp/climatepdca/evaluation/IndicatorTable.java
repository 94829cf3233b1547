package jp.climatepdca.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The indicator table of the Check forms: every indicator graded, and how many got each grade. */
@Component
class IndicatorTable {

  private final IndicatorService indicators;
  private final TaskVariables variables;

  IndicatorTable(IndicatorService indicators, TaskVariables variables) {
    this.indicators = indicators;
    this.variables = variables;
  }

  /** Returns the grades shown, for the measures' table of the same form ({@link MeasureReviewTable}). */
  List<IndicatorGradeView> show(DelegateTask task, String municipality, int fiscalYear) {
    var grades = indicators.grades(municipality, fiscalYear);
    variables.putRows(task, "indicatorGrades", grades.stream().map(IndicatorTable::row).toList());
    variables.putText(task, "indicatorSummary", summary(grades));
    return grades;
  }

  private static Map<String, Object> row(IndicatorGradeView g) {
    var row = new LinkedHashMap<String, Object>();
    row.put("code", g.code());
    row.put("name", g.name() + "（" + g.unit() + "）");
    row.put("measure", g.measureCode() == null ? "計画全体" : g.measureCode());
    row.put("kind", g.kindLabel());
    row.put("base", g.baseValue() == null ? "—" : g.baseYear() + "年度 " + plain(g.baseValue()));
    row.put("target", g.targetsLabel());
    row.put("actual", g.actualYear() == null ? "—" : g.actualYear() + "年度 " + g.actualLabel());
    // the straight line between base and target
    row.put("path", g.pathValue() == null ? "—" : path(g));
    row.put("progress", g.progressPercent() == null ? "—"
        : g.progressPercent().setScale(1, RoundingMode.HALF_UP).toPlainString() + "%");
    row.put("grade", g.gradeLabel());
    // what the grade compared the actual with, and a warning when the newest actual is too old
    row.put("note", String.join("　", java.util.stream.Stream.of(g.comparedLabel(), g.staleNote())
        .filter(java.util.Objects::nonNull).toList()));
    return row;
  }

  /** The path at the actual's year: as many decimals as the plan's own values have. */
  static String path(IndicatorGradeView g) {
    return plain(g.pathValue().setScale(Math.max(0, Math.max(scale(g.baseValue()), scale(g.targetValue()))),
        RoundingMode.HALF_UP));
  }

  /** 達成 2・順調 3・遅れ 1・…（全15指標）: only the grades that occur. */
  static String summary(List<IndicatorGradeView> grades) {
    if (grades.isEmpty()) {
      return "この計画には指標が登録されていません。";
    }
    var counts = new EnumMap<IndicatorGrade, Long>(grades.stream()
        .collect(Collectors.groupingBy(IndicatorGradeView::grade, Collectors.counting())));
    return Arrays.stream(IndicatorGrade.values()).filter(counts::containsKey)
        .map(g -> g.label() + " " + counts.get(g)).collect(Collectors.joining("・"))
        + "（全" + grades.size() + "指標）";
  }

  private static int scale(BigDecimal value) {
    return value == null ? 0 : value.stripTrailingZeros().scale();
  }

  private static String plain(BigDecimal value) {
    return value == null ? "—" : value.toPlainString();
  }
}
