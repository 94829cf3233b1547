package jp.climatepdca.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.climatepdca.plan.ActualValueCheck;
import jp.climatepdca.plan.ActualValueInput;
import jp.climatepdca.plan.ActualValueView;
import jp.climatepdca.plan.IndicatorKind;
import jp.climatepdca.plan.IndicatorStage;
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
  /** STAGES indicators (a key project's stage), entered with a select rather than a number. */
  static final String STAGE_INDICATORS = "stageIndicators";
  private static final String STAGE_SOURCE = "自己点検・自己評価";

  private final PlanIndicatorService indicators;
  private final TaskVariables variables;

  IndicatorActualsForm(PlanIndicatorService indicators, TaskVariables variables) {
    this.indicators = indicators;
    this.variables = variables;
  }

  void load(DelegateTask task, String municipality, String department, int reviewYear) {
    var actuals = indicators.actuals(municipality).stream()
        .collect(Collectors.groupingBy(ActualValueView::indicatorCode));
    var own = entered(municipality, department, reviewYear);
    var rows = own.stream().filter(i -> i.kind() != IndicatorKind.STAGES)
        .map(i -> row(i, actuals.getOrDefault(i.code(), List.of()), reviewYear)).toList();
    variables.putRows(task, INDICATORS, rows);
    var stageRows = own.stream().filter(i -> i.kind() == IndicatorKind.STAGES)
        .map(i -> stageRow(i, actuals.getOrDefault(i.code(), List.of()), reviewYear)).toList();
    variables.putRows(task, STAGE_INDICATORS, stageRows);
  }

  /**
   * The department's indicators it types in, as the plan version in force in the reviewed year defines them:
   * one filled from the emissions inventory is nobody's to type.
   */
  private List<IndicatorView> entered(String municipality, String department, int reviewYear) {
    return indicators.departmentIndicators(municipality, department, reviewYear).stream().filter(IndicatorView::typed).toList();
  }

  private static Map<String, Object> stageRow(IndicatorView i, List<ActualValueView> actuals, int reviewYear) {
    var current = actuals.stream().filter(a -> a.valueYear() == reviewYear).findFirst();
    var earlier = actuals.stream().filter(a -> a.valueYear() < reviewYear)
        .max(Comparator.comparingInt(ActualValueView::valueYear));
    var planned = i.targets().stream().filter(t -> t.year() <= reviewYear).reduce((a, b) -> b)
        .map(t -> i.valueLabel(t.value()) + "（" + t.year() + "年度〜）").orElse("未着手");
    var row = new LinkedHashMap<String, Object>();
    row.put("indicatorCode", i.code());
    row.put("indicatorName", i.name());
    row.put("measureCode", i.measureCode() == null ? "計画全体" : i.measureCode());
    row.put("plannedLabel", planned);
    row.put("targetLabel", i.targetsLabel());
    row.put("previousLabel", earlier.map(a -> a.valueYear() + "年度 " + i.valueLabel(a.value())).orElse("—"));
    row.put("stage", current.flatMap(a -> IndicatorStage.of(a.value())).map(Enum::name).orElse(null));
    return row;
  }

  private static Map<String, Object> row(IndicatorView i, List<ActualValueView> actuals, int reviewYear) {
    var current = actuals.stream().filter(a -> a.valueYear() == reviewYear).findFirst();
    var earlier = actuals.stream().filter(a -> a.valueYear() < reviewYear)
        .max(Comparator.comparingInt(ActualValueView::valueYear));
    var row = new LinkedHashMap<String, Object>();
    row.put("indicatorCode", i.code());
    row.put("indicatorName", i.name() + "（" + i.unit() + "）");
    row.put("measureCode", i.measureCode() == null ? "計画全体" : i.measureCode());
    row.put("baseLabel", i.baseValue() == null ? "—" : i.baseYear() + "年度 " + i.baseValue().toPlainString());
    row.put("targetLabel", targetLabel(i));
    row.put("previousLabel", earlier.map(a -> a.valueYear() + "年度 " + a.value().toPlainString()).orElse("—"));
    row.put("actualValue", current.map(ActualValueView::value).orElse(null));
    row.put("actualSource", current.map(ActualValueView::source).orElse(""));
    return row;
  }

  /** The target as the kind reads it: a path's targets and direction, a threshold, a level to keep. */
  private static String targetLabel(IndicatorView i) {
    return switch (i.kind()) {
      case MAINTAIN -> i.baseValue().toPlainString() + " を維持（" + i.direction().label() + "）";
      case AT_LEAST -> i.targetsLabel() + " 以上";
      case AT_MOST -> i.targetsLabel() + " 以下";
      case YEAR_ON_YEAR_DECREASE -> "前年度より減少";
      default -> i.targetsLabel() + "（" + i.direction().label() + "）";
    };
  }

  /** For the reviewers: what the department entered for the reviewed year, indicator by indicator. */
  void showEntered(DelegateTask task, String municipality, String department, int reviewYear) {
    var entered = indicators.actuals(municipality).stream().filter(a -> a.valueYear() == reviewYear)
        .collect(Collectors.toMap(ActualValueView::indicatorCode, a -> a));
    var rows = entered(municipality, department, reviewYear).stream().map(i -> {
      var a = entered.get(i.code());
      var row = new LinkedHashMap<String, Object>();
      row.put("indicatorName", i.name() + "（" + i.unit() + "）");
      row.put("target", targetLabel(i));
      row.put("actual", a == null ? "未入力" : i.valueLabel(a.value()));
      row.put("source", a == null ? "" : a.source());
      return (Map<String, Object>) row;
    }).toList();
    variables.putRows(task, "indicatorActuals", rows);
  }

  /** Checks every row; what holds up is returned, every problem added to {@code errors} naming the indicator. */
  List<ActualValueInput> read(DelegateTask task, String municipality, String department, int reviewYear,
      List<String> errors) {
    var mine = entered(municipality, department, reviewYear);
    var own = mine.stream().filter(i -> i.kind() != IndicatorKind.STAGES).map(IndicatorView::code).toList();
    var stages = mine.stream().filter(i -> i.kind() == IndicatorKind.STAGES).map(IndicatorView::code).toList();
    var inputs = new ArrayList<ActualValueInput>();
    var seen = new HashSet<String>();
    readStages(task, stages, seen, inputs, errors);
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

  /** A stage chosen from the select; none chosen leaves the year without a value (or clears it). */
  private void readStages(DelegateTask task, List<String> own, Set<String> seen, List<ActualValueInput> inputs,
      List<String> errors) {
    for (var row : variables.rows(task, STAGE_INDICATORS)) {
      var code = String.valueOf(row.get("indicatorCode"));
      if (!own.contains(code)) {
        errors.add("指標コード \"" + code + "\" はこの部署の段階で評価する指標ではありません");
        continue;
      }
      if (!seen.add(code)) {
        errors.add("指標 " + code + ": 同じ指標が2回入力されています");
        continue;
      }
      var raw = row.get("stage");
      if (raw == null || raw.toString().isBlank()) {
        inputs.add(new ActualValueInput(code, null, null));
        continue;
      }
      var stage = java.util.Arrays.stream(IndicatorStage.values()).filter(s -> s.name().equals(raw.toString()))
          .findFirst();
      if (stage.isEmpty()) {
        errors.add("指標 " + code + ": 段階の値 \"" + raw + "\" は選択肢にありません");
        continue;
      }
      inputs.add(new ActualValueInput(code, stage.get().value(), STAGE_SOURCE));
    }
  }

  void save(String municipality, int reviewYear, List<ActualValueInput> inputs, String user) {
    indicators.record(municipality, reviewYear, inputs, user);
  }
}
