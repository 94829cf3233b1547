package jp.climatepdca.periodevaluation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.climatepdca.emission.EmissionsSummary;
import jp.climatepdca.plan.DepartmentView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.TaskInputException;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What every task of the evaluation shows (read-only, task-local): the period, the kept trend as tables
 * (form-js tables bound to JSON lists), the notes of the earlier steps, and a return's comment.
 */
@Component
class PeriodEvaluationForms {

  /** A task's text variable holds 4,000 characters (the engine's string column). */
  static final int MAX_TEXT = 4000;
  private static final DateTimeFormatter COMPILED_AT = DateTimeFormatter.ofPattern("yyyy年M月d日 H時mm分")
      .withZone(ZoneId.of("Asia/Tokyo"));

  private final PeriodEvaluationStore store;
  private final PeriodTrends trends;
  private final TaskVariables variables;
  private final PlanService plan;

  PeriodEvaluationForms(PeriodEvaluationStore store, PeriodTrends trends, TaskVariables variables, PlanService plan) {
    this.plan = plan;
    this.store = store;
    this.trends = trends;
    this.variables = variables;
  }

  PeriodEvaluationRow evaluation(CycleReference reference) {
    return store.get(reference.municipality(), reference.fiscalYear());
  }

  PeriodEvaluationRow show(DelegateTask task, CycleReference reference) {
    var row = evaluation(reference);
    var trend = trends.latest(row).orElseThrow(() -> new IllegalStateException("no trend compiled for " + reference));
    variables.putText(task, "municipalityName", trend.municipalityName());
    variables.putText(task, "kindLabel", row.kind().label());
    variables.putText(task, "period", row.firstYear() + "〜" + row.lastYear() + "年度");
    variables.putText(task, "planVersion", trend.planVersion() == null ? "—" : "第" + trend.planVersion() + "版");
    variables.putText(task, "reviewedYears", trend.planYears().isEmpty() ? "（まだありません）"
        : trend.planYears().get(0) + "〜" + trend.planYears().get(trend.planYears().size() - 1) + "年度");
    variables.putText(task, "compiledAt", COMPILED_AT.format(trend.compiledAt()));
    variables.putRows(task, "emissionRows", trend.emissions().stream().map(PeriodEvaluationForms::emissionRow).toList());
    variables.putRows(task, "indicatorRows", trend.indicators().stream().map(PeriodEvaluationForms::indicatorRow).toList());
    var departments = plan.departments(row.municipality()).stream()
        .collect(Collectors.toMap(DepartmentView::code, DepartmentView::name));
    variables.putRows(task, "projectRows", trend.keyProjects().stream()
        .map(p -> projectRow(p, departments.getOrDefault(p.departmentCode(), p.departmentCode()))).toList());
    variables.putText(task, "secretariatNoteShown", orNone(row.secretariatNote()));
    variables.putText(task, "headquartersEvaluationShown", orNone(row.headquartersEvaluation()));
    variables.putText(task, "committeeOpinionsShown", orNone(row.committeeOpinions()));
    variables.putText(task, "returnNotice", row.returnComment());
    return row;
  }

  /** A required text of at most {@value #MAX_TEXT} characters, or an error in {@code errors}. */
  String requiredText(DelegateTask task, String name, String label, List<String> errors) {
    var text = variables.text(task, name).orElse(null);
    if (text == null) {
      errors.add(label + "を入力してください");
    } else if (text.length() > MAX_TEXT) {
      errors.add(label + "は" + MAX_TEXT + "文字以内で入力してください（" + text.length() + "文字）");
    }
    return text;
  }

  static void refuseIfAny(List<String> errors) {
    if (!errors.isEmpty()) {
      throw new TaskInputException(errors);
    }
  }

  private static String orNone(String text) {
    return text == null || text.isBlank() ? "（未入力）" : text;
  }

  private static Map<String, Object> emissionRow(PeriodTrend.EmissionYear e) {
    var row = new LinkedHashMap<String, Object>();
    row.put("year", e.year() + "年度");
    row.put("total", EmissionsSummary.tonnes(e.total()));
    row.put("change", EmissionsSummary.percent(e.changeFromBasePercent()));
    row.put("path", EmissionsSummary.tonnes(e.pathTotal()));
    row.put("gap", EmissionsSummary.percent(e.gapPercent()));
    row.put("status", e.onTrack() == null ? "目標経路なし" : e.onTrack() ? "目標経路以下" : "目標経路を上回る");
    return row;
  }

  private static Map<String, Object> indicatorRow(PeriodTrend.IndicatorTrend i) {
    var row = new LinkedHashMap<String, Object>();
    row.put("code", i.code());
    row.put("name", i.name());
    row.put("latest", i.years().isEmpty() ? "—" : i.years().get(i.years().size() - 1).gradeLabel());
    row.put("history", i.years().stream().map(y -> y.planYear() + "年度 " + y.gradeLabel())
        .collect(Collectors.joining(" → ")));
    return row;
  }

  private static Map<String, Object> projectRow(PeriodTrend.KeyProjectTrend p, String department) {
    var row = new LinkedHashMap<String, Object>();
    row.put("code", p.code());
    row.put("name", p.name());
    row.put("department", department);
    row.put("history", p.years().stream().map(y -> y.planYear() + "年度 " + y.progressLabel())
        .collect(Collectors.joining(" → ")));
    return row;
  }
}
