package jp.climatepdca.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Staff write long minutes: a text field of the area's forms holds up to 8,000 characters (the staff meeting's
 * 議事録 here; the liaison meeting's minutes and decisions, the agenda pack and the Check forms' texts have the
 * same bound), although a Camunda String variable lives in a VARCHAR(4000) column. A text at the limit is
 * stored whole through both of Camunda's doors, Tasklist's submit-form and an API client's complete, and can
 * be read back from the task's history; one character more is refused with a Japanese 400 naming the field,
 * nothing stored. Area962, fiscal year 2036.
 */
@AppTest
class LongMinutesTest {

  private static final int YEAR = 2036;
  private static final int LIMIT = 8000;

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  TaskService tasks;

  @Autowired
  HistoryService history;

  @Autowired
  JdbcTemplate db;

  @Test
  void minutesAtTheLimitAreStoredThroughBothDoorsAndOneMoreIsRefused() {
    var area = AreaOfThree.in(port, context);
    for (var door : List.of("submit-form", "complete")) {
      var record = meetingToRecord(area);
      var staff = new TasklistClient(port, AreaOfThree.STAFF_MEETING, area.engineRest());
      var attendance = TasklistClient.rows(staff.form(record).get("attendance"));
      attendance.forEach(row -> row.put("attended", true));

      var tooLong = staff.submit(record, fields(attendance, minutes(LIMIT + 1)), door);
      assertThat(tooLong.status()).as(door + ": " + tooLong).isEqualTo(400);
      assertThat(tooLong.json().path("message").asText()).contains("議事録は8000文字以内で入力してください（8001文字）");
      assertThat(tasks.createTaskQuery().taskId(record).count()).as("the task stays open").isOne();

      var atTheLimit = staff.submit(record, fields(attendance, minutes(LIMIT)), door);
      assertThat(atTheLimit.status()).as(door + ": " + atTheLimit).isEqualTo(204);
      var stored = db.queryForObject("select minutes from area_staff_meeting where process_instance_id = ?",
          String.class, history.createHistoricTaskInstanceQuery().taskId(record).singleResult().getProcessInstanceId());
      assertThat(stored).as(door).isEqualTo(minutes(LIMIT));
      // the engine's history keeps the submitted text whole as well
      var submitted = history.createHistoricVariableInstanceQuery().taskIdIn(record).variableName("minutes")
          .singleResult();
      assertThat((String) submitted.getValue()).as(door).hasSize(LIMIT).isEqualTo(minutes(LIMIT));
    }
  }

  /** A staff meeting started and its agenda prepared: the id of its task 会議の開催と記録, claimed. */
  private String meetingToRecord(AreaOfThree area) {
    var staff = new TasklistClient(port, AreaOfThree.STAFF_MEETING, area.engineRest());
    var agenda = area.staffMeeting(YEAR);
    assertThat(Http.as(port, AreaOfThree.STAFF_MEETING).post(area.engineRest() + "/task/" + agenda + "/claim",
        Map.of("userId", AreaOfThree.STAFF_MEETING)).status()).isEqualTo(204);
    var key = history.createHistoricTaskInstanceQuery().taskId(agenda).singleResult().getProcessInstanceId();
    staff.complete(agenda, Map.of("plannedOn", YEAR + "-06-10", "place", "市役所", "agenda",
        List.of(Map.of("title", "共同事業の検討", "materials", ""))));
    var record = tasks.createTaskQuery().processInstanceId(key)
        .taskDefinitionKey(AreaStaffMeetingProcess.TASK_RECORD_MEETING).singleResult().getId();
    assertThat(Http.as(port, AreaOfThree.STAFF_MEETING).post(area.engineRest() + "/task/" + record + "/claim",
        Map.of("userId", AreaOfThree.STAFF_MEETING)).status()).isEqualTo(204);
    return record;
  }

  private static Map<String, Object> fields(List<Map<String, Object>> attendance, String minutes) {
    return Map.of("heldOn", YEAR + "-06-10", "attendance", attendance, "minutes", minutes,
        "decisions", List.of(Map.of("decision", "太陽光の共同調達を進める")), "setUpWorkingGroup", false);
  }

  /** Minutes of {@code length} characters, Japanese text with line breaks as people write them. */
  private static String minutes(int length) {
    var line = "第1回担当者会議において、各市町村の再生可能エネルギー導入状況を共有し、共同調達の進め方を協議した。\n";
    return line.repeat(length / line.length() + 1).substring(0, length);
  }
}
