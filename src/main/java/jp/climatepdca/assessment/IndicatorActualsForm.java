package jp.climatepdca.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.climatepdca.plan.ActualValueInput;
import jp.climatepdca.plan.ActualValueRows;
import jp.climatepdca.plan.ActualValueView;
import jp.climatepdca.plan.IndicatorKind;
import jp.climatepdca.plan.IndicatorView;
import jp.climatepdca.plan.PlanIndicatorService;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The indicator part of Task_EnterSelfAssessment: the department's indicators with their base, target and
 * last known value, and an actual value (with its source) for the reviewed year. Values are optional (a
 * statistic may not be out yet); a cleared value is removed. Saved in the task's transaction with the
 * assessments, so a refused form saves neither. The rows and their check are the plan's
 * ({@link ActualValueRows}), shared with the area's compilation check.
 */
@Component
class IndicatorActualsForm {

  static final String INDICATORS = "indicators";
  /** STAGES indicators (a key project's stage), entered with a select rather than a number. */
  static final String STAGE_INDICATORS = "stageIndicators";
  static final String STAGE_SOURCE = "自己点検・自己評価";
  private static final String WHOSE = "この部署の";

  private final PlanIndicatorService indicators;
  private final TaskVariables variables;

  IndicatorActualsForm(PlanIndicatorService indicators, TaskVariables variables) {
    this.indicators = indicators;
    this.variables = variables;
  }

  void load(DelegateTask task, String municipality, String department, int reviewYear) {
    var rows = rows(municipality, department, reviewYear, null);
    variables.putRows(task, INDICATORS, rows.numbers());
    variables.putRows(task, STAGE_INDICATORS, rows.stages());
  }

  /**
   * The form's rows of the department's indicators, each with the reviewed year's value: the one in
   * {@code entered} (the Excel upload's, none for an indicator left out), or the saved one when {@code entered}
   * is null.
   */
  ActualValueRows.Rows rows(String municipality, String department, int reviewYear,
      Map<String, ActualValueInput> entered) {
    return ActualValueRows.rows(entered(municipality, department, reviewYear), actuals(municipality), reviewYear,
        entered);
  }

  private Map<String, List<ActualValueView>> actuals(String municipality) {
    return indicators.actuals(municipality).stream().collect(Collectors.groupingBy(ActualValueView::indicatorCode));
  }

  /**
   * The department's indicators as the workbook's second sheet lists them (docs/excel.md), with the reviewed
   * year's value as {@link #rows} picks it.
   */
  List<IndicatorActualsSheet.Line> sheetLines(String municipality, String department, int reviewYear,
      Map<String, ActualValueInput> entered) {
    var actuals = actuals(municipality);
    return entered(municipality, department, reviewYear).stream().map(i -> {
      var values = actuals.getOrDefault(i.code(), List.<ActualValueView>of());
      var current = entered != null ? entered.get(i.code()) : ActualValueRows.stored(i, values, reviewYear);
      var target = i.kind() == IndicatorKind.STAGES
          ? ActualValueRows.plannedStage(i, reviewYear) + "（目標 " + i.targetsLabel() + "）"
          : ActualValueRows.targetLabel(i);
      return new IndicatorActualsSheet.Line(i, target, ActualValueRows.previousLabel(i, values, reviewYear),
          current == null ? null : current.value(), current == null ? null : current.source());
    }).toList();
  }

  /** What an open form holds (rows the form would not show, or could not save, are left out). */
  static Map<String, ActualValueInput> fromForm(List<Map<String, Object>> numbers, List<Map<String, Object>> stages) {
    return ActualValueRows.fromForm(numbers, stages, STAGE_SOURCE);
  }

  /**
   * The department's indicators it types in, as the plan version in force in the reviewed year defines them:
   * one filled from the emissions inventory is nobody's to type.
   */
  List<IndicatorView> entered(String municipality, String department, int reviewYear) {
    return indicators.departmentIndicators(municipality, department, reviewYear).stream().filter(IndicatorView::typed).toList();
  }

  /** For the reviewers: what the department entered for the reviewed year, indicator by indicator. */
  void showEntered(DelegateTask task, String municipality, String department, int reviewYear) {
    var entered = indicators.actuals(municipality).stream().filter(a -> a.valueYear() == reviewYear)
        .collect(Collectors.toMap(ActualValueView::indicatorCode, a -> a));
    var rows = entered(municipality, department, reviewYear).stream().map(i -> {
      var a = entered.get(i.code());
      var row = new LinkedHashMap<String, Object>();
      row.put("indicatorName", i.name() + "（" + i.unit() + "）");
      row.put("target", ActualValueRows.targetLabel(i));
      row.put("actual", a == null ? "未入力" : i.valueLabel(a.value()));
      row.put("source", a == null ? "" : a.source());
      return (Map<String, Object>) row;
    }).toList();
    variables.putRows(task, "indicatorActuals", rows);
  }

  /** Checks every row; what holds up is returned, every problem added to {@code errors} naming the indicator. */
  List<ActualValueInput> read(DelegateTask task, String municipality, String department, int reviewYear,
      List<String> errors) {
    return ActualValueRows.read(variables.rows(task, INDICATORS), variables.rows(task, STAGE_INDICATORS),
        entered(municipality, department, reviewYear), STAGE_SOURCE, WHOSE, errors);
  }

  void save(String municipality, int reviewYear, List<ActualValueInput> inputs, String user) {
    indicators.record(municipality, reviewYear, inputs, user);
  }
}
