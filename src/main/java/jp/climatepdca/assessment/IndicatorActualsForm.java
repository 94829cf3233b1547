package jp.climatepdca.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.climatepdca.plan.ActualValueCheck;
import jp.climatepdca.plan.ActualValueInput;
import jp.climatepdca.plan.ActualValueView;
import jp.climatepdca.plan.IndicatorView;
import jp.climatepdca.plan.PlanIndicatorService;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The indicator part of Task_EnterSelfAssessment: the department's indicators with their base, target and
 * last known value, and an actual value (with its source) for the reviewed year. Values are optional (a
 * statistic may not be out yet); a cleared value is removed. Saved in the task's transaction with the
 * assessments, so a refused form saves neither.
 */
@Component
class IndicatorActualsForm {

  static final String INDICATORS = "indicators";

  private final PlanIndicatorService indicators;
  private final TaskVariables variables;

  IndicatorActualsForm(PlanIndicatorService indicators, TaskVariables variables) {
    this.indicators = indicators;
    this.variables = variables;
  }

  void load(DelegateTask task, String municipality, String department, int reviewYear) {
    var actuals = indicators.actuals(municipality).stream()
        .collect(Collectors.groupingBy(ActualValueView::indicatorCode));
    var rows = indicators.departmentIndicators(municipality, department, reviewYear).stream()
        .map(i -> row(i, actuals.getOrDefault(i.code(), List.of()), reviewYear)).toList();
    variables.putRows(task, INDICATORS, rows);
  }

  private static Map<String, Object> row(IndicatorView i, List<ActualValueView> actuals, int reviewYear) {
    var current = actuals.stream().filter(a -> a.valueYear() == reviewYear).findFirst();
    var earlier = actuals.stream().filter(a -> a.valueYear() < reviewYear)
        .max(Comparator.comparingInt(ActualValueView::valueYear));
    var row = new LinkedHashMap<String, Object>();
    row.put("indicatorCode", i.code());
    row.put("indicatorName", i.name() + "（" + i.unit() + "）");
    row.put("measureCode", i.measureCode() == null ? "計画全体" : i.measureCode());
    row.put("baseLabel", i.baseYear() + "年度 " + i.baseValue().toPlainString());
    row.put("targetLabel", i.targetYear() + "年度 " + i.targetValue().toPlainString() + "（" + i.direction().label() + "）");
    row.put("previousLabel", earlier.map(a -> a.valueYear() + "年度 " + a.value().toPlainString()).orElse("—"));
    row.put("actualValue", current.map(ActualValueView::value).orElse(null));
    row.put("actualSource", current.map(ActualValueView::source).orElse(""));
    return row;
  }

  /** For the reviewers: what the department entered for the reviewed year, indicator by indicator. */
  void showEntered(DelegateTask task, String municipality, String department, int reviewYear) {
    var entered = indicators.actuals(municipality).stream().filter(a -> a.valueYear() == reviewYear)
        .collect(Collectors.toMap(ActualValueView::indicatorCode, a -> a));
    var rows = indicators.departmentIndicators(municipality, department, reviewYear).stream().map(i -> {
      var a = entered.get(i.code());
      var row = new LinkedHashMap<String, Object>();
      row.put("indicatorName", i.name() + "（" + i.unit() + "）");
      row.put("target", i.targetYear() + "年度 " + i.targetValue().toPlainString());
      row.put("actual", a == null ? "未入力" : a.value().toPlainString());
      row.put("source", a == null ? "" : a.source());
      return (Map<String, Object>) row;
    }).toList();
    variables.putRows(task, "indicatorActuals", rows);
  }

  /** Checks every row; what holds up is returned, every problem added to {@code errors} naming the indicator. */
  List<ActualValueInput> read(DelegateTask task, String municipality, String department, int reviewYear,
      List<String> errors) {
    var own = indicators.departmentIndicators(municipality, department, reviewYear).stream().map(IndicatorView::code).toList();
    var inputs = new ArrayList<ActualValueInput>();
    var seen = new HashSet<String>();
    for (var row : variables.rows(task, INDICATORS)) {
      var code = String.valueOf(row.get("indicatorCode"));
      if (!own.contains(code)) {
        errors.add("指標コード \"" + code + "\" はこの部署の指標ではありません");
        continue;
      }
      if (!seen.add(code)) {
        errors.add("指標 " + code + ": 同じ指標が2回入力されています");
        continue;
      }
      var before = errors.size();
      var where = "指標 " + code + ": ";
      BigDecimal value = ActualValueCheck.value(row.get("actualValue"), where, errors);
      var source = ActualValueCheck.source(row.get("actualSource"), value, where, errors);
      if (errors.size() == before) {
        inputs.add(new ActualValueInput(code, value, source));
      }
    }
    return inputs;
  }

  void save(String municipality, int reviewYear, List<ActualValueInput> inputs, String user) {
    indicators.record(municipality, reviewYear, inputs, user);
  }
}
