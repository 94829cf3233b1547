package jp.climatepdca.area;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import jp.climatepdca.system.Quoted;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_SetUpWorkingGroup (テーマ別ワーキンググループの設置): theme, purpose, the member municipalities that carry
 * it together, its set-up day and planned dissolution day (the due date of its report).
 */
@Component("workingGroupSetUpListener")
class WorkingGroupSetUpListener extends StaffMeetingTaskListener {

  static final String THEME = "theme";
  static final String PURPOSE = "purpose";
  static final String MEMBERS = "members";
  static final String MEMBER_OPTIONS = "memberOptions";
  static final String SET_UP_ON = "setUpOn";
  static final String PLANNED_DISSOLUTION_ON = "plannedDissolutionOn";
  static final int MAX_THEME = 200;
  private static final int MAX_PURPOSE = 4000;
  /** A joint project (共同して推進): at least two municipalities. */
  static final int MIN_MEMBERS = 2;

  WorkingGroupSetUpListener(AreaStaffMeetingService meetings, FormFields fields) {
    super(meetings, fields);
  }

  @Override
  protected void onCreate(DelegateTask task, StaffMeetingKey key, StaffMeeting meeting) {
    showMeeting(task, meeting);
    var variables = fields.variables();
    variables.putText(task, StaffMeetingRecordListener.HELD_ON, String.valueOf(meeting.heldOn()));
    variables.putRows(task, MEMBER_OPTIONS, meetings.area(key.area()).members().stream().map(code -> {
      var option = new LinkedHashMap<String, Object>();
      option.put("label", meetings.municipalityName(code));
      option.put("value", code);
      return option;
    }).toList());
    variables.putText(task, THEME, null);
    variables.putText(task, PURPOSE, null);
    variables.putRows(task, MEMBERS, List.of());
    variables.putText(task, SET_UP_ON, meeting.heldOn() == null ? null : meeting.heldOn().toString());
    variables.putText(task, PLANNED_DISSOLUTION_ON, null);
  }

  @Override
  protected void onComplete(DelegateTask task, StaffMeetingKey key, StaffMeeting meeting) {
    var errors = new ArrayList<String>();
    var theme = fields.text(task, THEME, "テーマ", MAX_THEME, true, errors);
    var purpose = fields.text(task, PURPOSE, "目的・活動内容", MAX_PURPOSE, false, errors);
    var members = members(fields.values(task, MEMBERS, "参加団体", errors), meetings.area(key.area()).members(),
        errors);
    var setUpOn = fields.day(task, SET_UP_ON, "設置日", true, errors);
    var plannedOn = fields.day(task, PLANNED_DISSOLUTION_ON, "解散予定日", true, errors);
    if (setUpOn != null && meeting.heldOn() != null && setUpOn.isBefore(meeting.heldOn())) {
      errors.add("設置日は会議の開催日（" + meeting.heldOn() + "）以降の日付を入力してください（" + setUpOn + "）");
    }
    if (setUpOn != null && plannedOn != null && !plannedOn.isAfter(setUpOn)) {
      errors.add("解散予定日は設置日（" + setUpOn + "）より後の日付を入力してください（" + plannedOn + "）");
    }
    refuseIfAny(errors);
    meetings.setUp(meeting, theme, purpose, members, setUpOn, plannedOn, fields.variables().currentUser(task));
    task.getExecution().setVariable(AreaStaffMeetingProcess.WORKING_GROUP_DUE, FormFields.due(plannedOn));
  }

  /** The chosen members in the area's order; each must be one of the area's. */
  private List<String> members(List<String> chosen, List<String> areaMembers, List<String> errors) {
    var unique = new LinkedHashSet<String>();
    for (var code : chosen) {
      if (!areaMembers.contains(code)) {
        errors.add("参加団体 \"" + Quoted.cut(code) + "\" はこの圏域の構成市町村ではありません");
      } else {
        unique.add(code);
      }
    }
    if (unique.size() < MIN_MEMBERS) {
      errors.add("参加団体を" + MIN_MEMBERS + "団体以上選んでください（共同で進める体制です）");
    }
    return areaMembers.stream().filter(unique::contains).toList();
  }
}
