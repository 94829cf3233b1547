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
  /**
   * Citizens' and businesses' opinions (docs/opinion-triage.md): every pass of the Check forks here; beside the
   * compile and headquarters, the opinion branch waits for the town's window to close
   * (Event_OpinionWindowClosed) and, if any opinion waits, the secretariat triages them
   * (Task_OpinionTriage); Gateway_OpinionsJoin waits for both before the area hand-off, the liaison meeting
   * and the committee. A return by headquarters goes back to Gateway_CompileMerge, inside the fork.
   */
  public static final String GATEWAY_OPINIONS_FORK = "Gateway_OpinionsFork";
  public static final String GATEWAY_COMPILE_MERGE = "Gateway_CompileMerge";
  public static final String EVENT_OPINION_WINDOW_CLOSED = "Event_OpinionWindowClosed";
  public static final String TASK_OPINION_TRIAGE = "Task_OpinionTriage";
  public static final String GATEWAY_OPINIONS_JOIN = "Gateway_OpinionsJoin";
  public static final String TASK_HEADQUARTERS_EVALUATION = "Task_HeadquartersEvaluation";
  /**
   * After headquarters approves, a member of an area whose area cycle of the year started or adopted this
   * cycle (table area_cycle_member, never a variable) hands its result to the area and waits: the area's
   * decisions send it on to its Action step and publication (its own liaison meeting and committee are the
   * area's), or the area's liaison meeting returns it to Task_CompileCheck. Any other cycle goes on as alone.
   */
  public static final String TASK_DECIDE_AREA_HAND_OFF = "Task_DecideAreaHandOff";
  public static final String EVENT_RESULT_HANDED_TO_AREA = "Event_ResultHandedToArea";
  /**
   * Whether the area took the result: it no longer waits for a member the secretariat went on without (a
   * decision that can cross the hand-in); such a member goes on alone.
   */
  public static final String GATEWAY_HANDED_IN = "Gateway_HandedIn";
  public static final String GATEWAY_AWAIT_AREA = "Gateway_AwaitArea";
  public static final String EVENT_AREA_DECISIONS_MADE = "Event_AreaDecisionsMade";
  public static final String EVENT_AREA_RESULT_RETURNED = "Event_AreaResultReturned";
  /** Passed once headquarters approved (by every cycle, of old and new deployments): past the internal evaluation. */
  public static final String GATEWAY_LIAISON_MEETING_REQUIRED = "Gateway_LiaisonMeetingRequired";
  public static final String TASK_LIAISON_MEETING = "Task_LiaisonMeeting";
  public static final String TASK_COMMITTEE_REVIEW = "Task_CommitteeReview";
  /**
   * The plan's governance (docs/governance.md) decides from our tables, never a variable, whether headquarters
   * evaluates this year and whether the committee reviews before publishing, is reported to after it, or
   * does not meet this year; a plan without it takes today's path.
   */
  public static final String GATEWAY_HEADQUARTERS_THIS_YEAR = "Gateway_HeadquartersThisYear";
  public static final String GATEWAY_COMMITTEE_BEFORE_PUBLISHING = "Gateway_CommitteeBeforePublishing";
  public static final String GATEWAY_COMMITTEE_AFTER_PUBLISHING = "Gateway_CommitteeAfterPublishing";
  /** The published annual report reported to the committee, its opinions for the next year (川崎市). */
  public static final String TASK_COMMITTEE_HEARING = "Task_CommitteeHearing";
  public static final String EVENT_OPINIONS_FOR_NEXT_YEAR = "Event_OpinionsForNextYear";
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
  /** Set by Task_DecideAreaHandOff from table area_cycle_member just before its gateway reads it. */
  public static final String HAND_TO_AREA = "handToArea";
  /** Set by Event_ResultHandedToArea's delegate: the area's instance took the result. */
  public static final String HANDED_IN_TO_AREA = "handedInToArea";

  private FiscalYearCycleProcess() {}
}
