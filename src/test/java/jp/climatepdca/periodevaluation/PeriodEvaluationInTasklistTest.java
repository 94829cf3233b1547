package jp.climatepdca.periodevaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.climatepdca.assessment.AssessmentInput;
import jp.climatepdca.assessment.Progress;
import jp.climatepdca.assessment.SelfAssessmentService;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import jp.climatepdca.testing.TasklistPage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The evaluation's forms in Camunda Tasklist, in a real (headless) browser: the secretariat reads the trend
 * tables and writes its summary, and after headquarters decided to revise, the secretariat uploads the draft
 * and confirms it in its form, and headquarters approves it in its form, which records version 2 (town
 * 947303).
 */
@AppTest
class PeriodEvaluationInTasklistTest {

  private static final String TOWN = "947303";
  private static final String KEY = TOWN + ":2025:period";

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identity;

  @Autowired
  HistoryService history;

  @Autowired
  SelfAssessmentService assessments;

  @Autowired
  JdbcTemplate db;

  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      Browser.keepEvidence(browser, "period-evaluation-last");
      browser.quit();
    }
  }

  @Test
  void theSecretariatAndHeadquartersWorkTheEvaluationInTasklist() {
    assertThat(Http.as(port, "demo").post("/api/plans", PeriodEvaluationApiTest.PLAN.replace("947301", TOWN)
        .replace("はやて町", "つばさ町")).status()).isEqualTo(200);
    addUser("tsubasa-jimukyoku", GroupNames.secretariat(TOWN));
    addUser("tsubasa-honbu", GroupNames.headquarters(TOWN));
    addUser("tsubasa-iinkai", GroupNames.committee(TOWN));
    assessments.save(TOWN, 2024, "kankyo", List.of(new AssessmentInput("H-01", Progress.DELAYED, "補助を実施", null, null),
        new AssessmentInput("H-02", Progress.ON_TRACK, "啓発を実施", null, null)), "tsubasa-jimukyoku");
    var started = Http.as(port, "tsubasa-jimukyoku").post("/api/plans/" + TOWN + "/period-evaluations",
        Map.of("fiscalYear", 2025, "kind", "MIDTERM"));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);

    browser = Browser.start();
    var page = new TasklistPage(browser, port);
    page.logIn("tsubasa-jimukyoku");
    var check = page.open(TasklistPage.GROUP_TASKS, "推移の確認・総括（事務局）");
    page.claimIfOffered();
    var shown = page.formText();
    assertThat(shown).contains("つばさ町", "中間年度評価", "計画期間 2021〜2030年度", "指標の達成度の推移", "住宅用太陽光の補助件数（累計）",
        "2023年度 遅れ", "重点事業の進捗の推移");
    Browser.keepEvidence(browser, "period-trend-check");
    page.type("事務局の総括", "重点事業は2023年度に遅れた");
    page.complete();
    Browser.waiting(browser).until(d -> history.createHistoricTaskInstanceQuery().taskId(check).finished().count() == 1);

    var headquarters = new TasklistClient(port, "tsubasa-honbu");
    headquarters.complete(headquarters.claim(KEY, PlanPeriodEvaluationProcess.TASK_HEADQUARTERS_EVALUATION),
        Map.of("decision", "APPROVE", "headquartersEvaluation", "見直しが必要"));
    var committee = new TasklistClient(port, "tsubasa-iinkai");
    committee.complete(committee.claim(KEY, PlanPeriodEvaluationProcess.TASK_COMMITTEE_OPINIONS),
        Map.of("committeeOpinions", "目標を引き上げるべき"));
    headquarters.complete(headquarters.claim(KEY, PlanPeriodEvaluationProcess.TASK_DECIDE_OUTCOME),
        Map.of("outcome", "REVISE", "outcomeReason", "委員会意見による"));

    // the draft is a file: downloaded, edited and uploaded through /api, then confirmed in the task
    var draftPath = "/api/plans/" + TOWN + "/period-evaluations/2025/draft";
    var draft = Http.as(port, "tsubasa-jimukyoku").get(draftPath).body().replace("\"targetValue\" : 500",
        "\"targetValue\" : 800");
    var uploaded = Http.as(port, "tsubasa-jimukyoku").send("PUT", draftPath, "application/json",
        draft.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
    page.logIn("tsubasa-jimukyoku");
    var revise = page.open(TasklistPage.GROUP_TASKS, "改定案の作成（事務局）");
    page.claimIfOffered();
    assertThat(page.formText()).contains("適用開始年度：2026年度", "改定理由：中間見直し", "委員会意見による", "登録済み",
        draftPath, "住宅用太陽光の補助件数（累計）", "目標値：500 → 800");
    Browser.keepEvidence(browser, "plan-revision");
    page.complete();
    Browser.waiting(browser).until(d -> history.createHistoricTaskInstanceQuery().taskId(revise).finished().count() == 1);
    committee.complete(committee.claim(KEY, PlanPeriodEvaluationProcess.TASK_COMMITTEE_REVISION_REVIEW),
        Map.of("revisionOpinions", "800件への引き上げは妥当", "decision", "APPROVE"));

    page.logIn("tsubasa-honbu");
    var approve = page.open(TasklistPage.GROUP_TASKS, "改定案の承認（推進本部）");
    page.claimIfOffered();
    assertThat(page.formText()).contains("適用開始年度：2026年度", "住宅用太陽光の補助件数（累計）", "目標値：500 → 800",
        "800件への引き上げは妥当");
    page.pick("判断", "承認して計画の新しい版として登録する");
    page.complete();
    Browser.waiting(browser).until(d -> history.createHistoricTaskInstanceQuery().taskId(approve).finished().count() == 1);
    assertThat(db.queryForObject("select count(*) from plan_version where municipality_code = ?", Integer.class, TOWN))
        .isEqualTo(2);
  }

  private void addUser(String id, String group) {
    var user = identity.newUser(id);
    user.setFirstName("つばさ");
    user.setLastName(id);
    user.setPassword(Http.PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }
}
