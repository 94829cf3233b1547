package jp.climatepdca.assessment;

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

  /** Reference: the department's code (the multi-instance element of the cycle's call activity). */
  public static final String DEPARTMENT_CODE = "departmentCode";
  /** Routing flags, set by the review listeners from the reviewer's decision. */
  public static final String HEAD_APPROVED = "headApproved";
  public static final String SECRETARIAT_ACCEPTED = "secretariatAccepted";

  /** Form fields. */
  public static final String MEASURES = "measures";
  public static final String ASSESSMENTS = "assessments";

  private DepartmentSelfAssessmentProcess() {}
}
