package jp.climatepdca.assessment;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.MEASURES;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.plan.MeasureView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.review.ReviewLevel;
import jp.climatepdca.review.ReviewLog;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Task_EnterSelfAssessment (自己点検・自己評価の入力): on create, loads the department's measures with
 * what was entered before, its indicators (see {@link IndicatorActualsForm}) and any return comment; on
 * complete, checks every row and saves them all, or nothing.
 */
@Component("selfAssessmentEntryListener")
class SelfAssessmentEntryListener extends FormTaskListener {

  private static final int MAX_TEXT = 4000;
  static final String WORKBOOK_DOWNLOAD = "workbookDownload";
  private static final List<ReviewLevel> REVIEWERS = List.of(ReviewLevel.DEPARTMENT_HEAD, ReviewLevel.SECRETARIAT);

  private final PlanService plan;
  private final SelfAssessmentService assessments;
  private final ReviewLog reviews;
  private final IndicatorActualsForm indicators;
  private final TaskVariables variables;
  /** Tasklist's application path: the form's download goes through the webapps' API with the person's login. */
  private final String webapps;

  SelfAssessmentEntryListener(PlanService plan, SelfAssessmentService assessments, ReviewLog reviews,
      IndicatorActualsForm indicators, TaskVariables variables,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    this.plan = plan;
    this.assessments = assessments;
    this.reviews = reviews;
    this.indicators = indicators;
    this.variables = variables;
    this.webapps = webapps;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    var department = DepartmentSelfAssessmentProcess.department(task);
    var saved = assessments.department(cycle.municipality(), cycle.fiscalYear(), department).stream()
        .collect(Collectors.toMap(AssessmentView::measureCode, Function.identity()));
    // the measures of the plan version in force in the reviewed year, retired ones left out
    var rows = plan.activeMeasures(cycle.municipality(), department, CycleReference.reviewYear(task)).stream()
        .map(m -> row(m, saved.get(m.code()))).toList();
    var departmentName = plan.department(cycle.municipality(), department).name();
    variables.putText(task, "departmentName", departmentName);
    DepartmentTaskNames.name(task, departmentName);
    variables.putText(task, "returnNotice", reviews
        .pendingReturnNotice(cycle.municipality(), cycle.fiscalYear(), department, REVIEWERS)
        .orElse(""));
    variables.putRows(task, MEASURES, rows);
    // the form's link to the workbook of this very task (docs/excel.md); the upload beside it needs none
    variables.putText(task, WORKBOOK_DOWNLOAD, webapps + "/api/climate-pdca/task-files/"
        + SelfAssessmentWorkbookUpload.NAME + "/" + task.getId());
    indicators.load(task, cycle.municipality(), department, CycleReference.reviewYear(task));
  }

  /** A row of the form; also the Excel upload's ({@link SelfAssessmentWorkbookService}), so both fill it alike. */
  static Map<String, Object> row(MeasureView measure, AssessmentView saved) {
    var row = new LinkedHashMap<String, Object>();
    row.put("measureCode", measure.code());
    row.put("measureName", measure.name());
    row.put("kindLabel", measure.kind().label());
    row.put("keyProjectLabel", measure.keyProject() ? "重点" : "");
    // the plan as last year's Action step left it: what was to be modified, and why
    row.put("lastDecision", measure.lastDecision() == null ? "" : measure.lastDecision().describe());
    row.put("progress", saved == null ? null : saved.progress().name());
    row.put("achievements", saved == null ? "" : saved.achievements());
    row.put("issues", saved == null || saved.issues() == null ? "" : saved.issues());
    row.put("nextSteps", saved == null || saved.nextSteps() == null ? "" : saved.nextSteps());
    return row;
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var department = DepartmentSelfAssessmentProcess.department(task);
    var expected = plan.activeMeasures(cycle.municipality(), department, CycleReference.reviewYear(task)).stream()
        .map(MeasureView::code).toList();
    var inputs = new ArrayList<AssessmentInput>();
    var errors = new ArrayList<String>();
    var seen = new HashSet<String>();
    for (var row : variables.rows(task, MEASURES)) {
      var code = String.valueOf(row.get("measureCode"));
      if (!expected.contains(code)) {
        errors.add("施策コード \"" + code + "\" はこの部署の施策ではありません");
      } else if (!seen.add(code)) {
        errors.add(code + ": 同じ施策が2回入力されています");
      } else {
        var input = input(code, row, errors);
        if (input != null) {
          inputs.add(input);
        }
      }
    }
    expected.stream().filter(code -> !seen.contains(code))
        .forEach(code -> errors.add(code + ": この施策の自己評価がありません"));
    var actuals = indicators.read(task, cycle.municipality(), department, CycleReference.reviewYear(task), errors);
    refuseIfAny(errors);
    var user = variables.currentUser(task);
    assessments.save(cycle.municipality(), cycle.fiscalYear(), department, inputs, user);
    indicators.save(cycle.municipality(), CycleReference.reviewYear(task), actuals, user);
  }

  private static AssessmentInput input(String code, Map<String, Object> row, List<String> errors) {
    var before = errors.size();
    Progress progress = null;
    var progressValue = row.get("progress");
    if (progressValue == null || progressValue.toString().isBlank()) {
      errors.add(code + ": 進捗状況を選んでください");
    } else {
      try {
        progress = Progress.valueOf(progressValue.toString());
      } catch (IllegalArgumentException e) {
        errors.add(code + ": 進捗状況の値 \"" + progressValue + "\" は選択肢にありません");
      }
    }
    var achievements = text(code, "取組実績", row.get("achievements"), errors);
    if (achievements == null) {
      errors.add(code + ": 取組実績を入力してください");
    }
    var issues = text(code, "課題", row.get("issues"), errors);
    var nextSteps = text(code, "今後の方向性", row.get("nextSteps"), errors);
    return errors.size() == before ? new AssessmentInput(code, progress, achievements, issues, nextSteps) : null;
  }

  private static String text(String code, String label, Object value, List<String> errors) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      errors.add(code + ": " + label + "は文字で入力してください");
      return null;
    }
    if (s.length() > MAX_TEXT) {
      errors.add(code + ": " + label + "は" + MAX_TEXT + "文字以内で入力してください（" + s.length() + "文字）");
    }
    return s.isBlank() ? null : s.strip();
  }
}
