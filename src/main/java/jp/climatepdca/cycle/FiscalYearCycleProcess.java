package jp.climatepdca.cycle;

/**
 * bpmn/fiscal-year-cycle.bpmn: one municipality's fiscal year, from the April self-assessments to the
 * Action step. Started only through {@link CycleStarter}, with business key {@code <municipality>:<year>}.
 */
public final class FiscalYearCycleProcess {

  public static final String KEY = "fiscal-year-cycle";

  public static final String EVENT_APRIL_CHECK_DATE = "Event_AprilCheckDate";
  public static final String CALL_SELF_ASSESSMENTS = "Task_DepartmentSelfAssessments";
  public static final String TASK_COMPILE_CHECK = "Task_CompileCheck";
  public static final String TASK_HEADQUARTERS_EVALUATION = "Task_HeadquartersEvaluation";
  public static final String TASK_LIAISON_MEETING = "Task_LiaisonMeeting";
  public static final String TASK_COMMITTEE_REVIEW = "Task_CommitteeReview";
  public static final String TASK_ACTION_DECISIONS = "Task_ActionDecisions";
  public static final String END_COMPLETED = "Event_CycleCompleted";

  /** Routing flags. */
  public static final String LIAISON_MEETING = "liaisonMeeting";
  public static final String HEADQUARTERS_APPROVED = "headquartersApproved";
  public static final String COMMITTEE_ACCEPTED = "committeeAccepted";

  private FiscalYearCycleProcess() {}
}
