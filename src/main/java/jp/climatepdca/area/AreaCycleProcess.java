package jp.climatepdca.area;

/**
 * bpmn/area-cycle.bpmn: the area-wide PDCA of 図表7-3 (連携中枢都市圏全体でのＰＤＣＡサイクル). Started only
 * through {@link AreaCycleStarter}, business key {@code <area>:<fiscalYear>}, tenant = area. It starts (or
 * adopts) every member's fiscal-year cycle, waits for each member's result after its internal evaluation,
 * compiles them, and runs the one liaison meeting, the advisory committee, the area's Action and its
 * publication; then every member that handed in goes on to its own Action and publication.
 */
public final class AreaCycleProcess {

  public static final String KEY = "area-cycle";

  public static final String TASK_START_MEMBER_CYCLES = "Task_StartMemberCycles";
  /** Parallel multi-instance over the joined members; asyncAfter on the loop joins them one job each. */
  public static final String SUBPROCESS_MEMBER_RESULT = "SubProcess_MemberResult";
  public static final String TASK_AWAIT_MEMBER_RESULT = "Task_AwaitMemberResult";
  /** Non-interrupting: the member may still hand in while the secretariat decides what to do. */
  public static final String EVENT_RESULT_DEADLINE = "Event_ResultDeadline";
  public static final String TASK_HANDLE_LATE_MEMBER = "Task_HandleLateMember";
  public static final String EVENT_REMINDER_DEADLINE = "Event_ReminderDeadline";
  public static final String END_MEMBER_RESULT_RECEIVED = "Event_MemberResultReceived";
  public static final String END_PROCEEDED_WITHOUT = "Event_ProceededWithout";
  public static final String TASK_COMPILE_AREA = "Task_CompileArea";
  public static final String TASK_CHECK_AREA_COMPILATION = "Task_CheckAreaCompilation";
  public static final String TASK_AREA_LIAISON_MEETING = "Task_AreaLiaisonMeeting";
  public static final String TASK_RETURN_MEMBER_RESULT = "Task_ReturnMemberResult";
  public static final String TASK_AWAIT_RETURNED_RESULT = "Task_AwaitReturnedResult";
  public static final String TASK_AREA_COMMITTEE_OPINIONS = "Task_AreaCommitteeOpinions";
  public static final String TASK_RESPOND_TO_OPINIONS = "Task_RespondToOpinions";
  public static final String TASK_AREA_ACTION_DECISIONS = "Task_AreaActionDecisions";
  public static final String TASK_APPROVE_AREA_REPORT = "Task_ApproveAreaReport";
  public static final String TASK_PUBLISH_AREA_REPORT = "Task_PublishAreaReport";
  public static final String TASK_NOTIFY_MEMBERS = "Task_NotifyMembers";
  public static final String END_COMPLETED = "Event_AreaCycleCompleted";

  /**
   * A member's cycle hands in its result (fiscal-year-cycle's Event_ResultHandedToArea): correlated with the
   * area cycle's business key and the receive task's local variable {@value #MEMBER}.
   */
  public static final String MESSAGE_MEMBER_RESULT = "AreaMemberResult";
  /** To a member's cycle: the area decided; it goes on to its Action step and its publication. */
  public static final String MESSAGE_DECISIONS_MADE = "AreaDecisionsMade";
  /** To a member's cycle: the liaison meeting returned its result; it reworks from Task_CompileCheck. */
  public static final String MESSAGE_RESULT_RETURNED = "AreaResultReturned";

  /** Process variables set at the start: the area's code and the fiscal year (also in the business key). */
  public static final String AREA = "area";
  public static final String FISCAL_YEAR = "fiscalYear";
  /** The member's code, local to each multi-instance's receive task and to the returned member's. */
  public static final String MEMBER = "member";
  /** Set by the service that returns a member's result: whose re-submission the area waits for. */
  public static final String RETURNED_MEMBER = "returnedMember";

  /** Routing flags, set by the listeners on complete from what they recorded. */
  public static final String PROCEED_WITHOUT_MEMBER = "proceedWithoutMember";
  public static final String MEMBER_RETURNED = "memberReturned";

  private AreaCycleProcess() {}
}
