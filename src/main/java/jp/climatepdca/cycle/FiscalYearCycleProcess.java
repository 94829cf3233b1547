package jp.climatepdca.cycle;

/**
 * bpmn/fiscal-year-cycle.bpmn: one municipality's fiscal year, from the April self-assessments and, in
 * parallel, the July emissions inventory to the Action step. Started only through {@link CycleStarter}, with business key {@code <municipality>:<year>}.
 */
public final class FiscalYearCycleProcess {

  public static final String KEY = "fiscal-year-cycle";

  public static final String EVENT_APRIL_CHECK_DATE = "Event_AprilCheckDate";
  public static final String CALL_SELF_ASSESSMENTS = "Task_DepartmentSelfAssessments";
  public static final String EVENT_JULY_CALCULATION_DATE = "Event_JulyCalculationDate";
  public static final String TASK_ENTER_ACTIVITY_DATA = "Task_EnterActivityData";
  public static final String TASK_CALCULATE_EMISSIONS = "Task_CalculateEmissions";
  public static final String TASK_VERIFY_EMISSIONS = "Task_VerifyEmissions";
  /** Waits for both the departments' self-assessments and the accepted emissions inventory. */
  public static final String GATEWAY_CHECK_JOIN = "Gateway_CheckJoin";
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
  public static final String EMISSIONS_ACCEPTED = "emissionsAccepted";

  private FiscalYearCycleProcess() {}
}
