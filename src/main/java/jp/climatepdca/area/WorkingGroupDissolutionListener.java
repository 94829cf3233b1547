package jp.climatepdca.area;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;
import jp.climatepdca.system.Quoted;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_DissolveWorkingGroup (活動報告と解散), due on the planned dissolution day: either the group reports and
 * is dissolved (its report goes into the area's annual report), or its planned dissolution moves to a later
 * day with a reason and the task comes back, due then.
 */
@Component("workingGroupDissolutionListener")
class WorkingGroupDissolutionListener extends StaffMeetingTaskListener {

  static final String OUTCOME = "outcome";
  static final String REPORT = "report";
  static final String DISSOLVED_ON = "dissolvedOn";
  static final String NEW_PLANNED_ON = "newPlannedOn";
  static final String EXTENSION_REASON = "extensionReason";
  static final String DISSOLVE = "DISSOLVE";
  static final String EXTEND = "EXTEND";
  private static final int MAX_REPORT = 8000;
  private static final int MAX_REASON = 2000;

  WorkingGroupDissolutionListener(AreaStaffMeetingService meetings, FormFields fields) {
    super(meetings, fields);
  }

  @Override
  protected void onCreate(DelegateTask task, StaffMeetingKey key, StaffMeeting meeting) {
    var group = group(meeting);
    var variables = fields.variables();
    variables.putText(task, AREA_NAME, meetings.area(key.area()).name());
    variables.putText(task, WorkingGroupSetUpListener.THEME, group.theme());
    variables.putText(task, WorkingGroupSetUpListener.PURPOSE, group.purpose() == null ? "" : group.purpose());
    variables.putText(task, WorkingGroupSetUpListener.SET_UP_ON, group.setUpOn().toString());
    variables.putText(task, WorkingGroupSetUpListener.PLANNED_DISSOLUTION_ON, group.plannedDissolutionOn().toString());
    variables.putText(task, "setUpByMeeting", key.fiscalYear() + "年度 第" + key.number() + "回 担当者会議「"
        + meeting.title() + "」");
    variables.putText(task, "memberNames", group.members().stream().map(meetings::municipalityName)
        .collect(Collectors.joining("、")));
    variables.putRows(task, "extensions", group.extensions().stream().map(e -> {
      var row = new LinkedHashMap<String, Object>();
      row.put("previousPlannedOn", e.previousPlannedOn().toString());
      row.put("plannedOn", e.plannedOn().toString());
      row.put("reason", e.reason());
      return row;
    }).toList());
    fields.variables().declare(task, OUTCOME, REPORT, DISSOLVED_ON, NEW_PLANNED_ON, EXTENSION_REASON);
  }

  @Override
  protected void onComplete(DelegateTask task, StaffMeetingKey key, StaffMeeting meeting) {
    var group = group(meeting);
    var errors = new ArrayList<String>();
    var outcome = fields.text(task, OUTCOME, "報告の内容（解散・延長）", 20, true, errors);
    var by = fields.variables().currentUser(task);
    if (DISSOLVE.equals(outcome)) {
      var report = fields.text(task, REPORT, "活動報告", MAX_REPORT, true, errors);
      var on = fields.day(task, DISSOLVED_ON, "解散日", true, errors);
      if (on != null && on.isBefore(group.setUpOn())) {
        errors.add("解散日は設置日（" + group.setUpOn() + "）以降の日付を入力してください（" + on + "）");
      }
      refuseIfAny(errors);
      meetings.dissolve(group, on, report, by);
    } else if (EXTEND.equals(outcome)) {
      var plannedOn = fields.day(task, NEW_PLANNED_ON, "新しい解散予定日", true, errors);
      var reason = fields.text(task, EXTENSION_REASON, "延長の理由", MAX_REASON, true, errors);
      if (plannedOn != null && !plannedOn.isAfter(group.plannedDissolutionOn())) {
        errors.add("新しい解散予定日は今の解散予定日（" + group.plannedDissolutionOn() + "）より後の日付を入力してください（"
            + plannedOn + "）");
      }
      refuseIfAny(errors);
      meetings.extend(group, plannedOn, reason, by);
      task.getExecution().setVariable(AreaStaffMeetingProcess.WORKING_GROUP_DUE, FormFields.due(plannedOn));
    } else if (outcome != null) {
      errors.add("報告の内容は「解散する」か「延長する」から選んでください（" + Quoted.cut(outcome) + "）");
    }
    refuseIfAny(errors);
    task.getExecution().setVariable(AreaStaffMeetingProcess.WORKING_GROUP_DISSOLVED, DISSOLVE.equals(outcome));
  }

  private WorkingGroup group(StaffMeeting meeting) {
    return meetings.workingGroup(meeting).orElseThrow(() -> new IllegalStateException(
        "staff meeting " + meeting.id() + " has no working group"));
  }
}
