package jp.climatepdca.area;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.climatepdca.area.StaffMeeting.AgendaItem;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Task_PrepareAgenda (議題と資料の準備): planned day and place, the agenda items and their materials. */
@Component("staffMeetingAgendaListener")
class StaffMeetingAgendaListener extends StaffMeetingTaskListener {

  static final String PLANNED_ON = "plannedOn";
  static final String PLACE = "place";
  static final String AGENDA = "agenda";
  private static final int MAX_PLACE = 200;
  private static final int MAX_ITEM_TITLE = 200;
  private static final int MAX_MATERIALS = 1000;

  StaffMeetingAgendaListener(AreaStaffMeetingService meetings, FormFields fields) {
    super(meetings, fields);
  }

  @Override
  protected void onCreate(DelegateTask task, StaffMeetingKey key, StaffMeeting meeting) {
    showMeeting(task, meeting);
    var variables = fields.variables();
    variables.putText(task, PLANNED_ON, meeting.plannedOn() == null ? null : meeting.plannedOn().toString());
    variables.putText(task, PLACE, meeting.place());
    var rows = meeting.agenda().stream().map(i -> row(i.title(), i.materials())).toList();
    variables.putRows(task, AGENDA, rows.isEmpty() ? List.of(row("", "")) : rows);
  }

  @Override
  protected void onComplete(DelegateTask task, StaffMeetingKey key, StaffMeeting meeting) {
    var errors = new ArrayList<String>();
    var plannedOn = fields.day(task, PLANNED_ON, "開催予定日", true, errors);
    if (plannedOn != null && !FiscalYearDays.holds(key.fiscalYear(), plannedOn)) {
      errors.add("開催予定日は" + FiscalYearDays.label(key.fiscalYear()) + "の日付を入力してください（" + plannedOn + "）");
    }
    var place = fields.text(task, PLACE, "開催場所・形式", MAX_PLACE, false, errors);
    var agenda = agenda(fields.variables().rows(task, AGENDA), errors);
    refuseIfAny(errors);
    meetings.prepare(meeting, plannedOn, place, agenda, fields.variables().currentUser(task));
    task.getExecution().setVariable(AreaStaffMeetingProcess.MEETING_DUE, FormFields.due(plannedOn));
  }

  private static List<AgendaItem> agenda(List<Map<String, Object>> rows, List<String> errors) {
    var items = new ArrayList<AgendaItem>();
    for (int i = 0; i < rows.size(); i++) {
      var label = "議題" + (i + 1);
      var title = FormFields.text(rows.get(i), "title");
      var materials = FormFields.text(rows.get(i), "materials");
      if (title == null && materials == null) {
        continue; // an empty row the form added
      }
      if (title == null) {
        errors.add(label + ": 議題を入力してください");
      } else if (title.length() > MAX_ITEM_TITLE) {
        errors.add(label + ": 議題は" + MAX_ITEM_TITLE + "文字以内で入力してください（" + title.length() + "文字）");
      }
      if (materials != null && materials.length() > MAX_MATERIALS) {
        errors.add(label + ": 資料は" + MAX_MATERIALS + "文字以内で入力してください（" + materials.length() + "文字）");
      }
      items.add(new AgendaItem(title, materials));
    }
    if (items.isEmpty()) {
      errors.add("議題を1件以上入力してください");
    }
    return items;
  }

  private static Map<String, Object> row(String title, String materials) {
    var row = new LinkedHashMap<String, Object>();
    row.put("title", title);
    row.put("materials", materials == null ? "" : materials);
    return row;
  }
}
