package jp.climatepdca.area;

import static jp.climatepdca.area.AreaStaffMeetingProcess.TASK_DISSOLVE_WORKING_GROUP;
import static jp.climatepdca.area.AreaStaffMeetingProcess.TASK_PREPARE_AGENDA;
import static jp.climatepdca.area.AreaStaffMeetingProcess.TASK_RECORD_MEETING;
import static jp.climatepdca.area.AreaStaffMeetingProcess.TASK_SET_UP_WORKING_GROUP;
import static jp.climatepdca.area.StaffMeetingArea.AREA;
import static jp.climatepdca.area.StaffMeetingArea.MEMBERS;
import static jp.climatepdca.area.StaffMeetingArea.OTHER_AREA;
import static jp.climatepdca.area.StaffMeetingArea.OTHER_AREA_USER;
import static jp.climatepdca.area.StaffMeetingArea.SECRETARIAT_USER;
import static jp.climatepdca.area.StaffMeetingArea.STAFF_MEETING_USER;
import static jp.climatepdca.area.StaffMeetingArea.TOWN_USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.climatepdca.identity.TenantDirectory;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staff meeting through HTTP with the real engine and database: started by the area's staff, its four
 * forms submitted as Tasklist does (refused submissions first, which store nothing), the records read back
 * through the API and {@link AreaStaffMeetingService#records}; who may start and read; bad input.
 * Each test uses its own fiscal year of sm-area's period (2021〜2030).
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AreaStaffMeetingApiTest {

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  HistoryService history;

  @Autowired
  StaffMeetingRepository meetings;

  @Autowired
  WorkingGroupRepository groups;

  @Autowired
  AreaStaffMeetingService service;

  @BeforeAll
  void area(@Autowired PlanImportService plans, @Autowired AreaRepository areas, @Autowired AreaMemberRepository members,
      @Autowired TenantDirectory tenants, @Autowired IdentityService identity, @Autowired TransactionTemplate tx) {
    StaffMeetingArea.ensure(plans, areas, members, tenants, identity, tx);
  }

  private Http.Response start(String user, String area, Object body) {
    return Http.as(port, user).post("/api/areas/" + area + "/staff-meetings", body);
  }

  private String started(String user, int fiscalYear, String title) {
    var response = start(user, AREA, Map.of("fiscalYear", fiscalYear, "title", title));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().path("businessKey").asText();
  }

  @Test
  void aMeetingSetsUpAWorkingGroupThatPostponesAndThenReportsItsDissolution() {
    var response = start(STAFF_MEETING_USER, AREA, Map.of("fiscalYear", 2022, "title", "  第1回 担当者会議  "));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(response.location()).endsWith("/api/areas/sm-area/staff-meetings/2022/1");
    var key = response.json().path("businessKey").asText();
    assertThat(key).isEqualTo("sm-area:2022:staff-1");
    assertThat(response.json().path("title").asText()).isEqualTo("第1回 担当者会議");

    // the agenda, refused once: a day outside the fiscal year, an item without its title
    var staff = new TasklistClient(port, STAFF_MEETING_USER);
    var agendaTask = staff.claim(key, TASK_PREPARE_AGENDA);
    var agendaForm = staff.form(agendaTask);
    assertThat(agendaForm.get("areaName").asText()).isEqualTo("担当者会議試験圏域");
    assertThat(agendaForm.get("meetingNumber").asInt()).isEqualTo(1);
    assertThat(TasklistClient.rows(agendaForm.get("agenda"))).hasSize(1);
    var refused = staff.submit(agendaTask, Map.of("plannedOn", "2023-04-01", "place", "市役所",
        "agenda", List.of(Map.of("title", "", "materials", "資料1"))));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("開催予定日は2022年度", "議題1: 議題を入力してください");
    assertThat(meeting(key).state()).isEqualTo(StaffMeetingState.CALLED);
    staff.complete(agendaTask, Map.of("plannedOn", "2022-06-10", "place", "会議町7101 役場 会議室",
        "agenda", List.of(Map.of("title", "連絡会議の議題について", "materials", "資料1 点検結果"),
            Map.of("title", "太陽光の共同調達", "materials", ""))));

    // the meeting, recorded by the area's secretariat; due on the planned day
    var secretariat = new TasklistClient(port, SECRETARIAT_USER);
    var recordTask = secretariat.claim(key, TASK_RECORD_MEETING);
    assertThat(tasks.createTaskQuery().taskId(recordTask).singleResult().getDueDate())
        .isEqualTo(Instant.parse("2022-06-10T08:00:00Z"));
    var recordForm = secretariat.form(recordTask);
    assertThat(TasklistClient.rows(recordForm.get("agendaItems"))).extracting(r -> r.get("title"))
        .containsExactly("連絡会議の議題について", "太陽光の共同調達");
    var attendance = TasklistClient.rows(recordForm.get("attendance"));
    assertThat(attendance).extracting(r -> r.get("municipality")).containsExactlyElementsOf(MEMBERS);
    assertThat(attendance.get(0).get("municipalityName")).isEqualTo("会議町7101");
    var nobody = secretariat.submit(recordTask, Map.of("heldOn", "2022-06-10", "attendance", attendance,
        "minutes", "", "decisions", List.of(), "setUpWorkingGroup", false));
    assertThat(nobody.status()).as(nobody.toString()).isEqualTo(400);
    assertThat(nobody.json().path("message").asText()).contains("議事録を入力してください", "出席した市町村を1つ以上");
    var foreign = new ArrayList<Map<String, Object>>(attendance);
    foreign.set(2, new HashMap<>(Map.of("municipality", "999999", "attended", true, "attendees", "よそ")));
    var notMember = secretariat.submit(recordTask, Map.of("heldOn", "2022-06-10", "attendance", foreign,
        "minutes", "議事", "decisions", List.of(), "setUpWorkingGroup", false));
    assertThat(notMember.json().path("message").asText()).as(notMember.toString())
        .contains("\"999999\" はこの圏域の構成市町村ではありません", "会議町7103: 出席・欠席の行がありません");
    attendance.get(0).putAll(Map.of("attended", true, "attendees", "環境課 山田"));
    attendance.get(1).putAll(Map.of("attended", true, "attendees", "環境課 佐藤、鈴木"));
    secretariat.complete(recordTask, Map.of("heldOn", "2022-06-12", "attendance", attendance,
        "minutes", "連絡会議の議題を協議した。", "decisions", List.of(Map.of("decision", "共同調達のWGを設置する"),
            Map.of("decision", "")), "setUpWorkingGroup", true));

    // the working group, set up with two members until the end of the fiscal year
    var setUpTask = staff.claim(key, TASK_SET_UP_WORKING_GROUP);
    var setUpForm = staff.form(setUpTask);
    assertThat(setUpForm.get("memberOptions").toString()).contains("\"label\":\"会議町7101\"", "\"value\":\"947103\"");
    assertThat(setUpForm.get("setUpOn").asText()).isEqualTo("2022-06-12");
    var groupsBefore = groups.count();
    var tooFew = staff.submit(setUpTask, Map.of("theme", "", "members", List.of("947101", "999999"),
        "setUpOn", "2022-06-01", "plannedDissolutionOn", "2022-05-31"));
    assertThat(tooFew.json().path("message").asText()).as(tooFew.toString()).contains("テーマを入力してください",
        "\"999999\" はこの圏域の構成市町村ではありません", "2団体以上", "設置日は会議の開催日（2022-06-12）以降",
        "解散予定日は設置日（2022-06-01）より後");
    assertThat(groups.count()).isEqualTo(groupsBefore);
    staff.complete(setUpTask, Map.of("theme", "公共施設への太陽光発電の共同調達", "purpose", "仕様の共通化",
        "members", List.of("947102", "947101"), "setUpOn", "2022-06-12", "plannedDissolutionOn", "2023-03-31"));

    // due on the planned dissolution: first postponed, then reported and dissolved
    var dissolution = staff.claim(key, TASK_DISSOLVE_WORKING_GROUP);
    assertThat(tasks.createTaskQuery().taskId(dissolution).singleResult().getDueDate())
        .isEqualTo(Instant.parse("2023-03-31T08:00:00Z"));
    assertThat(staff.form(dissolution).get("memberNames").asText()).isEqualTo("会議町7101、会議町7102");
    var backwards = staff.submit(dissolution, Map.of("outcome", "EXTEND", "newPlannedOn", "2023-03-01"));
    assertThat(backwards.json().path("message").asText()).as(backwards.toString())
        .contains("新しい解散予定日は今の解散予定日（2023-03-31）より後", "延長の理由を入力してください");
    staff.complete(dissolution, Map.of("outcome", "EXTEND", "newPlannedOn", "2023-09-30",
        "extensionReason", "入札が翌年度にずれたため"));
    var again = staff.claim(key, TASK_DISSOLVE_WORKING_GROUP);
    assertThat(tasks.createTaskQuery().taskId(again).singleResult().getDueDate())
        .isEqualTo(Instant.parse("2023-09-30T08:00:00Z"));
    assertThat(TasklistClient.rows(staff.form(again).get("extensions"))).singleElement()
        .satisfies(row -> assertThat(row).containsEntry("previousPlannedOn", "2023-03-31")
            .containsEntry("plannedOn", "2023-09-30"));
    var noReport = staff.submit(again, Map.of("outcome", "DISSOLVE", "dissolvedOn", "2022-06-01"));
    assertThat(noReport.json().path("message").asText()).as(noReport.toString())
        .contains("活動報告を入力してください", "解散日は設置日（2022-06-12）以降");
    staff.complete(again, Map.of("outcome", "DISSOLVE", "dissolvedOn", "2023-09-15",
        "report", "圏域の5施設で共同調達を実施した。"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count()).isZero();

    // the records: the meeting with its decisions, the group in both fiscal years it existed in
    var records = Http.as(port, SECRETARIAT_USER).get("/api/areas/sm-area/staff-meetings?fiscalYear=2022");
    assertThat(records.status()).as(records.toString()).isEqualTo(200);
    var meeting = records.json().path("meetings").get(0);
    assertThat(meeting.path("heldOn").asText()).isEqualTo("2022-06-12");
    assertThat(meeting.path("attended").asInt()).isEqualTo(2);
    assertThat(meeting.path("attendance")).hasSize(3);
    assertThat(meeting.path("decisions").toString()).isEqualTo("[\"共同調達のWGを設置する\"]");
    assertThat(meeting.path("workingGroupTheme").asText()).isEqualTo("公共施設への太陽光発電の共同調達");
    assertThat(meeting.path("stateLabel").asText()).isEqualTo("開催済み");
    var group = service.records(AREA, 2022).workingGroups();
    assertThat(group).singleElement().satisfies(g -> {
      assertThat(g.members()).extracting(StaffMeetingRecords.Member::municipality).containsExactly("947101", "947102");
      assertThat(g.setUpOn()).isEqualTo(LocalDate.of(2022, 6, 12));
      assertThat(g.plannedDissolutionOn()).isEqualTo(LocalDate.of(2023, 9, 30));
      assertThat(g.dissolvedOn()).isEqualTo(LocalDate.of(2023, 9, 15));
      assertThat(g.state()).isEqualTo(WorkingGroupState.DISSOLVED);
      assertThat(g.report()).isEqualTo("圏域の5施設で共同調達を実施した。");
      assertThat(g.extensions()).singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("入札が翌年度にずれたため"));
      assertThat(g.setUpByMeetingNumber()).isEqualTo(1);
    });
    var nextYear = service.records(AREA, 2023);
    assertThat(nextYear.meetings()).isEmpty();
    assertThat(nextYear.workingGroups()).extracting(StaffMeetingRecords.WorkingGroupRecord::theme)
        .containsExactly("公共施設への太陽光発電の共同調達");
    assertThat(service.records(AREA, 2024).workingGroups()).isEmpty();
  }

  @Test
  void meetingsAreNumberedPerYearAndTheReportListsOnlyTheHeldOnes() {
    var first = started(SECRETARIAT_USER, 2027, "第1回");
    var second = started("demo", 2027, "第2回（管理者が開始）");
    assertThat(first).isEqualTo("sm-area:2027:staff-1");
    assertThat(second).isEqualTo("sm-area:2027:staff-2");
    var staff = new TasklistClient(port, STAFF_MEETING_USER);
    var agenda = staff.claim(first, TASK_PREPARE_AGENDA);
    staff.complete(agenda, Map.of("plannedOn", "2027-05-20", "place", "",
        "agenda", List.of(Map.of("title", "勉強会：省エネ診断", "materials", ""))));
    var record = staff.claim(first, TASK_RECORD_MEETING);
    var attendance = TasklistClient.rows(staff.form(record).get("attendance"));
    attendance.forEach(row -> row.put("attended", true));
    staff.complete(record, Map.of("heldOn", "2027-05-20", "attendance", attendance, "minutes", "勉強会を行った。",
        "decisions", List.of(Map.of("decision", "")), "setUpWorkingGroup", false));
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(first).count()).isZero();

    var records = service.records(AREA, 2027);
    assertThat(records.meetings()).extracting(StaffMeetingRecords.Meeting::businessKey).containsExactly(first);
    assertThat(records.meetings().get(0).decisions()).isEmpty();
    assertThat(records.meetings().get(0).attended()).isEqualTo(3);
    assertThat(records.meetings().get(0).workingGroupTheme()).isNull();
    var overview = Http.as(port, STAFF_MEETING_USER).get("/api/areas/sm-area/staff-meetings?fiscalYear=2027").json();
    assertThat(overview.path("meetings")).hasSize(2);
    assertThat(overview.path("meetings").get(1).path("stateLabel").asText()).isEqualTo("開催決定（議題の準備中）");
    var one = Http.as(port, STAFF_MEETING_USER).get("/api/areas/sm-area/staff-meetings/2027/1");
    assertThat(one.status()).as(one.toString()).isEqualTo(200);
    assertThat(one.json().path("agenda").get(0).path("title").asText()).isEqualTo("勉強会：省エネ診断");
    Http.as(port, STAFF_MEETING_USER).get("/api/areas/sm-area/staff-meetings/2027/9").assertProblem(404, "第9回");
  }

  /** The demo area as the area loader provisions it: its staff meeting user starts one and finds the task. */
  @Test
  void theDemoAreasStaffMeetingMemberStartsAMeetingAndGetsItsFirstTask() {
    var response = start("demo-area-tantou", "demo-area", Map.of("fiscalYear", 2030, "title", "第1回 担当者会議"));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    var key = response.json().path("businessKey").asText();
    assertThat(key).startsWith("demo-area:2030:staff-");
    new TasklistClient(port, "demo-area-jimukyoku").await(key, TASK_PREPARE_AGENDA);
    assertThat(new TasklistClient(port, "999101-jimukyoku").tasks(key)).isEmpty();
    assertThat(new TasklistClient(port, "jimukyoku").tasks(key)).as("the lead city's own secretariat").isEmpty();
  }

  @Test
  void onlyTheAreasSecretariatStaffMeetingAndAdministratorsStartOrReadMeetings() {
    var before = meetings.count();
    start(TOWN_USER, AREA, Map.of("fiscalYear", 2028, "title", "町が開く会議")).assertProblem(403, "圏域の事務局");
    start(OTHER_AREA_USER, AREA, Map.of("fiscalYear", 2028, "title", "別の圏域")).assertProblem(403);
    start(STAFF_MEETING_USER, OTHER_AREA, Map.of("fiscalYear", 2028, "title", "別の圏域")).assertProblem(403);
    start("env-staff", AREA, Map.of("fiscalYear", 2028, "title", "市の部署")).assertProblem(403);
    // a town's user learns nothing about area codes: 403 for an unknown one too
    start(TOWN_USER, "no-such-area", Map.of("fiscalYear", 2028, "title", "x")).assertProblem(403);
    assertThat(Http.anonymous(port).post("/api/areas/sm-area/staff-meetings",
        Map.of("fiscalYear", 2028, "title", "x")).status()).isEqualTo(401);
    assertThat(meetings.count()).isEqualTo(before);

    Http.as(port, TOWN_USER).get("/api/areas/sm-area/staff-meetings?fiscalYear=2026").assertProblem(403);
    Http.as(port, OTHER_AREA_USER).get("/api/areas/sm-area/staff-meetings?fiscalYear=2026").assertProblem(403);
    Http.as(port, TOWN_USER).get("/api/areas/sm-area/staff-meetings/2026/1").assertProblem(403);
    assertThat(Http.as(port, OTHER_AREA_USER).get("/api/areas/sm-other/staff-meetings?fiscalYear=2026").status())
        .isEqualTo(200);

    // the tasks are the area's: a member town's user neither sees nor completes them
    var key = started(STAFF_MEETING_USER, 2028, "権限の確認");
    var agenda = new TasklistClient(port, STAFF_MEETING_USER).await(key, TASK_PREPARE_AGENDA);
    assertThat(new TasklistClient(port, TOWN_USER).tasks(key)).isEmpty();
    assertThat(new TasklistClient(port, OTHER_AREA_USER).tasks(key)).isEmpty();
    var town = Http.as(port, TOWN_USER).post("/engine-rest/task/" + agenda + "/claim", Map.of("userId", TOWN_USER));
    assertThat(town.status()).as(town.toString()).isIn(403, 404);
  }

  @Test
  void badInputIsAJapanese400AndStartsNothing() {
    var before = meetings.count();
    var instances = runtime.createProcessInstanceQuery().processDefinitionKey(AreaStaffMeetingProcess.KEY).count();
    start(STAFF_MEETING_USER, "no-such-area", Map.of("fiscalYear", 2029, "title", "x"))
        .assertProblem(400, "area: 圏域コード", "no-such-area", "は登録されていません");
    start(STAFF_MEETING_USER, AREA, Map.of("fiscalYear", 2031, "title", "x"))
        .assertProblem(400, "計画期間（2021〜2030年度）", "2031");
    start(STAFF_MEETING_USER, AREA, Map.of("fiscalYear", 2020, "title", "x")).assertProblem(400, "計画期間");
    start(STAFF_MEETING_USER, AREA, Map.of("title", "x")).assertProblem(400, "fiscalYear: 年度は必須です");
    start(STAFF_MEETING_USER, AREA, Map.of("fiscalYear", 2029)).assertProblem(400, "title: 会議名は必須です");
    start(STAFF_MEETING_USER, AREA, Map.of("fiscalYear", 2029, "title", "   ")).assertProblem(400, "会議名は必須です");
    start(STAFF_MEETING_USER, AREA, Map.of("fiscalYear", 2029, "title", "会".repeat(101)))
        .assertProblem(400, "100文字以内", "101文字");
    start(STAFF_MEETING_USER, AREA, Map.of("fiscalYear", 2029, "title", "一行目\n二行目")).assertProblem(400, "改行");
    var raw = Http.as(port, STAFF_MEETING_USER);
    raw.postRaw("/api/areas/sm-area/staff-meetings", "{\"fiscalYear\": \"来年\", \"title\": \"x\"}")
        .assertProblem(400, "fiscalYear");
    raw.postRaw("/api/areas/sm-area/staff-meetings", "{\"fiscalYear\": 2029, ").assertProblem(400, "JSON");
    assertThat(meetings.count()).isEqualTo(before);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AreaStaffMeetingProcess.KEY).count())
        .isEqualTo(instances);

    raw.get("/api/areas/sm-area/staff-meetings").assertProblem(400, "fiscalYear: 年度を指定してください");
    raw.get("/api/areas/sm-area/staff-meetings?fiscalYear=abc").assertProblem(400, "整数");
    raw.get("/api/areas/sm-area/staff-meetings?fiscalYear=2035").assertProblem(400, "計画期間");
    raw.get("/api/areas/no-such-area/staff-meetings?fiscalYear=2026").assertProblem(404, "no-such-area");
    raw.get("/api/areas/sm-area/staff-meetings/next/1").assertProblem(400, "fiscalYear");
  }

  private StaffMeeting meeting(String key) {
    return meetings.findByBusinessKey(key).orElseThrow();
  }
}
