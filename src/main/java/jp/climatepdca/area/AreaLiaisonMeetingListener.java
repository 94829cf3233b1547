package jp.climatepdca.area;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.climatepdca.review.ReviewLevel;
import jp.climatepdca.review.ReviewLog;
import jp.climatepdca.review.ReviewOutcome;
import jp.climatepdca.review.ReviewRecord;
import jp.climatepdca.system.CycleReference;
import jp.climatepdca.system.FormTaskListener;
import jp.climatepdca.system.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Task_AreaLiaisonMeeting (連絡会議での全体協議): one meeting for the whole area. The agenda comes from the
 * compilation and the secretariat's summary; the meeting records attendance, minutes and decisions, and may
 * return ONE member's handed-in result with a comment: the member's secretariat then reads it in its own
 * Task_CompileCheck (review level AREA_LIAISON), and the area waits for that member again.
 */
@Component("areaLiaisonMeetingListener")
class AreaLiaisonMeetingListener extends FormTaskListener {

  static final String ATTENDANCE = "attendance";
  static final String MINUTES = "minutes";
  static final String DECISIONS = "decisions";
  static final String OUTCOME = "outcome";
  static final String RETURNED_MEMBER = "returnedMember";
  static final String RETURN_COMMENT = "returnComment";
  static final String ACCEPT = "ACCEPT";
  static final String RETURN_MEMBER = "RETURN_MEMBER";

  private final AreaForms forms;
  private final AreaRecords records;
  private final ReviewLog reviews;
  private final TaskVariables variables;
  private final ObjectMapper json;

  AreaLiaisonMeetingListener(AreaForms forms, AreaRecords records, ReviewLog reviews, TaskVariables variables,
      ObjectMapper json) {
    this.forms = forms;
    this.records = records;
    this.reviews = reviews;
    this.variables = variables;
    this.json = json;
  }

  @Override
  protected void onCreate(DelegateTask task, CycleReference cycle) {
    forms.showHeader(task, cycle);
    var record = records.of(cycle.municipality(), cycle.fiscalYear());
    // shown in a text (Markdown) field of the form: each line of the agenda pack stays a line
    variables.putText(task, "agendaSummary", record.agendaSummary() == null ? null
        : record.agendaSummary().replaceAll("\\R", "  \n"));
    var members = forms.members(cycle);
    variables.putRows(task, ATTENDANCE, members.stream().map(m -> {
      var row = new LinkedHashMap<String, Object>();
      row.put("municipality", m.municipalityCode());
      row.put("name", forms.memberName(m.municipalityCode()));
      row.put("attended", false);
      row.put("attendee", "");
      return row;
    }).toList());
    variables.putRows(task, "memberOptions", members.stream().filter(AreaCycleMember::submitted)
        .map(m -> Map.of("label", forms.memberName(m.municipalityCode()), "value", m.municipalityCode())).toList());
    // a meeting held again after a return starts from what it wrote the first time
    variables.putText(task, MINUTES, record.liaisonMinutes());
    variables.putText(task, DECISIONS, record.liaisonDecisions());
    variables.declare(task, OUTCOME, RETURNED_MEMBER, RETURN_COMMENT);
  }

  @Override
  protected void onComplete(DelegateTask task, CycleReference cycle) {
    var errors = new ArrayList<String>();
    var members = forms.members(cycle).stream()
        .collect(Collectors.toMap(AreaCycleMember::municipalityCode, m -> m, (a, b) -> a, LinkedHashMap::new));
    var attendance = attendance(task, members, errors);
    var minutes = AreaText.required(variables, task, MINUTES, "議事録", AreaText.LONG, errors);
    var decisions = AreaText.required(variables, task, DECISIONS, "決定事項", AreaText.LONG, errors);
    var outcome = variables.text(task, OUTCOME).orElse(null);
    AreaCycleMember returned = null;
    String comment = null;
    if (outcome == null) {
      errors.add("結論（了承・差戻し）を選んでください");
    } else if (outcome.equals(RETURN_MEMBER)) {
      var code = variables.text(task, RETURNED_MEMBER).orElse(null);
      returned = code == null ? null : members.get(code);
      if (code == null) {
        errors.add("差し戻す市町村を選んでください");
      } else if (returned == null || !returned.submitted()) {
        errors.add("差し戻す市町村 \"" + code + "\" は結果を提出した構成市町村ではありません");
      }
      comment = AreaText.required(variables, task, RETURN_COMMENT, "差戻しのコメント", AreaText.NOTE, errors);
    } else if (!outcome.equals(ACCEPT)) {
      errors.add("結論の値 \"" + outcome + "\" は使えません（ACCEPT または RETURN_MEMBER）");
    }
    refuseIfAny(errors);
    var user = variables.currentUser(task);
    var now = Instant.now();
    records.of(cycle.municipality(), cycle.fiscalYear()).liaisonMeeting(attendance, minutes, decisions, user, now);
    if (returned != null) {
      returned.returned(comment, user, now);
      reviews.record(new ReviewRecord(returned.municipalityCode(), cycle.fiscalYear(), null, ReviewLevel.AREA_LIAISON,
          ReviewOutcome.RETURN, comment, task.getId(), user, now));
    }
    task.getExecution().setVariable(AreaCycleProcess.MEMBER_RETURNED, returned != null);
  }

  /** The attendance rows as stored: one per member at most, the attendee's name bounded. */
  private String attendance(DelegateTask task, Map<String, AreaCycleMember> members, List<String> errors) {
    var rows = new ArrayList<Map<String, Object>>();
    var seen = new HashSet<String>();
    for (var row : variables.rows(task, ATTENDANCE)) {
      var code = row.get("municipality") instanceof String s ? s : "";
      if (!members.containsKey(code) || !seen.add(code)) {
        errors.add("出席: 市町村 \"" + code + "\" は構成市町村ではないか、2回入力されています");
        continue;
      }
      var attendee = AreaText.cell(row, "attendee", "出席（" + forms.memberName(code) + "）の出席者", 200, errors);
      var stored = new LinkedHashMap<String, Object>();
      stored.put("municipality", code);
      stored.put("attended", Boolean.TRUE.equals(row.get("attended")));
      stored.put("attendee", attendee);
      rows.add(stored);
    }
    try {
      return json.writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
