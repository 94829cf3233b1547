package jp.climatepdca.area;

import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_ACTION_DECISIONS;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMMITTEE_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.MeasureView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import jp.climatepdca.testing.TasklistPage;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The area's Action applied to its members' next-year plans (issue #18), through the real engine, REST and
 * Tasklist: an area of three towns (measures M-01 in kankyo, M-02 in toshi) whose shared measure AM-01 is
 * carried by the M-01 of 962301 and 962302 (962303 only studies it, with no measure of its own) and AM-02 by
 * the M-02 of 962301 and 962303. 962303 is late, the area goes on without it, and it runs its own Action step
 * alone before the area decides. The area discards AM-01 and modifies AM-02. Then: 962301's Action step comes
 * pre-set, a submission keeping M-01 is refused (nothing stored), the API's {@code complete} with the rows as
 * loaded goes through; 962302's step is done in Tasklist (ja-JP) with its M-01 row locked; 962303's own
 * earlier decision on M-02 is replaced by the area's when the area sends its decisions. Next year's plans, the
 * decision histories and the area's next year's shared measures follow.
 */
@AppTest
class AreaActionAppliedTest {

  private static final String AREA = "area963";
  private static final String LEAD = "962301";
  private static final String SECOND = "962302";
  private static final String LATE = "962303";
  private static final List<String> MEMBERS = List.of(LEAD, SECOND, LATE);
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
  PlanService plan;

  @Autowired
  AreaPlanService areas;

  @Test
  void theAreasDiscardAndModifyReachEveryCarryingMembersNextYear() {
    var towns = new AreaTowns(port, List.of("kankyo", "toshi"), context);
    MEMBERS.forEach(m -> towns.town(m, AREA));
    towns.user(LATE + "-iinkai", GroupNames.committee(LATE));
    towns.area(AREA, "適用確認連携都市圏", LEAD, MEMBERS, List.of(
        Map.of("code", "AM-01", "name", "住宅の省エネルギー化", "sector", "HOUSEHOLD", "keyProject", true,
            "members", List.of(Map.of("municipality", LEAD, "kind", "IMPLEMENTATION", "measure", "M-01"),
                Map.of("municipality", SECOND, "kind", "IMPLEMENTATION", "measure", "M-01"),
                Map.of("municipality", LATE, "kind", "STUDY"))),
        Map.of("code", "AM-02", "name", "公共交通の利用促進", "sector", "TRANSPORT", "keyProject", false,
            "members", List.of(Map.of("municipality", LEAD, "kind", "IMPLEMENTATION", "measure", "M-02"),
                Map.of("municipality", LATE, "kind", "IMPLEMENTATION", "measure", "M-02")))));
    var started = Http.as(port, AREA + "-jimukyoku").post("/api/area-cycles", Map.of("area", AREA, "fiscalYear", YEAR));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    towns.handsIn(LEAD, YEAR);
    towns.handsIn(SECOND, YEAR);

    // 962303 is late; the area goes on without it, and it goes on alone to its own committee and Action
    fireDeadline();
    var secretariat = towns.as(AREA + "-jimukyoku");
    secretariat.complete(secretariat.claim(AREA_CYCLE, AreaCycleProcess.TASK_HANDLE_LATE_MEMBER),
        Map.of("lateDecision", "PROCEED_WITHOUT", "lateNote", "庁内調整が遅れているため"));
    towns.handsIn(LATE, YEAR);
    var lateCommittee = towns.as(LATE + "-iinkai");
    lateCommittee.complete(lateCommittee.claim(LATE + ":" + YEAR, TASK_COMMITTEE_REVIEW), Map.of("decision", "APPROVE",
        "comment", "", "opinions", List.of(Map.of("measureCode", "", "opinion", "了承する"))));
    var late = towns.as(LATE + "-jimukyoku");
    var lateAction = late.claim(LATE + ":" + YEAR, TASK_ACTION_DECISIONS);
    var lateRows = TasklistClient.rows(late.form(lateAction).get("measures"));
    // the area has not decided yet: nothing is locked
    assertThat(lateRows).extracting(r -> r.get("measureCode")).containsExactly("M-01", "M-02");
    assertThat(TasklistClient.rows(late.form(lateAction).get("areaMeasures"))).isEmpty();
    lateRows.forEach(r -> r.put("decision", "M-01".equals(r.get("measureCode")) ? "CONTINUE" : "DISCARD"));
    lateRows.forEach(r -> r.put("note", "M-01".equals(r.get("measureCode")) ? "" : "町単独では効果が小さいため廃止"));
    late.complete(lateAction, Map.of("measures", lateRows));
    assertThat(codes(plan.activeMeasures(LATE, YEAR))).containsExactly("M-01");

    areaDecides(secretariat);

    // 962301: both its measures carry shared measures: listed apart, pre-set with the area's decisions
    var lead = towns.as(LEAD + "-jimukyoku");
    var leadAction = lead.claim(LEAD + ":" + YEAR, TASK_ACTION_DECISIONS);
    var leadForm = lead.form(leadAction);
    assertThat(TasklistClient.rows(leadForm.get("measures"))).isEmpty();
    // an area-bound measure is no choice among the exceptions either
    assertThat(TasklistClient.rows(leadForm.get("measureOptions"))).isEmpty();
    var areaRows = TasklistClient.rows(leadForm.get("areaMeasures"));
    assertThat(areaRows).extracting(r -> r.get("measureCode"), r -> r.get("decision"), r -> r.get("decisionLabel"))
        .containsExactly(tuple("M-01", "DISCARD", "廃止"), tuple("M-02", "MODIFY", "修正して継続"));
    assertThat(areaRows.get(0).get("note").toString()).contains("適用確認連携都市圏", "AM-01", "廃止", "町村の取組と重複するため");
    assertThat(areaRows.get(0).get("areaNotice").toString()).contains("AM-01 住宅の省エネルギー化", "廃止");

    // another town's secretariat cannot act on it
    assertThat(towns.as(SECOND + "-jimukyoku").submit(leadAction, Map.of("measures", List.of())).status()).isIn(403, 404);
    // a hostile submission keeps the discarded M-01 among its own rows: refused, naming it, nothing stored
    var hostile = new java.util.LinkedHashMap<String, Object>(areaRows.get(0));
    hostile.put("decision", "CONTINUE");
    hostile.put("note", "町の判断で継続する");
    var refused = lead.submit(leadAction, Map.of("measures", List.of(hostile), "areaMeasures", areaRows));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("M-01", "圏域の決定「廃止」", "「継続」にはできません");
    // the same as an exception (継続以外とする施策, issue #20): refused, naming it
    var asException = lead.submit(leadAction, Map.of("exceptions", List.of(Map.of("measureCode", "M-01",
        "decision", "MODIFY", "note", "町の判断で修正して継続"))));
    assertThat(asException.status()).as(asException.toString()).isEqualTo(400);
    assertThat(asException.json().path("message").asText()).contains("M-01", "圏域の決定「廃止」", "「修正して継続」にはできません");
    assertThat(db.queryForObject("select count(*) from measure_decision where municipality_code = ? and fiscal_year = ?",
        Integer.class, LEAD, YEAR)).isZero();
    assertThat(codes(plan.activeMeasures(LEAD, YEAR))).containsExactly("M-01", "M-02");
    // through Camunda's complete (an API client's door), the read-only list tampered with: it is not read
    var tampered = TasklistClient.rows(leadForm.get("areaMeasures"));
    tampered.get(0).put("decision", "CONTINUE");
    tampered.get(0).put("note", "町の判断で継続する");
    var completed = lead.submit(leadAction, Map.of("measures", List.of(), "areaMeasures", tampered), "complete");
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);

    // 962302 in Tasklist: its M-01 row is locked on 廃止; it decides its own M-02
    secondInTasklist();

    // 962303 decided before the area did: the area's decision replaced its own when the area sent them
    assertThat(codes(plan.activeMeasures(LEAD, YEAR))).containsExactly("M-02");
    assertThat(codes(plan.activeMeasures(SECOND, YEAR))).containsExactly("M-02");
    assertThat(codes(plan.activeMeasures(LATE, YEAR))).containsExactly("M-01", "M-02");
    // 修正して継続: next year's self-assessment shows the area's reason
    assertThat(lastDecision(LEAD, "M-02")).satisfies(d -> {
      assertThat(d.label()).isEqualTo("修正して継続");
      assertThat(d.note()).contains("AM-02", "町村をまたぐ路線の再編を加える");
    });
    assertThat(lastDecision(LATE, "M-02").note()).contains("AM-02", "町村をまたぐ路線の再編を加える");

    var leadHistory = history(LEAD, "M-01");
    assertThat(leadHistory.path("status").asText()).isEqualTo("DISCARDED");
    assertThat(leadHistory.path("decisions").get(0).path("decision").asText()).isEqualTo("DISCARD");
    assertThat(leadHistory.path("decisions").get(0).path("area").asText()).isEqualTo(AREA);
    assertThat(leadHistory.path("decisions").get(0).path("note").asText()).contains("町村の取組と重複するため")
        .doesNotContain("町の判断");
    var lateHistory = history(LATE, "M-02");
    assertThat(lateHistory.path("status").asText()).isEqualTo("ACTIVE");
    var lateEntry = lateHistory.path("decisions").get(0);
    assertThat(lateEntry.path("decision").asText()).isEqualTo("MODIFY");
    assertThat(lateEntry.path("area").asText()).isEqualTo(AREA);
    assertThat(lateEntry.path("decidedBy").asText()).isEqualTo(AREA + "-jimukyoku");
    assertThat(lateEntry.path("replaced").path("decision").asText()).isEqualTo("DISCARD");
    assertThat(lateEntry.path("replaced").path("note").asText()).isEqualTo("町単独では効果が小さいため廃止");
    assertThat(lateEntry.path("replaced").path("decidedBy").asText()).isEqualTo(LATE + "-jimukyoku");
    // measures that carry no shared measure keep their own decisions
    var ownM01 = history(LATE, "M-01").path("decisions").get(0);
    assertThat(ownM01.path("decision").asText()).isEqualTo("CONTINUE");
    assertThat(ownM01.path("area").isNull()).isTrue();
    var secondM02 = history(SECOND, "M-02").path("decisions").get(0);
    assertThat(secondM02.path("decision").asText()).isEqualTo("CONTINUE");
    assertThat(secondM02.path("area").isNull()).isTrue();

    // the area's own plan: AM-01 is not in next year's shared measures; this year's still lists it
    assertThat(areas.sharedMeasures(AREA, YEAR)).extracting(SharedMeasureView::code).containsExactly("AM-01", "AM-02");
    assertThat(areas.sharedMeasures(AREA, YEAR + 1)).extracting(SharedMeasureView::code).containsExactly("AM-02");
  }

  /** Compilation, liaison meeting, committee, responses, then the Action: AM-01 廃止, AM-02 修正して継続. */
  private void areaDecides(TasklistClient secretariat) {
    secretariat.complete(secretariat.claim(AREA_CYCLE, AreaCycleProcess.TASK_CHECK_AREA_COMPILATION),
        Map.of("agendaSummary", "圏域全体の進捗と排出量の確認"));
    var liaison = towns().as(AREA + "-renraku");
    var meeting = liaison.claim(AREA_CYCLE, AreaCycleProcess.TASK_AREA_LIAISON_MEETING);
    var attendance = TasklistClient.rows(liaison.form(meeting).get("attendance"));
    attendance.forEach(row -> {
      row.put("attended", true);
      row.put("attendee", "環境課長");
    });
    liaison.complete(meeting, Map.of("attendance", attendance, "minutes", "進捗を確認した", "decisions", "了承",
        "outcome", "ACCEPT"));
    var committee = towns().as(AREA + "-iinkai");
    committee.complete(committee.claim(AREA_CYCLE, AreaCycleProcess.TASK_AREA_COMMITTEE_OPINIONS), Map.of("opinions",
        List.of(Map.of("subject", "AM-01", "member", "大学教員", "opinion", "町村の取組との重複を整理すべき"))));
    var respond = secretariat.claim(AREA_CYCLE, AreaCycleProcess.TASK_RESPOND_TO_OPINIONS);
    var responses = TasklistClient.rows(secretariat.form(respond).get("responses"));
    responses.forEach(row -> row.put("response", "圏域の施策としては廃止します"));
    secretariat.complete(respond, Map.of("responses", responses));
    var action = secretariat.claim(AREA_CYCLE, AreaCycleProcess.TASK_AREA_ACTION_DECISIONS);
    var decisions = TasklistClient.rows(secretariat.form(action).get("measures"));
    decisions.forEach(row -> {
      var first = "AM-01".equals(row.get("measureCode"));
      row.put("decision", first ? "DISCARD" : "MODIFY");
      row.put("reason", first ? "町村の取組と重複するため" : "町村をまたぐ路線の再編を加える");
    });
    secretariat.complete(action, Map.of("measures", decisions));
    secretariat.complete(secretariat.claim(AREA_CYCLE, AreaCycleProcess.TASK_APPROVE_AREA_REPORT),
        Map.of("approved", true, "approvalNote", ""));
    Awaitility.await("the area's year ends").atMost(Duration.ofSeconds(60)).until(() -> Http.as(port, AREA + "-jimukyoku")
        .get("/api/area-cycles/" + AREA + "/" + YEAR).json().path("ended").asBoolean());
  }

  private void secondInTasklist() {
    WebDriver browser = Browser.start();
    try {
      var tasklist = new TasklistPage(browser, port);
      tasklist.logIn(SECOND + "-jimukyoku");
      var id = tasklist.open(TasklistPage.GROUP_TASKS, "施策の見直し（継続・修正・廃止）");
      tasklist.claimIfOffered();
      assertThat(tasklist.formText()).contains("圏域の共通施策の見直し（連携都市圏の決定）", "AM-01", "町村の取組と重複するため");
      // the area's row in its read-only list; the town's own row open
      assertThat(values(tasklist, "施策コード")).containsExactly("M-01");
      assertThat(tasklist.formText()).contains("施策の一覧", "M-02");
      assertThat(values(tasklist, "見直し区分（圏域の決定）")).containsExactly("廃止");
      var areaNote = tasklist.fields("記録される見直しの内容・理由");
      assertThat(areaNote).hasSize(1);
      assertThat(areaNote.get(0).getAttribute("readonly")).isNotNull();
      assertThat(areaNote.get(0).getAttribute("value")).contains("町村の取組と重複するため");
      assertThat(tasklist.formText()).contains("圏域の決定に従う施策");
      assertThat(values(tasklist, "圏域の決定")).anySatisfy(v -> assertThat(v).contains("AM-01 住宅の省エネルギー化 を実施する施策です"));
      // no exception to mark: M-02 continues by default (issue #20); M-01 is the area's
      assertThat(browser.findElements(By.xpath(
          "//div[contains(@class, 'fjs-form-field-select')][.//label[contains(., '見直し区分')]]"))).isEmpty();
      tasklist.complete();
      Awaitility.await("the task is completed").atMost(Duration.ofSeconds(30))
          .until(() -> towns().as(SECOND + "-jimukyoku").tasks(SECOND + ":" + YEAR).findValuesAsText("id").stream()
              .noneMatch(id::equals));
    } finally {
      Browser.keepEvidence(browser, "area-action-applied");
      browser.quit();
    }
  }

  private static List<String> values(TasklistPage tasklist, String label) {
    return tasklist.fields(label).stream().map(field -> field.getAttribute("value")).toList();
  }

  private AreaTowns towns() {
    return new AreaTowns(port, List.of("kankyo", "toshi"), context);
  }

  private JsonNode history(String municipality, String measure) {
    var response = Http.as(port, municipality + "-jimukyoku").get("/api/measures/" + municipality + "/" + measure
        + "/decisions");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private MeasureView.LastDecision lastDecision(String municipality, String measure) {
    return plan.measures(municipality).stream().filter(m -> m.code().equals(measure)).findFirst().orElseThrow()
        .lastDecision();
  }

  private static List<String> codes(List<MeasureView> measures) {
    return measures.stream().map(MeasureView::code).toList();
  }

  private void fireDeadline() {
    var area = runtime.createProcessInstanceQuery().processInstanceBusinessKey(AREA_CYCLE).singleResult();
    var timer = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery()
        .processInstanceId(area.getId()).timers().activityId(AreaCycleProcess.EVENT_RESULT_DEADLINE).list(),
        jobs -> jobs.size() == 1).get(0);
    management.executeJob(timer.getId());
  }
}
