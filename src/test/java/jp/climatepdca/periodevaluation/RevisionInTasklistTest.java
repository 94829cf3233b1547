package jp.climatepdca.periodevaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import jp.climatepdca.testing.TasklistPage;
import jp.climatepdca.testing.WebappSession;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The revision of a plan as its people work it in Tasklist (headless Chromium, ja-JP), town 961301: the
 * secretariat uploads the revised plan file through its form (custom/task-file-upload.js): a broken file
 * shows every error in Japanese and stores nothing, a good one shows the draft. Others try the same upload
 * into that task: another town's secretariat, the town's own department, a colleague while the task is
 * claimed, nobody logged in, a foreign page, a request without Camunda's CSRF token. The committee then
 * reviews the draft as its difference from the version in force and gives its opinions, headquarters approves
 * with both before it, and version 2 exists; an advisory committee gives opinions only.
 */
@AppTest
class RevisionInTasklistTest {

  static final String TOWN = "961301";
  static final String OTHER_TOWN = "961302";
  static final String KEY = TOWN + ":2025:period";
  static final String SECRETARIAT = "t961301-jimukyoku";
  static final String COLLEAGUE = "t961301-jimukyoku2";
  static final String HEADQUARTERS = "t961301-honbu";
  static final String COMMITTEE = "t961301-iinkai";
  static final String STAFF = "t961301-kankyo";
  static final String OTHER_SECRETARIAT = "t961302-jimukyoku";
  static final String UPLOAD = "改定案ファイル（JSON）を登録";

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identity;

  @Autowired
  HistoryService history;

  @Autowired
  JdbcTemplate db;

  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      Browser.keepEvidence(browser, "revision-last");
      browser.quit();
    }
  }

  @Test
  void theSecretariatUploadsTheRevisedPlanInTasklistAndNobodyElseCan() throws Exception {
    town(TOWN, "かすみ町");
    town(OTHER_TOWN, "あおば町");
    addUser(SECRETARIAT, GroupNames.secretariat(TOWN));
    addUser(COLLEAGUE, GroupNames.secretariat(TOWN));
    addUser(HEADQUARTERS, GroupNames.headquarters(TOWN));
    addUser(COMMITTEE, GroupNames.committee(TOWN));
    addUser(STAFF, GroupNames.departmentStaff(TOWN, "kankyo"));
    addUser(OTHER_SECRETARIAT, GroupNames.secretariat(OTHER_TOWN));
    var started = Http.as(port, SECRETARIAT).post("/api/plans/" + TOWN + "/period-evaluations",
        Map.of("fiscalYear", 2025, "kind", "MIDTERM"));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    var secretariat = new TasklistClient(port, SECRETARIAT);
    secretariat.complete(secretariat.claim(KEY, PlanPeriodEvaluationProcess.TASK_CHECK_TREND),
        Map.of("secretariatNote", "補助件数が伸びていない"));
    var headquarters = new TasklistClient(port, HEADQUARTERS);
    headquarters.complete(headquarters.claim(KEY, PlanPeriodEvaluationProcess.TASK_HEADQUARTERS_EVALUATION),
        Map.of("decision", "APPROVE", "headquartersEvaluation", "見直しが必要"));
    var committee = new TasklistClient(port, COMMITTEE);
    committee.complete(committee.claim(KEY, PlanPeriodEvaluationProcess.TASK_COMMITTEE_OPINIONS),
        Map.of("committeeOpinions", "目標を引き上げるべき"));
    headquarters.complete(headquarters.claim(KEY, PlanPeriodEvaluationProcess.TASK_DECIDE_OUTCOME),
        Map.of("outcome", "REVISE", "outcomeReason", "委員会意見による"));

    var draft = Http.as(port, SECRETARIAT).get("/api/plans/" + TOWN + "/period-evaluations/2025/draft").body();
    var revised = draft.replace("\"targetValue\" : 500", "\"targetValue\" : 800")
        .replace("\"reductionPercent\" : 46", "\"reductionPercent\" : 50");
    assertThat(revised).isNotEqualTo(draft);
    var broken = write("broken.json", draft.replace("HOUSEHOLD", "KITCHEN").replace("\"HIGHER\"", "\"SIDEWAYS\""));
    var good = write("revised.json", revised);

    browser = Browser.start();
    var page = new TasklistPage(browser, port);
    page.logIn(SECRETARIAT);
    var revise = page.open(TasklistPage.GROUP_TASKS, "改定案の作成（事務局）");
    page.claimIfOffered();
    assertThat(page.formText()).contains("改定案：未登録", "ダウンロード");

    var refused = page.upload(UPLOAD, broken);
    Browser.keepEvidence(browser, "revision-upload-refused");
    assertThat(refused).contains("計画データファイルを読み込めません", "measures の 1 件目 (H-01) の sector: \"KITCHEN\"",
        "indicators の 1 件目 (PV) の direction: \"SIDEWAYS\"");
    assertThat(refused.lines().count()).as("the headline and one line per error").isEqualTo(3);
    assertThat(storedDraft()).isNull();

    // the others, each with their own Tasklist session, into the task the secretariat holds
    var address = "/api/climate-pdca/task-files/" + RevisionDraftUpload.NAME + "/" + revise;
    var bytes = revised.getBytes(StandardCharsets.UTF_8);
    assertThat(WebappSession.logIn(port, OTHER_SECRETARIAT).send("POST", address, "application/json", bytes)
        .statusCode()).isEqualTo(404);
    assertThat(WebappSession.logIn(port, STAFF).send("POST", address, "application/json", bytes).statusCode())
        .isEqualTo(404);
    var colleague = WebappSession.logIn(port, COLLEAGUE).send("POST", address, "application/json", bytes);
    assertThat(colleague.statusCode()).isEqualTo(403);
    assertThat(colleague.body()).contains("別の担当者");
    assertThat(Http.anonymous(port).post("/camunda" + address, "application/json", bytes).status()).isIn(401, 403);
    assertThat(WebappSession.logIn(port, SECRETARIAT).from("https://evil.example")
        .post(address, revised, true).statusCode()).isEqualTo(403);
    assertThat(WebappSession.logIn(port, SECRETARIAT).post(address, revised, false).statusCode()).isEqualTo(403);
    assertThat(WebappSession.logIn(port, OTHER_SECRETARIAT).get(address).statusCode()).isEqualTo(404);
    // the secretariat's own hostile or mistaken sends: no plan file, an unknown receiver
    var own = WebappSession.logIn(port, SECRETARIAT);
    var binary = own.send("POST", address, "application/octet-stream", new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0});
    assertThat(binary.statusCode()).isEqualTo(400);
    assertThat(binary.body()).contains("UTF-8 の計画データファイル（JSON）ではありません");
    assertThat(own.send("POST", "/api/climate-pdca/task-files/no-such-receiver/" + revise, "application/json", bytes)
        .statusCode()).isEqualTo(404);
    assertThat(storedDraft()).isNull();

    var accepted = page.upload(UPLOAD, good);
    Browser.keepEvidence(browser, "revision-upload-accepted");
    assertThat(accepted).contains("改定案を登録しました", "revised.json", "2026年度から適用");
    Browser.waiting(browser).until(d -> page.formText().contains("改定案：登録済み"));
    assertThat(page.formText()).contains("目標値：500 → 800", "削減率（%）：46 → 50");
    assertThat(storedDraft()).contains("800");
    // the download of the form is what was stored, in the secretariat's own session only
    var downloaded = WebappSession.logIn(port, SECRETARIAT).get(address);
    assertThat(downloaded.statusCode()).isEqualTo(200);
    assertThat(downloaded.body()).contains("\"targetValue\":800");
    page.complete();
    Browser.waiting(browser).until(d -> history.createHistoricTaskInstanceQuery().taskId(revise).finished().count() == 1);

    // the committee (no governance block: an approving one) reads the draft as its difference from version 1
    page.logIn(COMMITTEE);
    var review = page.open(TasklistPage.GROUP_TASKS, "改定案の審議（推進委員会・環境審議会）");
    page.claimIfOffered();
    var shown = page.formText();
    Browser.keepEvidence(browser, "revision-review");
    assertThat(shown).contains("改定案の審議（推進委員会）", "第1版（策定、2021年度から適用）", "削減目標：変更 1 件　施策：変更なし　指標：変更 1 件",
        "削減率（%）：46 → 50", "目標値：500 → 800", "住宅用太陽光の補助件数（累計）", "施策の変更はありません。", "委員会としての結論",
        "委員会意見による");
    page.type("改定案に対する意見", "補助目標の引き上げは妥当。財源の確保に留意すること");
    page.pick("委員会としての結論", "意見を付して推進本部の承認に進める");
    page.complete();
    Browser.waiting(browser).until(d -> history.createHistoricTaskInstanceQuery().taskId(review).finished().count() == 1);

    // headquarters approves with the same difference and the committee's opinions before it: version 2
    page.logIn(HEADQUARTERS);
    var approve = page.open(TasklistPage.GROUP_TASKS, "改定案の承認（推進本部）");
    page.claimIfOffered();
    assertThat(page.formText()).contains("補助目標の引き上げは妥当。財源の確保に留意すること", "削減率（%）：46 → 50",
        "目標値：500 → 800", "適用開始年度：2026年度");
    Browser.keepEvidence(browser, "revision-approval");
    page.pick("判断", "承認して計画の新しい版として登録する");
    page.complete();
    Browser.waiting(browser).until(d -> history.createHistoricTaskInstanceQuery().taskId(approve).finished().count() == 1);
    var versions = Http.as(port, SECRETARIAT).get("/api/plans/" + TOWN + "/versions").json();
    assertThat(versions).hasSize(2);
    assertThat(versions.get(1).path("effectiveYear").asInt()).isEqualTo(2026);
    assertThat(versions.get(1).path("loadedBy").asText()).isEqualTo(HEADQUARTERS);
    var diff = Http.as(port, COMMITTEE).get("/api/plans/" + TOWN + "/versions/1/diff/2").json();
    assertThat(diff.path("indicators").path("changed").get(0).path("changes").get(0).path("after").asText())
        .isEqualTo("800");
  }

  /**
   * An advisory committee (環境審議会, 意見のみ in the plan's governance) gives opinions on the draft only: its
   * form offers no return, and a return sent anyway through the REST API is refused (town 961303).
   */
  @Test
  void anAdvisoryCommitteeGivesOpinionsOnTheDraftOnly() {
    var town = "961303";
    var key = town + ":2025:period";
    var loaded = Http.as(port, "demo").post("/api/plans", PeriodEvaluationApiTest.PLAN.replace("947301", town)
        .replace("はやて町", "しずく町").replace("\"emissionTargets\"", "\"governance\": {\"bodies\": {\"committee\":"
            + " {\"name\": \"環境審議会\", \"kind\": \"意見のみ\"}}}, \"emissionTargets\""));
    assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
    var councillor = "t961303-shingikai";
    addUser(councillor, GroupNames.committee(town));
    assertThat(Http.as(port, "demo").post("/api/plans/" + town + "/period-evaluations",
        Map.of("fiscalYear", 2025, "kind", "MIDTERM")).status()).isEqualTo(201);
    var admin = new TasklistClient(port, "demo");
    admin.complete(admin.claim(key, PlanPeriodEvaluationProcess.TASK_CHECK_TREND), Map.of("secretariatNote", "総括"));
    admin.complete(admin.claim(key, PlanPeriodEvaluationProcess.TASK_HEADQUARTERS_EVALUATION),
        Map.of("decision", "APPROVE", "headquartersEvaluation", "評価"));
    admin.complete(admin.claim(key, PlanPeriodEvaluationProcess.TASK_COMMITTEE_OPINIONS), Map.of("committeeOpinions", "意見"));
    admin.complete(admin.claim(key, PlanPeriodEvaluationProcess.TASK_DECIDE_OUTCOME),
        Map.of("outcome", "REVISE", "outcomeReason", "見直す"));
    var revise = admin.claim(key, PlanPeriodEvaluationProcess.TASK_REVISE_PLAN);
    var draftPath = "/api/plans/" + town + "/period-evaluations/2025/draft";
    assertThat(Http.as(port, "demo").send("PUT", draftPath, "application/json", Http.as(port, "demo").get(draftPath).body()
        .replace("\"targetValue\" : 500", "\"targetValue\" : 600").getBytes(StandardCharsets.UTF_8)).status())
        .isEqualTo(200);
    admin.complete(revise, Map.of());

    var council = new TasklistClient(port, councillor);
    var review = council.claim(key, PlanPeriodEvaluationProcess.TASK_COMMITTEE_REVISION_REVIEW);
    assertThat(council.form(review).get("committeeMayReturn").asBoolean()).isFalse();
    var returned = council.submit(review, Map.of("revisionOpinions", "意見", "decision", "RETURN", "comment", "戻す"));
    assertThat(returned.status()).as(returned.toString()).isEqualTo(400);
    assertThat(returned.body()).contains("環境審議会は意見を述べる機関のため、改定案を差し戻すことはできません");

    browser = Browser.start();
    var page = new TasklistPage(browser, port);
    page.logIn(councillor);
    page.open(TasklistPage.MY_TASKS, "改定案の審議（環境審議会）");
    page.formShown();
    var shown = page.formText();
    assertThat(shown).contains("改定案の審議（環境審議会）", "差し戻しはありません", "目標値：500 → 600")
        .doesNotContain("委員会としての結論");
    page.type("改定案に対する意見", "600件で妥当");
    page.complete();
    Browser.waiting(browser).until(d -> history.createHistoricTaskInstanceQuery().taskId(review).finished().count() == 1);
    assertThat(admin.tasks(key).findValuesAsText("taskDefinitionKey"))
        .containsExactly(PlanPeriodEvaluationProcess.TASK_APPROVE_REVISION);
    assertThat(admin.form(admin.claim(key, PlanPeriodEvaluationProcess.TASK_APPROVE_REVISION))
        .get("revisionOpinionsShown").asText()).isEqualTo("600件で妥当");
  }

  private String storedDraft() {
    return db.queryForObject("select revised_document from plan_period_evaluation where municipality_code = ?"
        + " and fiscal_year = 2025", String.class, TOWN);
  }

  private static Path write(String name, String text) throws IOException {
    var dir = Path.of("target", "browser", "files");
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private void town(String code, String name) {
    var loaded = Http.as(port, "demo").post("/api/plans", PeriodEvaluationApiTest.PLAN.replace("947301", code)
        .replace("はやて町", name));
    assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
  }

  private void addUser(String id, String group) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    var user = identity.newUser(id);
    user.setFirstName("かすみ");
    user.setLastName(id);
    user.setPassword(Http.PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }
}
