package jp.climatepdca.assessment;

import jp.climatepdca.system.CycleReference;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * bpmn/department-self-assessment.bpmn: one department's self-assessment, approved by its head and
 * accepted by the secretariat; both can return it to the staff with a comment.
 */
public final class DepartmentSelfAssessmentProcess {

  public static final String KEY = "department-self-assessment";

  public static final String TASK_ENTER = "Task_EnterSelfAssessment";
  public static final String TASK_HEAD_APPROVAL = "Task_HeadApproval";
  public static final String TASK_SECRETARIAT_REVIEW = "Task_SecretariatReview";
  public static final String GATEWAY_HEAD_DECISION = "Gateway_HeadDecision";
  public static final String GATEWAY_SECRETARIAT_DECISION = "Gateway_SecretariatDecision";
  public static final String END_ACCEPTED = "Event_SelfAssessmentAccepted";

  /**
   * Reference: the department's code (the multi-instance element of the cycle's call activity), for the
   * BPMN's candidate groups. Listeners take it from the business key instead: {@link #department}.
   */
  public static final String DEPARTMENT_CODE = "departmentCode";
  /** Routing flags, set by the review listeners from the reviewer's decision. */
  public static final String HEAD_APPROVED = "headApproved";
  public static final String SECRETARIAT_ACCEPTED = "secretariatAccepted";

  /** Form fields. */
  public static final String MEASURES = "measures";
  public static final String ASSESSMENTS = "assessments";

  private DepartmentSelfAssessmentProcess() {}

  /**
   * Whose self-assessment a task belongs to: the last part of its process's business key
   * ({@code env} of {@code 999999:2026:env}, which the cycle's call activity sets), never a variable a
   * person could set on their task.
   */
  static String department(DelegateTask task) {
    return CycleReference.subject(task);
  }
}
