package jp.climatepdca.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistPage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A whole fiscal year worked in Camunda Tasklist by its people, in a real (headless) Chromium with a
 * Japanese browser: every form of the year is filled and completed through the UI, every return path is
 * taken once (head, secretariat, emissions, headquarters, committee, report approval, publishing), and
 * on the way the test checks what a Japanese officer sees: task names that say whose work it is, due
 * dates that render, figures rounded for people, and returned work landing on the person who submitted
 * it with the reviewer named. A small town (two departments, one measure each) keeps it quick.
 */
@AppTest
class WholeYearInTasklistTest {

  private static final String TOWN = "936001"; // a code no other test of the shared context loads
  private static final int YEAR = 2026;
  private static final String CYCLE = TOWN + ":" + YEAR;
  private static final String KANKYO = "環境課";
  private static final String TOSHI = "都市計画課";
  private static final String SECRETARIAT = "tl-jimukyoku";
  private static final String SECRETARIAT_NAME = "事務局 青葉 花子";
  /** 1,990,000 kWh × 0.000441 t-CO2/kWh = 877.59 t-CO2: shown as 878. */
  private static final String CSV = "部門,小部門,燃料,活動量,単位,出典\n業務その他,事務所,ELECTRICITY,1990000,kWh,電力会社の販売実績";

  @LocalServerPort
  int port;

  @Autowired
  PlanImportService importer;

  @Autowired
  IdentityService identity;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  HistoryService history;

  @Autowired
  JdbcTemplate db;

  private WebDriver browser;
  private TasklistPage tasklist;

  @AfterEach
  void close() {
    if (browser != null) {
      Browser.keepEvidence(browser, "whole-year-last");
      browser.quit();
    }
  }

  @Test
  void everyFormOfTheYearIsCompletedInTasklistWithEveryReturn() {
    browser = Browser.start();
    tasklist = new TasklistPage(browser, port);
    town();
    var started = Http.as(port, SECRETARIAT).post("/api/cycles", Map.of("municipality", TOWN, "fiscalYear", YEAR));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    fire(FiscalYearCycleProcess.EVENT_APRIL_CHECK_DATE);

    selfAssessments();
    fire(FiscalYearCycleProcess.EVENT_JULY_CALCULATION_DATE);
    emissions();
    check();
    actionAndPublication();

    assertThat(Http.anonymous(port).get("/public/" + TOWN + "/" + YEAR).body()).contains("第3稿");
    // the join of Action and publication is asynchronous (asyncBefore): the cycle ends once the job executor
    // has run its job, which on a loaded machine is some seconds after the publication
    org.awaitility.Awaitility.await("the cycle ends").atMost(java.time.Duration.ofSeconds(60))
        .until(() -> history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(CYCLE).finished().count()
            == 1);
  }

  /** Department 環境課 is returned by its head and by the secretariat; 都市計画課 goes straight through. */
  private void selfAssessments() {
    var kankyoStaff = "tl-kankyo-staff";
    var kankyoHead = "tl-kankyo-head";
    enterSelfAssessment(kankyoStaff, KANKYO, TasklistPage.GROUP_TASKS, "初回の入力");
    review(kankyoHead, "所属長の承認（" + KANKYO + "）", "差し戻す（コメント必須）", "課題を具体的に書いてください");
    // back to the person who submitted, under their own tasks, with the head named as people know them
    var returned = enterSelfAssessment(kankyoStaff, KANKYO, TasklistPage.MY_TASKS, "課題を具体化した");
    assertThat(returned).contains("所属長から差し戻されました（" + KANKYO + " 所属長）").contains("課題を具体的に書いてください");
    review(kankyoHead, "所属長の承認（" + KANKYO + "）", "承認する", "");

    enterSelfAssessment("tl-toshi-staff", TOSHI, TasklistPage.GROUP_TASKS, "計画どおり");
    review("tl-toshi-head", "所属長の承認（" + TOSHI + "）", "承認する", "");

    // the secretariat has one review per department, each named by it
    review(SECRETARIAT, "事務局の確認（" + TOSHI + "）", "承認する", "");
    review(SECRETARIAT, "事務局の確認（" + KANKYO + "）", "差し戻す（コメント必須）", "実績の数値を追記してください");
    var again = enterSelfAssessment(kankyoStaff, KANKYO, TasklistPage.MY_TASKS, "実績を追記した");
    assertThat(again).contains("事務局から差し戻されました（" + SECRETARIAT_NAME + "）");
    review(kankyoHead, "所属長の承認（" + KANKYO + "）", "承認する", "");
    review(SECRETARIAT, "事務局の確認（" + KANKYO + "）", "承認する", "");
  }

  /** Returns the form's text as the staff member saw it. */
  private String enterSelfAssessment(String staff, String department, String filter, String achievements) {
    tasklist.logIn(staff);
    var id = tasklist.open(filter, "自己点検・自己評価の入力（" + department + "）");
    assertDueDateShown();
    tasklist.claimIfOffered();
    var text = tasklist.formText();
    tasklist.choose("進捗状況", 0, "順調");
    tasklist.type("取組実績", achievements);
    tasklist.complete();
    awaitCompleted(id);
    assertThat(assigneeOf(id)).isEqualTo(staff);
    return text;
  }

  private void review(String user, String taskName, String decision, String comment) {
    tasklist.logIn(user);
    var id = tasklist.open(TasklistPage.GROUP_TASKS, taskName);
    assertDueDateShown();
    tasklist.claimIfOffered();
    tasklist.pick("確認結果", decision);
    if (!comment.isEmpty()) {
      tasklist.type("コメント", comment);
    }
    tasklist.complete();
    awaitCompleted(id);
  }

  /** Activity data pasted, the result returned once by the verifier and entered again, then accepted. */
  private void emissions() {
    tasklist.logIn(SECRETARIAT);
    var entry = tasklist.open(TasklistPage.GROUP_TASKS, "活動量データの入力");
    assertDueDateShown();
    tasklist.claimIfOffered();
    tasklist.type("活動量データ", CSV);
    tasklist.complete();
    awaitCompleted(entry);

    var verify = tasklist.open(TasklistPage.GROUP_TASKS, "排出量の確認");
    tasklist.claimIfOffered();
    var shown = tasklist.formText();
    // 877.59 t-CO2 in whole tonnes; against the base year's 5,000 t-CO2: −82.4482% to one decimal
    assertThat(shown).contains("878").contains("5,000").contains("-82.4%").doesNotContain("877.59")
        .doesNotContain("82.448");
    tasklist.pick("確認結果", "活動量データの入力に差し戻す（コメント必須）");
    tasklist.type("コメント", "出典を確認してください");
    tasklist.complete();
    awaitCompleted(verify);

    var again = tasklist.open(TasklistPage.MY_TASKS, "活動量データの入力");
    tasklist.claimIfOffered();
    assertThat(tasklist.formText()).contains("差し戻されました（" + SECRETARIAT_NAME + "）").contains("出典を確認してください");
    tasklist.type("算定の理由", "出典を確認した");
    tasklist.complete();
    awaitCompleted(again);
    assertThat(assigneeOf(again)).isEqualTo(SECRETARIAT);

    var accept = tasklist.open(TasklistPage.GROUP_TASKS, "排出量の確認");
    tasklist.claimIfOffered();
    tasklist.pick("確認結果", "算定結果を確定する");
    tasklist.complete();
    awaitCompleted(accept);
    // the database keeps every decimal
    assertThat(db.queryForObject("select sum(r.t_co2) from emission_result r join emission_inventory i"
        + " on i.id = r.inventory_id where i.municipality_code = ? and i.inventory_year = ? and i.is_current",
        java.math.BigDecimal.class, TOWN, YEAR - 2)).isEqualByComparingTo("877.59");
  }

  /**
   * The secretariat compiles, headquarters returns it once, the liaison meeting meets, the committee asks
   * for changes once; the second round goes through to the committee's opinions.
   */
  private void check() {
    compile("点検結果の総括（第1稿）", false);
    headquarters("事務局へ差し戻す（コメント必須）", "指標の評価を総括に加えてください");
    var returned = compile("点検結果の総括（第2稿）", true);
    assertThat(returned).contains("推進本部から差し戻されました（推進本部 青葉 太郎）").contains("指標の評価を総括に加えてください");
    headquarters("評価を確定し委員会へ報告する", "");
    liaison("連絡会議で了承（1回目）");
    committee("修正を求める（コメント必須）", "目標経路との差を説明してください", "周知の方法を工夫すること", "A-01");
    var again = compile("点検結果の総括（第3稿）", true);
    assertThat(again).contains("推進委員会から差し戻されました（推進委員会 青葉 一郎）");
    headquarters("評価を確定し委員会へ報告する", "");
    liaison("連絡会議で了承（2回目）");
    committee("評価を了承する", "", "市民への分かりやすい公表に努めること", null);
  }

  private String compile(String summary, boolean returned) {
    tasklist.logIn(SECRETARIAT);
    var id = tasklist.open(returned ? TasklistPage.MY_TASKS : TasklistPage.GROUP_TASKS, "点検・評価のとりまとめ（事務局）");
    assertDueDateShown();
    tasklist.claimIfOffered();
    var text = tasklist.formText();
    assertRounded(text);
    tasklist.type("事務局による点検・評価の総括", summary);
    tasklist.complete();
    awaitCompleted(id);
    return text;
  }

  private void headquarters(String decision, String comment) {
    tasklist.logIn("tl-honbu");
    var id = tasklist.open(TasklistPage.GROUP_TASKS, "庁内評価（推進本部）");
    assertDueDateShown();
    tasklist.claimIfOffered();
    assertRounded(tasklist.formText());
    tasklist.type("推進本部の庁内評価", "概ね順調と評価する");
    tasklist.pick("評価の確定", decision);
    if (!comment.isEmpty()) {
      tasklist.type("コメント", comment);
    }
    tasklist.complete();
    awaitCompleted(id);
  }

  private void liaison(String minutes) {
    tasklist.logIn("tl-renraku");
    var id = tasklist.open(TasklistPage.GROUP_TASKS, "連絡会議での協議");
    assertDueDateShown();
    tasklist.claimIfOffered();
    tasklist.type("連絡会議での協議結果", minutes);
    tasklist.complete();
    awaitCompleted(id);
  }

  /** One opinion per meeting (the committee's opinions of the year add up: the report answers both). */
  private void committee(String decision, String comment, String opinion, String measureCode) {
    tasklist.logIn("tl-iinkai");
    var id = tasklist.open(TasklistPage.GROUP_TASKS, "点検評価と意見（推進委員会）");
    assertDueDateShown();
    tasklist.claimIfOffered();
    assertRounded(tasklist.formText());
    tasklist.addRow("委員会からの意見・助言");
    tasklist.type("意見・助言", 0, opinion);
    if (measureCode != null) {
      tasklist.type("対象施策コード", 0, measureCode);
    }
    tasklist.pick("委員会としての結論", decision);
    if (!comment.isEmpty()) {
      tasklist.type("コメント", comment);
    }
    tasklist.complete();
    awaitCompleted(id);
  }

  /**
   * Action: both measures continue by default; the annual report prepared (with a response to each opinion),
   * returned by headquarters at the approval and by the secretariat at the publishing step, then published.
   */
  private void actionAndPublication() {
    tasklist.logIn(SECRETARIAT);
    var action = tasklist.open(TasklistPage.GROUP_TASKS, "施策の見直し（継続・修正・廃止）");
    assertDueDateShown();
    tasklist.claimIfOffered();
    // both measures continue: the default, nothing to mark (issue #20)
    assertThat(tasklist.formText()).contains("継続以外とする施策", "施策の一覧");
    tasklist.complete();
    awaitCompleted(action);

    prepare("第1稿", false);
    approve("差し戻す（コメント必須）", "排出量の傾向を書いてください");
    var returned = prepare("第2稿", true);
    assertThat(returned).contains("推進本部（公表の承認）から差し戻されました（推進本部 青葉 太郎）");
    approve("公表を承認する", "");
    publish("公表せずに作成に差し戻す（コメント必須）", "誤字があります");
    var again = prepare("第3稿", true);
    assertThat(again).contains("事務局（公表）から差し戻されました（" + SECRETARIAT_NAME + "）");
    approve("公表を承認する", "");
    publish("公表する", "");
  }

  private String prepare(String summary, boolean returned) {
    tasklist.logIn(SECRETARIAT);
    var id = tasklist.open(returned ? TasklistPage.MY_TASKS : TasklistPage.GROUP_TASKS, "年次報告書の作成（事務局）");
    assertDueDateShown();
    tasklist.claimIfOffered();
    var text = tasklist.formText();
    tasklist.type("年次報告書の概要", summary);
    var responses = tasklist.fields("対応方針");
    assertThat(responses).hasSize(2);
    for (int i = 0; i < responses.size(); i++) {
      tasklist.type("対応方針", i, "対応します（" + summary + "）");
    }
    tasklist.complete();
    awaitCompleted(id);
    assertThat(assigneeOf(id)).isEqualTo(SECRETARIAT);
    return text;
  }

  private void approve(String decision, String comment) {
    tasklist.logIn("tl-honbu");
    var id = tasklist.open(TasklistPage.GROUP_TASKS, "公表の承認（推進本部）");
    assertDueDateShown();
    tasklist.claimIfOffered();
    assertThat(tasklist.formText()).contains("878 t-CO2");
    tasklist.pick("推進本部としての判断", decision);
    if (!comment.isEmpty()) {
      tasklist.type("コメント", comment);
    }
    tasklist.complete();
    awaitCompleted(id);
  }

  private void publish(String decision, String comment) {
    tasklist.logIn(SECRETARIAT);
    var id = tasklist.open(TasklistPage.GROUP_TASKS, "公表（事務局）");
    assertDueDateShown();
    tasklist.claimIfOffered();
    tasklist.pick("公表の判断", decision);
    if (!comment.isEmpty()) {
      tasklist.type("コメント", comment);
    }
    tasklist.complete();
    awaitCompleted(id);
  }

  /** The city-wide Check forms: the indicator's progress to one decimal, tonnes whole. */
  private static void assertRounded(String text) {
    // SOLAR: base 100 (2020), target 800 (2029), actual 400 in 2025: (400 − 100) / 700 = 42.857…% → 42.9%
    assertThat(text).contains("42.9%").doesNotContain("42.857").contains("878").doesNotContain("877.59");
  }

  private void assertDueDateShown() {
    var due = tasklist.dueDateText();
    assertThat(due).doesNotContain("Invalid date").doesNotContain("無効");
    assertThat(due).matches("(?s).*(後|前|\\d{4}).*");
  }

  private void awaitCompleted(String taskId) {
    Browser.waiting(browser).withMessage(() -> "task " + taskId + " completed; Tasklist shows: " + tasklist.shownError())
        .until(d -> history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() == 1);
  }

  private String assigneeOf(String taskId) {
    return history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee();
  }

  /** Fires the cycle's timer now; the job executor may already be firing it (its date may have passed). */
  private void fire(String timer) {
    CycleFixture.fire(runtime, management, CYCLE, timer);
  }

  /** The town's plan, its base-year emissions and an indicator's actual value, and one person per role. */
  private void town() {
    importer.importPlan(new ByteArrayInputStream("""
        {"municipality": {"code": "%s", "name": "青葉町", "baseYear": 2013, "liaisonMeeting": true},
         "departments": [{"code": "kankyo", "name": "%s"}, {"code": "toshi", "name": "%s"}],
         "measures": [{"code": "A-01", "department": "kankyo", "name": "住宅用太陽光発電の補助", "sector": "HOUSEHOLD",
                       "kind": "IMPLEMENTATION", "keyProject": true},
                      {"code": "B-01", "department": "toshi", "name": "公共交通の利用促進", "sector": "TRANSPORT",
                       "kind": "IMPLEMENTATION"}],
         "indicators": [
           {"code": "SOLAR", "name": "住宅用太陽光の補助件数（累計）", "unit": "件", "measure": "A-01",
            "direction": "HIGHER", "baseYear": 2020, "baseValue": 100, "targetYear": 2029, "targetValue": 800}],
         "emissionTargets": [{"year": 2030, "reductionPercent": 46, "label": "2030年度 46%%削減（2013年度比）"}]}
        """.formatted(TOWN, KANKYO, TOSHI).getBytes(StandardCharsets.UTF_8)));
    var admin = Http.as(port, "demo");
    var upload = admin.post("/api/emissions/" + TOWN + "/2013/activity-data", "text/csv",
        "部門,小部門,燃料,活動量,単位,出典,ガス\n産業,製造業,,5000,t-CO2,県の按分推計,CO2\n".getBytes(StandardCharsets.UTF_8));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
    var calculated = admin.post("/api/emissions/" + TOWN + "/2013/calculations", Map.of("reason", "基準年度"));
    assertThat(calculated.status()).as(calculated.toString()).isEqualTo(201);
    var actual = admin.put("/api/indicators/" + TOWN + "/SOLAR/actuals/" + (YEAR - 1),
        Map.of("value", 400, "source", "町の集計"));
    assertThat(actual.status()).as(actual.toString()).isEqualTo(200);

    person(SECRETARIAT, "事務局", "青葉 花子", GroupNames.secretariat(TOWN));
    person("tl-honbu", "推進本部", "青葉 太郎", GroupNames.headquarters(TOWN));
    person("tl-iinkai", "推進委員会", "青葉 一郎", GroupNames.committee(TOWN));
    person("tl-renraku", "連絡会議", "青葉 次郎", GroupNames.liaison(TOWN));
    for (var department : List.of("kankyo", "toshi")) {
      var name = department.equals("kankyo") ? KANKYO : TOSHI;
      person("tl-" + department + "-staff", name, "担当者", GroupNames.departmentStaff(TOWN, department));
      person("tl-" + department + "-head", name, "所属長", GroupNames.departmentHead(TOWN, department));
    }
  }

  private void person(String id, String firstName, String lastName, String group) {
    var user = identity.newUser(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setPassword(Http.PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }
}
