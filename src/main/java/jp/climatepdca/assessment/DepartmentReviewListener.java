package jp.climatepdca.assessment;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.ASSESSMENTS;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.HEAD_APPROVED;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.SECRETARIAT_ACCEPTED;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;

import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.review.ReviewForm;
import jp.climatepdca.review.ReviewLevel;
import jp.climatepdca.review.ReviewOutcome;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_HeadApproval (所属長の承認) and Task_SecretariatReview (事務局の確認): shows the department's saved
 * answers and indicator values, and turns the reviewer's decision into the routing flag of the gateway that follows.
 */
@Component("departmentReviewListener")
class DepartmentReviewListener extends FormTaskListener {

  private final PlanService plan;
  private final AssessmentRows rows;
  private final IndicatorActualsForm indicators;
  private final ReviewForm reviewForm;
  private final TaskVariables variables;

  DepartmentReviewListener(PlanService plan, AssessmentRows rows, IndicatorActualsForm indicators,
      ReviewForm reviewForm, TaskVariables variables) {
    this.plan = plan;
    this.rows = rows;
    this.indicators = indicators;
    this.reviewForm = reviewForm;
    this.variables = variables;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    var department = DepartmentSelfAssessmentProcess.department(task);
    var level = level(task);
    var departmentName = plan.department(cycle.municipality(), department).name();
    variables.putText(task, "departmentName", departmentName);
    DepartmentTaskNames.name(task, departmentName);
    variables.putText(task, "reviewerRole", level.label());
    variables.putRows(task, ASSESSMENTS, rows.of(cycle.municipality(), cycle.fiscalYear(),
        CycleReference.reviewYear(task), department));
    indicators.showEntered(task, cycle.municipality(), department, CycleReference.reviewYear(task));
    reviewForm.declare(task);
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var department = DepartmentSelfAssessmentProcess.department(task);
    var level = level(task);
    List<String> errors = new ArrayList<>();
    var outcome = reviewForm.read(task, errors);
    refuseIfAny(errors);
    reviewForm.record(task, cycle.municipality(), cycle.fiscalYear(), department, level, outcome);
    task.getExecution().setVariable(level == ReviewLevel.DEPARTMENT_HEAD ? HEAD_APPROVED : SECRETARIAT_ACCEPTED,
        outcome == ReviewOutcome.APPROVE);
  }

  /** The same listener serves the head's approval and the secretariat's review. */
  private static ReviewLevel level(DelegateTask task) {
    return TASK_HEAD_APPROVAL.equals(task.getTaskDefinitionKey()) ? ReviewLevel.DEPARTMENT_HEAD : ReviewLevel.SECRETARIAT;
  }
}
