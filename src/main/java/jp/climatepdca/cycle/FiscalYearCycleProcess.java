package jp.climatepdca.cycle;

/**
 * bpmn/fiscal-year-cycle.bpmn: one municipality's fiscal year, from the April self-assessments and, in
 * parallel, the July emissions inventory to the Action step and the annual report's publication. Started only through {@link CycleStarter}, with business key {@code <municipality>:<year>}.
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
  /**
   * After the committee accepts, the Action step and the publication run side by side: the report shows
   * the Check (assessments, evaluations, opinions with their responses, emissions), not next year's plan,
   * so neither needs the other; and publication (statutory, due by {@code publication-due}) need not
   * wait for the Action step's January deadline, nor the Action step for the report.
   */
  public static final String GATEWAY_ACTION_AND_PUBLICATION_FORK = "Gateway_ActionAndPublicationFork";
  public static final String TASK_ACTION_DECISIONS = "Task_ActionDecisions";
  /** Calls annual-report-publication.bpmn with business key {@code <municipality>:<year>:report}. */
  public static final String CALL_ANNUAL_REPORT_PUBLICATION = "Task_AnnualReportPublication";
  /** The called publication's business key: {@code <municipality>:<year>} and this (its tasks are the city's). */
  public static final String REPORT_BUSINESS_KEY_SUFFIX = ":report";
  public static final String GATEWAY_ACTION_AND_PUBLICATION_JOIN = "Gateway_ActionAndPublicationJoin";
  public static final String END_COMPLETED = "Event_CycleCompleted";

  /** Routing flags. */
  public static final String LIAISON_MEETING = "liaisonMeeting";
  public static final String HEADQUARTERS_APPROVED = "headquartersApproved";
  public static final String COMMITTEE_ACCEPTED = "committeeAccepted";
  public static final String EMISSIONS_ACCEPTED = "emissionsAccepted";

  private FiscalYearCycleProcess() {}
}
