package jp.climatepdca.area;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.climatepdca.area.StaffMeeting.Attendance;
import jp.climatepdca.system.Quoted;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_RecordMeeting (会議の開催と記録): the day it was held, which member municipalities attended and who came,
 * the minutes, the decisions, and whether the meeting sets up a theme working group (the gateway's flag).
 */
@Component("staffMeetingRecordListener")
class StaffMeetingRecordListener extends StaffMeetingTaskListener {

  static final String HELD_ON = "heldOn";
  static final String ATTENDANCE = "attendance";
  static final String MINUTES = "minutes";
  static final String DECISIONS = "decisions";
  static final String SET_UP_WORKING_GROUP = "setUpWorkingGroup";
  private static final int MAX_ATTENDEES = 500;
  private static final int MAX_MINUTES = 8000;
  private static final int MAX_DECISION = 2000;

  StaffMeetingRecordListener(AreaStaffMeetingService meetings, FormFields fields) {
    super(meetings, fields);
  }

  @Override
  protected void onCreate(DelegateTask task, StaffMeetingKey key, StaffMeeting meeting) {
    showMeeting(task, meeting);
    var variables = fields.variables();
    variables.putText(task, StaffMeetingAgendaListener.PLANNED_ON, text(meeting.plannedOn()));
    variables.putText(task, StaffMeetingAgendaListener.PLACE, meeting.place() == null ? "―" : meeting.place());
    variables.putRows(task, "agendaItems", meeting.agenda().stream().map(i -> {
      var row = new LinkedHashMap<String, Object>();
      row.put("title", i.title());
      row.put("materials", i.materials() == null ? "" : i.materials());
      return row;
    }).toList());
    variables.putText(task, HELD_ON, meeting.plannedOn() == null ? null : meeting.plannedOn().toString());
    variables.putRows(task, ATTENDANCE, meetings.area(key.area()).members().stream().map(code -> {
      var row = new LinkedHashMap<String, Object>();
      row.put("municipality", code);
      row.put("municipalityName", meetings.municipalityName(code));
      row.put("attended", false);
      row.put("attendees", "");
      return row;
    }).toList());
    variables.putText(task, MINUTES, null);
    variables.putRows(task, DECISIONS, List.of(Map.of("decision", "")));
    task.setVariableLocal(SET_UP_WORKING_GROUP, false);
  }

  @Override
  protected void onComplete(DelegateTask task, StaffMeetingKey key, StaffMeeting meeting) {
    var errors = new ArrayList<String>();
    var heldOn = fields.day(task, HELD_ON, "開催日", true, errors);
    if (heldOn != null && !FiscalYearDays.holds(key.fiscalYear(), heldOn)) {
      errors.add("開催日は" + FiscalYearDays.label(key.fiscalYear()) + "の日付を入力してください（" + heldOn + "）");
    }
    var attendance = attendance(fields.variables().rows(task, ATTENDANCE), meetings.area(key.area()).members(),
        errors);
    var minutes = fields.text(task, MINUTES, "議事録", MAX_MINUTES, true, errors);
    var decisions = decisions(fields.variables().rows(task, DECISIONS), errors);
    var workingGroup = fields.checked(task, SET_UP_WORKING_GROUP);
    refuseIfAny(errors);
    meetings.record(meeting, heldOn, attendance, minutes, decisions,
        fields.variables().currentUser(task));
    task.getExecution().setVariable(AreaStaffMeetingProcess.WORKING_GROUP_REQUESTED, workingGroup);
  }

  /** Exactly the area's members, each once, in the area's order; at least one of them attended. */
  private List<Attendance> attendance(List<Map<String, Object>> rows, List<String> members, List<String> errors) {
    var byCode = new LinkedHashMap<String, Attendance>();
    var seen = new HashSet<String>();
    for (int i = 0; i < rows.size(); i++) {
      var code = FormFields.text(rows.get(i), "municipality");
      if (code == null || !members.contains(code)) {
        errors.add("出席" + (i + 1) + "行目: \"" + (code == null ? "" : Quoted.cut(code))
            + "\" はこの圏域の構成市町村ではありません");
        continue;
      }
      if (!seen.add(code)) {
        errors.add(meetings.municipalityName(code) + ": 出席が2回入力されています");
        continue;
      }
      var attendees = FormFields.text(rows.get(i), "attendees");
      if (attendees != null && attendees.length() > MAX_ATTENDEES) {
        errors.add(meetings.municipalityName(code) + ": 出席者は" + MAX_ATTENDEES + "文字以内で入力してください");
      }
      byCode.put(code, new Attendance(code, FormFields.checked(rows.get(i), "attended"), attendees));
    }
    members.stream().filter(code -> !seen.contains(code))
        .forEach(code -> errors.add(meetings.municipalityName(code) + ": 出席・欠席の行がありません"));
    if (errors.isEmpty() && byCode.values().stream().noneMatch(Attendance::attended)) {
      errors.add("出席した市町村を1つ以上選んでください");
    }
    return members.stream().filter(byCode::containsKey).map(byCode::get).toList();
  }

  private static List<String> decisions(List<Map<String, Object>> rows, List<String> errors) {
    var result = new ArrayList<String>();
    for (int i = 0; i < rows.size(); i++) {
      var decision = FormFields.text(rows.get(i), "decision");
      if (decision == null) {
        continue; // an empty row the form added: a meeting may decide nothing
      }
      if (decision.length() > MAX_DECISION) {
        errors.add("決定事項" + (i + 1) + ": " + MAX_DECISION + "文字以内で入力してください（" + decision.length() + "文字）");
      }
      result.add(decision);
    }
    return result;
  }

  private static String text(java.time.LocalDate day) {
    return day == null ? "―" : day.toString();
  }
}
