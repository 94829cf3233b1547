package jp.climatepdca.area;

/**
 * bpmn/area-staff-meeting.bpmn: the area's staff meeting (18市町村担当者会議), started at any time of the year
 * by {@link AreaStaffMeetingStarter}. Its agenda is prepared, the meeting held and recorded; where the meeting
 * sets up a theme working group (テーマ別ワーキンググループ), the instance waits for the group's report and
 * dissolution, due on its planned dissolution date, which the group may extend. Tenant = the area (first
 * segment of the business key).
 */
public final class AreaStaffMeetingProcess {

  public static final String KEY = "area-staff-meeting";

  public static final String START = "Event_MeetingCalled";
  public static final String TASK_PREPARE_AGENDA = "Task_PrepareAgenda";
  public static final String TASK_RECORD_MEETING = "Task_RecordMeeting";
  public static final String GATEWAY_WORKING_GROUP_NEEDED = "Gateway_WorkingGroupNeeded";
  public static final String END_MEETING_RECORDED = "Event_MeetingRecorded";
  public static final String TASK_SET_UP_WORKING_GROUP = "Task_SetUpWorkingGroup";
  public static final String GATEWAY_ACTIVITY_MERGE = "Gateway_ActivityMerge";
  public static final String TASK_DISSOLVE_WORKING_GROUP = "Task_DissolveWorkingGroup";
  public static final String GATEWAY_DISSOLVED = "Gateway_Dissolved";
  public static final String END_WORKING_GROUP_DISSOLVED = "Event_WorkingGroupDissolved";

  /** References set at the start, read by the BPMN's candidate-group expressions ({@code groups} bean). */
  public static final String AREA = "area";
  public static final String FISCAL_YEAR = "fiscalYear";

  /** Routing flags and due dates, written by the task listeners from what they checked and stored. */
  public static final String WORKING_GROUP_REQUESTED = "workingGroupRequested";
  public static final String WORKING_GROUP_DISSOLVED = "workingGroupDissolved";
  /** Due date of the meeting's record: the planned meeting date. */
  public static final String MEETING_DUE = "meetingDue";
  /** Due date of the working group's report: its planned dissolution date (moved by an extension). */
  public static final String WORKING_GROUP_DUE = "workingGroupDue";

  /**
   * The third segment of the business key, {@code staff-<n>}: {@code demo-area:2026:staff-3}. Other parts of
   * an area's keys ({@code <area>:<fiscalYear>} of the area cycle) never start with it.
   */
  public static final String BUSINESS_KEY_PART_PREFIX = "staff-";

  private AreaStaffMeetingProcess() {}
}
