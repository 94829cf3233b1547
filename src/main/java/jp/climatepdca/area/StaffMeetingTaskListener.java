package jp.climatepdca.area;

import java.util.List;
import jp.climatepdca.system.TaskInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The listener behind a form task of a staff meeting, like the cycle's FormTaskListener but addressed by the
 * meeting's business key (whose row it loads): on create it puts what the form shows into task-local variables;
 * on complete it checks and stores what was submitted, in the engine's transaction, so a refused form saves
 * nothing.
 */
abstract class StaffMeetingTaskListener implements TaskListener {

  static final String AREA_NAME = "areaName";
  static final String MEETING_NUMBER = "meetingNumber";
  static final String MEETING_TITLE = "meetingTitle";

  protected final AreaStaffMeetingService meetings;
  protected final FormFields fields;

  StaffMeetingTaskListener(AreaStaffMeetingService meetings, FormFields fields) {
    this.meetings = meetings;
    this.fields = fields;
  }

  @Override
  public final void notify(DelegateTask task) {
    var key = StaffMeetingKey.of(task.getExecution());
    var meeting = meetings.meeting(key);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      onCreate(task, key, meeting);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      onComplete(task, key, meeting);
    }
  }

  protected abstract void onCreate(DelegateTask task, StaffMeetingKey key, StaffMeeting meeting);

  protected abstract void onComplete(DelegateTask task, StaffMeetingKey key, StaffMeeting meeting);

  /** What the meeting's forms show at their top: the area, the meeting's number in its year, its title. */
  protected void showMeeting(DelegateTask task, StaffMeeting meeting) {
    fields.variables().putText(task, AREA_NAME, meetings.area(meeting.areaCode()).name());
    task.setVariableLocal(MEETING_NUMBER, meeting.number());
    fields.variables().putText(task, MEETING_TITLE, meeting.title());
  }

  /** Every problem at once: the person sees them all under the form. */
  protected static void refuseIfAny(List<String> errors) {
    if (!errors.isEmpty()) {
      throw new TaskInputException(errors);
    }
  }
}
