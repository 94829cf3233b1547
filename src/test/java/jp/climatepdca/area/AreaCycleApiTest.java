package jp.climatepdca.area;

import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_ACTION_DECISIONS;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMPILE_CHECK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An area like the demo's (a lead city and two towns, two departments each) through the public interfaces:
 * the area secretariat starts the area's year with POST /api/area-cycles (one member's cycle already runs and
 * is adopted), each town's users complete their own tasks up to headquarters' approval, which hands the
 * result to the area; one town is late (the deadline's timer is fired by the test) and reminded; the liaison
 * meeting returns one town, which reworks its check from the comment and hands in again; then the
 * committee's opinions, the responses, the area's Action, the approval, and every member goes on to its own
 * Action step, which shows the area's decisions. Town users cannot act on the area's tasks.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AreaCycleApiTest {

  private static final String AREA = "area946";
  private static final String LEAD = "946101";
  private static final List<String> MEMBERS = List.of(LEAD, "946102", "946103");
  private static final int YEAR = 2035;
  private static final String AREA_CYCLE = AREA + ":" + YEAR;

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  JdbcTemplate db;

  @Autowired
  AreaActions areaActions;

  @Autowired
  AreaCycleRecords records;

  private AreaTowns towns;

  @BeforeAll
  void anAreaOfThreeMembers() {
    towns = new AreaTowns(port, List.of("kankyo", "toshi"), context);
    MEMBERS.forEach(m -> towns.town(m, AREA));
    // the lead city's secretariat loads the area file: members, shared measures, the area's tenant and groups
    towns.area(AREA, "試験連携都市圏", LEAD, MEMBERS, List.of(
        AreaTowns.implementedByAll("AM-01", "住宅の省エネルギー化", true, MEMBERS),
        Map.of("code", "AM-02", "name", "公共交通の利用促進", "sector", "TRANSPORT", "keyProject", false,
            "members", List.of(Map.of("municipality", LEAD, "kind", "IMPLEMENTATION", "measure", "M-02"),
                Map.of("municipality", "946103", "kind", "STUDY")))));
  }

  private TasklistClient as(String user) {
    return towns.as(user);
  }

  @Test
  void anAreaYearThroughTheApiWithALateMemberAndAReturn() {
    // the lead city started its own year first: the area adopts it
    var own = Http.as(port, LEAD + "-jimukyoku").post("/api/cycles", Map.of("municipality", LEAD, "fiscalYear", YEAR));
    assertThat(own.status()).as(own.toString()).isEqualTo(201);

    // only the area's secretariat may start it; a malformed body is a 400 first
    Http.as(port, AREA + "-jimukyoku").post("/api/area-cycles", Map.of("area", AREA, "fiscalYear", 1999))
        .assertProblem(400, "fiscalYear");
    Http.as(port, AREA + "-jimukyoku").post("/api/area-cycles", Map.of("area", "no-such-area", "fiscalYear", YEAR))
        .assertProblem(400, "no-such-area");
    Http.as(port, AREA + "-jimukyoku").post("/api/area-cycles", Map.of("area", AREA, "fiscalYear", 2041))
        .assertProblem(400, "計画期間");
    assertThat(Http.as(port, LEAD + "-jimukyoku").post("/api/area-cycles", Map.of("area", AREA, "fiscalYear", YEAR))
        .status()).isEqualTo(403);
    assertThat(Http.as(port, "946102-kankyo-staff").post("/api/area-cycles", Map.of("area", AREA, "fiscalYear", YEAR))
        .status()).isEqualTo(403);
    var started = Http.as(port, AREA + "-jimukyoku").post("/api/area-cycles", Map.of("area", AREA, "fiscalYear", YEAR));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    assertThat(started.location()).endsWith("/api/area-cycles/" + AREA + "/" + YEAR);
    assertThat(started.json().path("members").findValuesAsText("joined")).containsExactly("ADOPTED", "STARTED", "STARTED");
    Http.as(port, AREA + "-jimukyoku").post("/api/area-cycles", Map.of("area", AREA, "fiscalYear", YEAR))
        .assertProblem(409, "既に開始されています");

    var status = status();
    assertThat(status.path("phase").asText()).isEqualTo("MEMBER_RESULTS");
    assertThat(status.path("phaseLabel").asText()).isEqualTo("構成市町村の点検・評価結果の提出待ち");
    assertThat(status.path("members").findValuesAsText("municipality")).containsExactlyElementsOf(MEMBERS);
    assertThat(status.path("members").get(0).path("lead").asBoolean()).isTrue();
    assertThat(status.path("resultDeadline").asText()).isEqualTo(YEAR + "-10-31");
    // a town's user does not read the area's status
    assertThat(Http.as(port, "946102-jimukyoku").get("/api/area-cycles/" + AREA + "/" + YEAR).status()).isEqualTo(403);

    handsIn(LEAD);
    handsIn("946102");
    Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> status().path("members").get(1).path("submitted").asBoolean());

    // 946103 is late: the deadline's timer (fired here, as on 1 November) gives the secretariat a task
    fireDeadline();
    var secretariat = as(AREA + "-jimukyoku");
    var late = secretariat.claim(AREA_CYCLE, AreaCycleProcess.TASK_HANDLE_LATE_MEMBER);
    assertThat(secretariat.form(late).get("memberName").asText()).isEqualTo("町946103");
    refused(secretariat.submit(late, Map.of("lateDecision", "REMIND", "newDeadline", "2000-01-01",
        "lateNote", "電話で督促")), "今日より後");
    secretariat.complete(late, Map.of("lateDecision", "REMIND", "newDeadline", YEAR + "-11-15",
        "lateNote", "11月15日までの提出を電話で依頼"));
    var third = member(status(), "946103");
    assertThat(third.path("lateDecision").asText()).isEqualTo("REMIND");
    assertThat(third.path("deadline").asText()).isEqualTo(YEAR + "-11-15");
    assertThat(third.path("submitted").asBoolean()).isFalse();
    handsIn("946103");

    compilationChecked(secretariat);
    // a town's secretariat cannot see or complete the area's tasks
    var town = as("946102-jimukyoku");
    var check = as(AREA + "-renraku").await(AREA_CYCLE, AreaCycleProcess.TASK_AREA_LIAISON_MEETING);
    assertThat(town.tasks(AREA_CYCLE)).isEmpty();
    assertThat(town.submit(check, Map.of("minutes", "x")).status()).isIn(403, 404);

    // the liaison meeting returns 946102 with a comment
    var liaison = as(AREA + "-renraku");
    var meeting = liaison.claim(AREA_CYCLE, AreaCycleProcess.TASK_AREA_LIAISON_MEETING);
    var form = liaison.form(meeting);
    assertThat(TasklistClient.rows(form.get("attendance"))).hasSize(3);
    assertThat(form.get("memberOptions")).hasSize(3);
    refused(liaison.submit(meeting, Map.of("attendance", TasklistClient.rows(form.get("attendance")), "minutes", "協議した",
        "decisions", "了承", "outcome", "RETURN_MEMBER", "returnedMember", "946102", "returnComment", "")), "差戻しのコメント");
    var attendance = TasklistClient.rows(form.get("attendance"));
    attendance.forEach(row -> {
      row.put("attended", true);
      row.put("attendee", "環境課長");
    });
    liaison.complete(meeting, Map.of("attendance", attendance, "minutes", "各市町村の進捗を確認した",
        "decisions", "946102 の排出量の説明を補うこと", "outcome", "RETURN_MEMBER", "returnedMember", "946102",
        "returnComment", "排出量の増加理由を総括に書いてください"));
    var returnedCheck = as("946102-jimukyoku").claim("946102:" + YEAR, TASK_COMPILE_CHECK);
    assertThat(as("946102-jimukyoku").form(returnedCheck).get("returnNotice").asText())
        .contains("圏域の連絡会議").contains("排出量の増加理由");
    Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> "RETURNED_MEMBER".equals(status().path("phase").asText()));
    assertThat(member(status(), "946102").path("awaitingResubmission").asBoolean()).isTrue();
    as("946102-jimukyoku").complete(returnedCheck, Map.of("summary", "排出量の増加理由（工場の新設）を追記した総括"));
    towns.opinionWindowCloses("946102", YEAR);
    headquartersApproves("946102");

    compilationChecked(secretariat);
    meeting = liaison.claim(AREA_CYCLE, AreaCycleProcess.TASK_AREA_LIAISON_MEETING);
    assertThat(liaison.form(meeting).get("minutes").asText()).isEqualTo("各市町村の進捗を確認した");
    liaison.complete(meeting, Map.of("attendance", attendance, "minutes", "再提出を確認した",
        "decisions", "圏域全体として概ね順調", "outcome", "ACCEPT"));

    var committee = as(AREA + "-iinkai");
    var opinions = committee.claim(AREA_CYCLE, AreaCycleProcess.TASK_AREA_COMMITTEE_OPINIONS);
    refused(committee.submit(opinions, Map.of("opinions", List.of())), "意見・助言はなかった");
    refused(committee.submit(opinions, Map.of("opinions",
        List.of(Map.of("subject", "AM-99", "member", "", "opinion", "x")))), "AM-99");
    committee.complete(opinions, Map.of("opinions", List.of(
        Map.of("subject", "AM-01", "member", "大学教員", "opinion", "断熱改修の補助を町村にも広げるべき"),
        Map.of("subject", "", "member", "市民代表", "opinion", "取組を分かりやすく公表してほしい"))));

    var respond = secretariat.claim(AREA_CYCLE, AreaCycleProcess.TASK_RESPOND_TO_OPINIONS);
    var responses = TasklistClient.rows(secretariat.form(respond).get("responses"));
    assertThat(responses).hasSize(2);
    refused(secretariat.submit(respond, Map.of("responses", responses)), "対応を入力してください");
    responses.forEach(row -> row.put("response", "次年度に検討します"));
    secretariat.complete(respond, Map.of("responses", responses));

    var action = secretariat.claim(AREA_CYCLE, AreaCycleProcess.TASK_AREA_ACTION_DECISIONS);
    var decisions = TasklistClient.rows(secretariat.form(action).get("measures"));
    assertThat(decisions).extracting(row -> row.get("measureCode")).containsExactly("AM-01", "AM-02");
    decisions.forEach(row -> row.put("decision", "AM-01".equals(row.get("measureCode")) ? "MODIFY" : "CONTINUE"));
    refused(secretariat.submit(action, Map.of("measures", decisions)), "理由");
    decisions.forEach(row -> row.put("reason", "AM-01".equals(row.get("measureCode")) ? "補助対象を町村に拡大" : "順調"));
    secretariat.complete(action, Map.of("measures", decisions));

    var approval = secretariat.claim(AREA_CYCLE, AreaCycleProcess.TASK_APPROVE_AREA_REPORT);
    refused(secretariat.submit(approval, Map.of("approvalNote", "")), "承認します");
    secretariat.complete(approval, Map.of("approved", true, "approvalNote", ""));

    // every member goes on to its own Action step, which the area's decisions shape
    for (var m : MEMBERS) {
      as(m + "-jimukyoku").await(m + ":" + YEAR, TASK_ACTION_DECISIONS);
    }
    var townAction = as("946103-jimukyoku");
    var shown = TasklistClient.rows(townAction.form(townAction.await("946103:" + YEAR, TASK_ACTION_DECISIONS))
        .get("areaDecisions"));
    assertThat(shown).extracting(row -> row.get("measureCode"), row -> row.get("decisionLabel"), row -> row.get("kindLabel"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("AM-01", "修正して継続", "実施事業"),
            org.assertj.core.groups.Tuple.tuple("AM-02", "継続", "検討事業"));
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status().path("ended").asBoolean());
    assertThat(areaActions.forMember("946103", YEAR)).extracting(AreaActions.MemberDecision::measureCode,
        AreaActions.MemberDecision::decision).containsExactly(
            org.assertj.core.groups.Tuple.tuple("AM-01", AreaAction.MODIFY),
            org.assertj.core.groups.Tuple.tuple("AM-02", AreaAction.CONTINUE));
    // the members skipped their own liaison meeting and committee: the area held them
    assertThat(db.queryForObject("select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = ?",
        Integer.class, started.json().path("members").get(1).path("processInstanceId").asText(),
        FiscalYearCycleProcess.TASK_COMMITTEE_REVIEW)).isZero();
    assertThat(db.queryForObject("select count(*) from area_cycle_member where area_code = ? and fiscal_year = ?"
        + " and decisions_sent_at is not null", Integer.class, AREA, YEAR)).isEqualTo(3);
    // what the year recorded, for the area's report
    var year = records.year(AREA, YEAR);
    assertThat(year.liaisonMeeting()).hasValueSatisfying(held -> {
      assertThat(held.decisions()).isEqualTo("圏域全体として概ね順調");
      assertThat(held.agendaSummary()).isEqualTo("圏域全体の進捗と排出量の確認");
      assertThat(held.attendance()).hasSize(3).allSatisfy(a -> assertThat(a.attended()).isTrue());
    });
    assertThat(year.opinions()).extracting(AreaCycleRecords.Opinion::subject, AreaCycleRecords.Opinion::response)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("AM-01", "次年度に検討します"),
            org.assertj.core.groups.Tuple.tuple(null, "次年度に検討します"));
    assertThat(year.members()).extracting(AreaCycleRecords.Member::municipality, AreaCycleRecords.Member::lateDecision,
        AreaCycleRecords.Member::returnedComment).containsExactly(
            org.assertj.core.groups.Tuple.tuple(LEAD, null, null),
            org.assertj.core.groups.Tuple.tuple("946102", null, "排出量の増加理由を総括に書いてください"),
            org.assertj.core.groups.Tuple.tuple("946103", "REMIND", null));
    assertThat(year.approvedBy()).isEqualTo(AREA + "-jimukyoku");
    assertThat(db.queryForObject("select submissions from area_cycle_member where municipality_code = ? and fiscal_year = ?",
        Integer.class, "946102", YEAR)).isEqualTo(2);
  }

  /**
   * A member whose cycle of the year went past its internal evaluation cannot join (409, nothing started for
   * the others); a late member the secretariat goes on without hands in later and goes on alone, to its own
   * committee, as a municipality without an area.
   */
  @Test
  void aMemberPastItsInternalEvaluationIsRefusedAndALateMemberLeftOutGoesOnAlone() {
    var refusedYear = 2036;
    var own = Http.as(port, "946102-jimukyoku").post("/api/cycles", Map.of("municipality", "946102",
        "fiscalYear", refusedYear));
    assertThat(own.status()).as(own.toString()).isEqualTo(201);
    handsIn("946102", refusedYear);
    awaitOwnCommittee("946102", refusedYear);
    Http.as(port, AREA + "-jimukyoku").post("/api/area-cycles", Map.of("area", AREA, "fiscalYear", refusedYear))
        .assertProblem(409, "町946102（946102）", "庁内評価");
    assertThat(db.queryForObject("select count(*) from area_cycle where area_code = ? and fiscal_year = ?",
        Integer.class, AREA, refusedYear)).isZero();
    assertThat(db.queryForObject("select count(*) from fiscal_year_cycle where fiscal_year = ? and municipality_code in (?, ?)",
        Integer.class, refusedYear, LEAD, "946103")).isZero();

    var year = 2037;
    var started = Http.as(port, AREA + "-jimukyoku").post("/api/area-cycles", Map.of("area", AREA, "fiscalYear", year));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    handsIn(LEAD, year);
    handsIn("946102", year);
    fireDeadline(year);
    var secretariat = as(AREA + "-jimukyoku");
    var late = secretariat.claim(AREA + ":" + year, AreaCycleProcess.TASK_HANDLE_LATE_MEMBER);
    refused(secretariat.submit(late, Map.of("lateDecision", "PROCEED_WITHOUT", "lateNote", "")), "記録");
    secretariat.complete(late, Map.of("lateDecision", "PROCEED_WITHOUT", "lateNote", "庁内調整が遅れているため"));
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !"MEMBER_RESULTS".equals(
        Http.as(port, AREA + "-jimukyoku").get("/api/area-cycles/" + AREA + "/" + year).json().path("phase").asText()));
    var third = member(Http.as(port, AREA + "-jimukyoku").get("/api/area-cycles/" + AREA + "/" + year).json(), "946103");
    assertThat(third.path("lateDecision").asText()).isEqualTo("PROCEED_WITHOUT");
    assertThat(third.path("lateNote").asText()).isEqualTo("庁内調整が遅れているため");
    assertThat(third.path("late").asBoolean()).isFalse();
    handsIn("946103", year);
    // no area waits for it: its own committee reviews it
    awaitOwnCommittee("946103", year);
    assertThat(db.queryForObject("select result_submitted_at from area_cycle_member where municipality_code = ?"
        + " and fiscal_year = ?", java.sql.Timestamp.class, "946103", year)).isNull();
  }

  /** A member going on alone: its own committee reviews it (GET /api/cycles, as its secretariat reads it). */
  private void awaitOwnCommittee(String m, int year) {
    Awaitility.await(m + " at its own committee").atMost(Duration.ofSeconds(30)).until(() -> Http.as(port, m + "-jimukyoku")
        .get("/api/cycles/" + m + "/" + year).json().path("phase").asText(), "COMMITTEE_REVIEW"::equals);
  }

  /** Camunda's REST answers a refused form with 400 and our Japanese message (not problem+json). */
  private static void refused(Http.Response response, String part) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().path("message").asText()).contains(part);
  }

  private com.fasterxml.jackson.databind.JsonNode status() {
    var response = Http.as(port, AREA + "-jimukyoku").get("/api/area-cycles/" + AREA + "/" + YEAR);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private static com.fasterxml.jackson.databind.JsonNode member(com.fasterxml.jackson.databind.JsonNode status,
      String municipality) {
    for (var m : status.path("members")) {
      if (m.path("municipality").asText().equals(municipality)) {
        return m;
      }
    }
    throw new AssertionError(municipality + " not in " + status);
  }

  private void fireDeadline() {
    fireDeadline(YEAR);
  }

  private void fireDeadline(int year) {
    var area = runtime.createProcessInstanceQuery().processInstanceBusinessKey(AREA + ":" + year).singleResult();
    var timer = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery()
        .processInstanceId(area.getId()).timers().activityId(AreaCycleProcess.EVENT_RESULT_DEADLINE).list(),
        jobs -> jobs.size() == 1).get(0);
    management.executeJob(timer.getId());
  }

  private void handsIn(String m) {
    towns.handsIn(m, YEAR);
  }

  private void handsIn(String m, int year) {
    towns.handsIn(m, year);
  }

  private void headquartersApproves(String m) {
    towns.headquartersApproves(m, YEAR);
  }

  private void compilationChecked(TasklistClient secretariat) {
    var check = secretariat.claim(AREA_CYCLE, AreaCycleProcess.TASK_CHECK_AREA_COMPILATION);
    var form = secretariat.form(check);
    assertThat(TasklistClient.rows(form.get("members"))).allSatisfy(
        row -> assertThat(row.get("submittedLabel")).isEqualTo("提出済み"));
    refused(secretariat.submit(check, Map.of("agendaSummary", "")), "議題");
    secretariat.complete(check, Map.of("agendaSummary", "圏域全体の進捗と排出量の確認"));
  }
}
