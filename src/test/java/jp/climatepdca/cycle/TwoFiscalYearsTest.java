package jp.climatepdca.cycle;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_SECRETARIAT_REVIEW;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_ACTION_DECISIONS;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMMITTEE_REVIEW;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMPILE_CHECK;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_ENTER_ACTIVITY_DATA;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_HEADQUARTERS_EVALUATION;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_VERIFY_EMISSIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.SecretariatPublication;
import jp.climatepdca.testing.TasklistClient;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two consecutive fiscal years of a town of its own (ひばり市): the Action step of the first discards a
 * measure, modifies one and promotes a study measure; the second year's cycle runs on the plan as those
 * decisions left it (even after the plan file is loaded again), its forms show what was decided, and each
 * measure's decisions are kept as its history. Both years' reports are published and compared.
 */
@AppTest
class TwoFiscalYearsTest {

  private static final String TOWN = "920001";
  private static final int FIRST = 2020;
  private static final int SECOND = 2021;
  private static final String PLAN = """
      {"municipality": {"code": "920001", "name": "ひばり市", "baseYear": 2013},
       "departments": [{"code": "env", "name": "環境課"}, {"code": "waste", "name": "清掃課"}],
       "measures": [
         {"code": "H-01", "department": "env", "name": "省エネ家電買替え補助", "sector": "HOUSEHOLD", "kind": "IMPLEMENTATION"},
         {"code": "H-02", "department": "env", "name": "地域新電力の検討", "sector": "CROSS_SECTOR", "kind": "STUDY"},
         {"code": "H-03", "department": "env", "name": "緑のカーテン普及", "sector": "HOUSEHOLD", "kind": "IMPLEMENTATION"},
         {"code": "W-01", "department": "waste", "name": "生ごみ堆肥化容器の配布", "sector": "WASTE", "kind": "IMPLEMENTATION"}]}
      """;

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identity;

  @Autowired
  RuntimeService runtime;

  @Test
  void theFirstYearsDecisionsShapeTheSecondYear() {
    loadPlanAndUsers();

    // ---- year 1: every department assesses every measure
    start(FIRST);
    assertThat(selfAssessment(FIRST, "env")).containsOnlyKeys("H-01", "H-02", "H-03")
        .allSatisfy((code, row) -> assertThat(row.get("lastDecision")).isEqualTo(""));
    assertThat(selfAssessment(FIRST, "waste")).containsOnlyKeys("W-01");
    check(FIRST);
    action(FIRST, Map.of("H-01", "MODIFY", "H-02", "PROMOTE", "H-03", "CONTINUE", "W-01", "DISCARD"), 4);
    SecretariatPublication.prepareApproveAndPublish(port, cycle(FIRST), "ひばり市の初年度の報告");
    awaitCompleted(FIRST);

    // the plan file is loaded again (as at every start): it must not undo the decisions
    var reloaded = Http.as(port, "demo").post("/api/plans", PLAN);
    assertThat(reloaded.status()).as(reloaded.toString()).isEqualTo(200);

    // ---- year 2: the discarded measure and its now empty department are gone, the rest shows the decision
    start(SECOND);
    var env = selfAssessment(SECOND, "env");
    assertThat(env).containsOnlyKeys("H-01", "H-02", "H-03");
    assertThat(env.get("H-01").get("lastDecision"))
        .isEqualTo("2020年度の見直し: 修正して継続（対象を集合住宅にも広げる）");
    assertThat(env.get("H-02").get("kindLabel")).isEqualTo("実施事業");
    assertThat(env.get("H-02").get("lastDecision")).isEqualTo("2020年度の見直し: 実施事業へ移行");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(cycle(SECOND) + ":waste").count())
        .as("清掃課 has no measure left to assess").isZero();
    check(SECOND);
    // H-02 is an implementation measure now: promoting it again is refused
    var action = new TasklistClient(port, "jimukyoku");
    var task = action.claim(cycle(SECOND), TASK_ACTION_DECISIONS);
    var rows = TasklistClient.rows(action.form(task).get("measures"));
    assertThat(rows).extracting(r -> r.get("measureCode")).containsExactly("H-01", "H-02", "H-03");
    assertThat(rows).filteredOn(r -> "H-02".equals(r.get("measureCode"))).first()
        .satisfies(r -> assertThat(r.get("kindLabel")).isEqualTo("実施事業"));
    rows.forEach(r -> r.put("decision", "H-02".equals(r.get("measureCode")) ? "PROMOTE" : "CONTINUE"));
    var refused = action.submit(task, Map.of("measures", rows));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("H-02: 実施事業へ移行できるのは検討事業だけです");
    rows.forEach(r -> r.put("decision", "CONTINUE"));
    action.complete(task, Map.of("measures", rows));
    SecretariatPublication.prepareApproveAndPublish(port, cycle(SECOND), "ひばり市の2年目の報告");
    awaitCompleted(SECOND);

    // ---- each measure's decisions over the years
    var history = Http.as(port, "env-staff").get("/api/measures/" + TOWN + "/H-01/decisions");
    assertThat(history.status()).as(history.toString()).isEqualTo(200);
    var decisions = history.json().path("decisions");
    assertThat(decisions).hasSize(2);
    assertThat(decisions.get(0).path("fiscalYear").asInt()).isEqualTo(FIRST);
    assertThat(decisions.get(0).path("label").asText()).isEqualTo("修正して継続");
    assertThat(decisions.get(0).path("note").asText()).isEqualTo("対象を集合住宅にも広げる");
    assertThat(decisions.get(1).path("decision").asText()).isEqualTo("CONTINUE");
    var discarded = Http.as(port, "env-staff").get("/api/measures/" + TOWN + "/W-01/decisions").json();
    assertThat(discarded.path("status").asText()).isEqualTo("DISCARDED");
    assertThat(discarded.path("decisions")).hasSize(1);
    // someone of another municipality only
    assertThat(Http.as(port, "transport-staff").get("/api/measures/" + TOWN + "/H-01/decisions").status()).isEqualTo(403);
    assertThat(Http.as(port, "env-staff").get("/api/measures/" + TOWN + "/NONE/decisions").status()).isEqualTo(404);

    // ---- both reports are public and side by side; the first still lists the discarded measure
    var first = Http.anonymous(port).get("/public/" + TOWN + "/" + FIRST);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body()).contains("生ごみ堆肥化容器の配布", "ひばり市の初年度の報告");
    var second = Http.anonymous(port).get("/public/" + TOWN + "/" + SECOND).body();
    assertThat(second).contains("ひばり市の2年目の報告").doesNotContain("生ごみ堆肥化容器の配布");
    assertThat(Http.anonymous(port).get("/public/" + TOWN + "/compare").body())
        .contains("2020年度（令和2年度）", "2021年度（令和3年度）");

    correctionOfTheFirstYear();
  }

  /**
   * A correction of a published report goes the same way (prepare, approve, publish) and must say what it
   * changes; the public then sees version 2 with its note, and version 1 as it was.
   */
  private void correctionOfTheFirstYear() {
    var path = "/api/reports/" + TOWN + "/" + FIRST + "/corrections";
    assertThat(Http.as(port, "honbu").post(path, Map.of()).status()).isEqualTo(403);
    assertThat(Http.as(port, "jimukyoku").post("/api/reports/" + TOWN + "/2019/corrections", Map.of()).status())
        .isEqualTo(404);
    var started = Http.as(port, "jimukyoku").post(path, Map.of());
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    assertThat(Http.as(port, "jimukyoku").post(path, Map.of()).status()).as("one correction at a time").isEqualTo(409);

    var secretariat = new TasklistClient(port, "jimukyoku");
    var key = SecretariatPublication.reportKey(cycle(FIRST));
    var task = secretariat.claim(key, jp.climatepdca.publication.AnnualReportPublicationProcess.TASK_PREPARE_REPORT);
    var form = secretariat.form(task);
    assertThat(form.get("correction").asText()).isEqualTo("true");
    assertThat(form.get("summary").asText()).isEqualTo("ひばり市の初年度の報告");
    var rows = TasklistClient.rows(form.get("responses"));
    assertThat(rows).singleElement().satisfies(r -> assertThat((String) r.get("response")).contains("来年度に対応します"));
    var noNote = secretariat.submit(task, Map.of("summary", "訂正した概要", "changeNote", "", "responses", rows));
    assertThat(noNote.status()).as(noNote.toString()).isEqualTo(400);
    assertThat(noNote.json().path("message").asText()).contains("訂正の内容");
    secretariat.complete(task, Map.of("summary", "訂正した概要", "changeNote", "排出量の出典の表記を訂正しました",
        "responses", rows));
    SecretariatPublication.approve(port, cycle(FIRST), "honbu");
    SecretariatPublication.publish(port, cycle(FIRST));

    var latest = Http.anonymous(port).get("/public/" + TOWN + "/" + FIRST).body();
    assertThat(latest).contains("第2版", "排出量の出典の表記を訂正しました", "訂正した概要");
    assertThat(Http.anonymous(port).get("/public/" + TOWN + "/" + FIRST + "/versions/1").body())
        .contains("ひばり市の初年度の報告", "これは過去の版です").doesNotContain("訂正した概要");
    var versions = Http.as(port, "env-staff").get("/api/reports/" + TOWN + "/" + FIRST).json();
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).path("status").asText()).isEqualTo("PUBLISHED");
    assertThat(versions.get(0).path("approvedBy").asText()).isEqualTo("honbu");
  }

  private void loadPlanAndUsers() {
    var loaded = Http.as(port, "demo").post("/api/plans", PLAN);
    assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
    // the demo city's people also serve ひばり市 in the same roles
    member("jimukyoku", GroupNames.secretariat(TOWN));
    member("honbu", GroupNames.headquarters(TOWN));
    member("iinkai", GroupNames.committee(TOWN));
    for (var d : List.of("env", "waste")) {
      member(d + "-staff", GroupNames.departmentStaff(TOWN, d));
      member(d + "-head", GroupNames.departmentHead(TOWN, d));
    }
  }

  private void member(String user, String group) {
    if (identity.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
      identity.createMembership(user, group);
    }
  }

  private void start(int year) {
    var started = Http.as(port, "jimukyoku").post("/api/cycles", Map.of("municipality", TOWN, "fiscalYear", year));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
  }

  /** The department's entry form (its rows by measure code), filled and approved through to the secretariat. */
  private Map<String, Map<String, Object>> selfAssessment(int year, String department) {
    var key = cycle(year) + ":" + department;
    var staff = new TasklistClient(port, department + "-staff");
    var entry = staff.claim(key, TASK_ENTER);
    var rows = TasklistClient.rows(staff.form(entry).get("measures"));
    var shown = rows.stream().collect(Collectors.toMap(r -> (String) r.get("measureCode"), Function.identity()));
    rows.forEach(r -> {
      r.put("progress", "ON_TRACK");
      r.put("achievements", year + "年度に実施した");
    });
    staff.complete(entry, Map.of("measures", rows));
    complete(department + "-head", key, TASK_HEAD_APPROVAL, Map.of("decision", "APPROVE", "comment", ""));
    complete("jimukyoku", key, TASK_SECRETARIAT_REVIEW, Map.of("decision", "APPROVE", "comment", ""));
    return shown;
  }

  /** Emissions (one direct figure), the compile, headquarters and the committee with one opinion. */
  private void check(int year) {
    var cycle = cycle(year);
    complete("jimukyoku", cycle, TASK_ENTER_ACTIVITY_DATA, Map.of("csv",
        "部門,小部門,燃料,活動量,単位,出典,ガス\n家庭,,," + (1000 - year + 2000) + ",t-CO2,県の按分推計,CO2\n", "reason", "初回算定"));
    complete("jimukyoku", cycle, TASK_VERIFY_EMISSIONS, Map.of("decision", "APPROVE", "comment", ""));
    complete("jimukyoku", cycle, TASK_COMPILE_CHECK, Map.of("summary", year + "年度の総括"));
    complete("honbu", cycle, TASK_HEADQUARTERS_EVALUATION, Map.of("decision", "APPROVE", "comment", "",
        "evaluation", year + "年度の庁内評価"));
    complete("iinkai", cycle, TASK_COMMITTEE_REVIEW, Map.of("decision", "APPROVE", "comment", "",
        "opinions", List.of(Map.of("measureCode", "H-01", "opinion", year + "年度: 対象の拡大を検討すること"))));
  }

  private void action(int year, Map<String, String> decisions, int expectedRows) {
    var secretariat = new TasklistClient(port, "jimukyoku");
    var task = secretariat.claim(cycle(year), TASK_ACTION_DECISIONS);
    var rows = TasklistClient.rows(secretariat.form(task).get("measures"));
    assertThat(rows).hasSize(expectedRows);
    rows.forEach(r -> {
      r.put("decision", decisions.get((String) r.get("measureCode")));
      r.put("note", "MODIFY".equals(r.get("decision")) ? "対象を集合住宅にも広げる" : "");
    });
    secretariat.complete(task, Map.of("measures", rows));
  }

  private void complete(String user, String businessKey, String taskKey, Map<String, Object> form) {
    var client = new TasklistClient(port, user);
    client.complete(client.claim(businessKey, taskKey), form);
  }

  private void awaitCompleted(int year) {
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(
        Http.as(port, "jimukyoku").get("/api/cycles/" + TOWN + "/" + year).json().path("phase").asText()));
  }

  private static String cycle(int year) {
    return TOWN + ":" + year;
  }

}
