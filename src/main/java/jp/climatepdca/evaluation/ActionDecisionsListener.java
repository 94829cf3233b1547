package jp.climatepdca.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.assessment.AssessmentView;
import jp.climatepdca.assessment.SelfAssessmentService;
import jp.climatepdca.plan.DepartmentView;
import jp.climatepdca.plan.MeasureView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Task_ActionDecisions (施策の見直し): for every active measure, continue, modify, discard, or promote a
 * study measure to implementation; the decisions shape next year's plan. Since #20 the default is 継続: the
 * secretariat names only the exceptions (継続以外とする施策: measure, decision, reason) and every other measure
 * continues, recorded as such ({@link ActionDecisionRows#DEFAULT_NOTE}). The form shows every measure
 * read-only in one table ({@code measures}, needing attention first) filtered by department and grade with
 * FEEL, so 400 measures are a page, not 400 blocks; API clients may still send {@code measures} back with
 * decisions (docs/api.md). A measure that carries a shared measure of the member's area takes the area's
 * decision (圏域の決定): it is listed apart (areaMeasures), read-only; its copy sent back is not read, a row
 * deciding it otherwise is refused, a 400 naming the measure, and the note recorded is the area's
 * (docs/area-cycle.md). Which measures are bound comes from the area's tables, never from the form.
 */
@Component("actionDecisionsListener")
class ActionDecisionsListener extends FormTaskListener {

  /** Every measure of the member's own, read-only in the form; API clients may send decisions in it. */
  static final String MEASURES = "measures";
  /** 継続以外とする施策: the rows the secretariat adds (measure, decision, reason). */
  static final String EXCEPTIONS = "exceptions";
  /** The measures the area decided (read-only in the form; the submitted copy is not read). */
  static final String AREA_MEASURES = "areaMeasures";
  /** The overview's filters (部署, 評価): only the form's FEEL reads them; "ALL" shows every row. */
  static final String FILTER_DEPARTMENT = "filterDepartment";
  static final String FILTER_GRADE = "filterGrade";
  private static final String ALL = "ALL";
  private static final String ATTENTION = "ATTENTION";

  private final PlanService plan;
  private final SelfAssessmentService assessments;
  private final EvaluationService evaluations;
  private final IndicatorService indicators;
  private final TaskVariables variables;
  private final ObjectProvider<AreaDecisionsForMember> areaDecisions;
  private final OpinionsFromLastYear opinionsFromLastYear;

  ActionDecisionsListener(PlanService plan, SelfAssessmentService assessments, EvaluationService evaluations,
      IndicatorService indicators, TaskVariables variables, ObjectProvider<AreaDecisionsForMember> areaDecisions,
      OpinionsFromLastYear opinionsFromLastYear) {
    this.plan = plan;
    this.assessments = assessments;
    this.evaluations = evaluations;
    this.indicators = indicators;
    this.variables = variables;
    this.areaDecisions = areaDecisions;
    this.opinionsFromLastYear = opinionsFromLastYear;
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var measures = plan.activeMeasures(cycle.municipality(), CycleReference.reviewYear(task)).stream()
        .collect(Collectors.toMap(MeasureView::code, Function.identity()));
    var rows = new ActionDecisionRows(measures, bound(cycle));
    rows.listed(variables.rows(task, MEASURES));
    rows.exceptions(variables.rows(task, EXCEPTIONS));
    refuseIfAny(rows.errors());
    evaluations.decide(cycle.municipality(), cycle.fiscalYear(), rows.decisions(), variables.currentUser(task));
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    var progress = assessments.all(cycle.municipality(), cycle.fiscalYear()).stream()
        .collect(Collectors.toMap(AssessmentView::measureCode, AssessmentView::progress));
    var grades = indicators.grades(cycle.municipality(), cycle.fiscalYear()).stream()
        .filter(g -> g.measureCode() != null)
        .collect(Collectors.groupingBy(IndicatorGradeView::measureCode,
            Collectors.mapping(IndicatorGradeView::grade, Collectors.toList())));
    var departments = plan.departments(cycle.municipality()).stream()
        .collect(Collectors.toMap(DepartmentView::code, DepartmentView::name, (a, b) -> a, LinkedHashMap::new));
    var departmentOrder = new ArrayList<>(departments.keySet());
    var bound = bound(cycle);
    var rows = new ArrayList<Map<String, Object>>();
    var areaRows = new ArrayList<Map<String, Object>>();
    var options = new ArrayList<Map<String, Object>>();
    var gradeLabels = new TreeSet<String>();
    var measures = plan.activeMeasures(cycle.municipality(), CycleReference.reviewYear(task)).stream()
        .sorted(Comparator.comparingInt((MeasureView m) -> departmentOrder.indexOf(m.departmentCode()))
            .thenComparing(MeasureView::code)).toList();
    for (var m : measures) {
      var standing = MeasureStanding.of(progress.get(m.code()), grades.getOrDefault(m.code(), List.of()));
      var department = departments.getOrDefault(m.departmentCode(), m.departmentCode());
      var row = new LinkedHashMap<String, Object>();
      row.put("measureCode", m.code());
      row.put("measureName", m.name());
      row.put("kindLabel", m.kind().label());
      row.put("progressLabel", standing.progressLabel());
      var area = bound.get(m.code());
      if (area == null) {
        row.put("departmentCode", m.departmentCode());
        row.put("departmentName", department);
        row.put("gradeLabel", standing.gradeLabel());
        row.put("attention", standing.attention());
        row.put("attentionLabel", standing.attention() ? "要確認" : "");
        row.put("decision", null);
        row.put("note", "");
        rows.add(row);
        options.add(Map.of("label", department + " / " + m.code() + " " + m.name() + "（" + standing.describe() + "）",
            "value", m.code()));
        gradeLabels.add(standing.gradeLabel());
        continue;
      }
      // the area decided it: shown in its own read-only list; what counts is read again from the area's tables
      row.put("decision", area.decision().name());
      row.put("decisionLabel", area.decision().label());
      row.put("note", area.note());
      row.put("areaNotice", "圏域（" + area.areaName() + "）の共通施策 " + area.sharedMeasures() + " を実施する施策です。"
          + "圏域の決定「" + area.decision().label() + "」に従います（変更できません）");
      areaRows.add(row);
    }
    // needing attention first (stable: department and code order within each)
    rows.sort(Comparator.comparing((Map<String, Object> r) -> !(Boolean) r.get("attention")));
    var opinions = evaluations.opinions(cycle.municipality(), cycle.fiscalYear()).stream().map(o -> {
      var row = new LinkedHashMap<String, Object>();
      row.put("measureCode", o.measureCode() == null ? "全体" : o.measureCode());
      row.put("opinion", o.opinion());
      return row;
    }).toList();
    variables.putRows(task, MEASURES, rows);
    variables.putRows(task, EXCEPTIONS, List.of());
    variables.putRows(task, "measureOptions", options);
    variables.putRows(task, "departmentOptions", filterOptions("すべての部署", rows.stream()
        .map(r -> Map.<String, Object>of("label", r.get("departmentName"), "value", r.get("departmentCode")))
        .distinct().toList()));
    var gradeOptions = new ArrayList<Map<String, Object>>();
    gradeOptions.add(Map.of("label", "要確認（進捗が遅れ・未着手、または指標が未達成・悪化など）", "value", ATTENTION));
    gradeLabels.forEach(label -> gradeOptions.add(Map.of("label", label, "value", label)));
    variables.putRows(task, "gradeOptions", filterOptions("すべての評価", gradeOptions));
    variables.putText(task, FILTER_DEPARTMENT, ALL);
    variables.putText(task, FILTER_GRADE, ALL);
    variables.putRows(task, AREA_MEASURES, areaRows);
    variables.putRows(task, "committeeOpinions", opinions);
    // 川崎市's order: the committee heard last year's report after this cycle's predecessor ended
    opinionsFromLastYear.show(task);
    // a member of an area: what the area decided on the shared measures it implements or studies
    var area = areaDecisions.getIfAvailable();
    variables.putRows(task, "areaDecisions", area == null ? List.of() : area.decisions(cycle.municipality(), cycle.fiscalYear()));
  }

  /** A filter's choices: "ALL" first (what the filter starts at), then the given ones. */
  private static List<Map<String, Object>> filterOptions(String allLabel, List<Map<String, Object>> choices) {
    var options = new ArrayList<Map<String, Object>>();
    options.add(Map.of("label", allLabel, "value", ALL));
    options.addAll(choices);
    return options;
  }

  /** The member's measures the area's Action decides, by the member's measure code (empty outside an area cycle). */
  private Map<String, AreaDecisionsForMember.Binding> bound(CycleReference cycle) {
    var area = areaDecisions.getIfAvailable();
    return area == null ? Map.of() : area.binding(cycle.municipality(), cycle.fiscalYear()).stream()
        .collect(Collectors.toMap(AreaDecisionsForMember.Binding::memberMeasure, Function.identity()));
  }
}
