package jp.climatepdca.cycle;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_SECRETARIAT_REVIEW;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.CALL_ANNUAL_REPORT_PUBLICATION;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_ACTION_DECISIONS;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMMITTEE_HEARING;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMMITTEE_REVIEW;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMPILE_CHECK;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_HEADQUARTERS_EVALUATION;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_LIAISON_MEETING;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.publication.AnnualReportPublicationProcess;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.SecretariatEmissions;
import jp.climatepdca.testing.TasklistClient;
import jp.climatepdca.testing.TasklistPage;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * The five seeds' sample plans (src/main/resources/plan/samples, docs/governance.md) each driven through a
 * fiscal year in the real engine, by their own staff through /api and the engine's REST: the bodies'
 * names in the task names, the steps their governance skips or adds, and the order.
 * 小金井市 FY2026: neither 推進本部 nor 推進委員会 meets (every third year from 2021, the mid-term 2025 and the
 * final 2030); 熊本市 FY2027: 政策会議, 連絡会議 and an advisory 意見聴取委員会 that cannot send back;
 * 品川区 and さいたま市: their own bodies before publishing; 川崎市: published first, then reported to the
 * 環境審議会 for its opinions.
 */
@AppTest
class SamplePlansYearTest {

  @LocalServerPort
  int port;

  @Autowired
  PlanImportService importer;

  @Autowired
  PlanService plans;

  @Autowired
  IdentityService identity;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  TaskService tasks;

  @Autowired
  HistoryService history;

  /** Whether the committee before publishing gives its opinions in Tasklist (Chromium) rather than by REST. */
  private boolean committeeInTasklist;
  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      Browser.keepEvidence(browser, "sample-plans-last");
      browser.quit();
    }
  }

  @Test
  void koganeiSkipsHeadquartersAndCommitteeOutsideItsYears() throws IOException {
    var order = year("000-koganei.json", "132101", 2026, null, null, null, false, false);
    assertThat(order).doesNotContain(TASK_HEADQUARTERS_EVALUATION, TASK_LIAISON_MEETING, TASK_COMMITTEE_REVIEW,
        TASK_COMMITTEE_HEARING);
    assertThat(groupName("132101-headquarters")).isEqualTo("小金井市 地球温暖化対策地域推進計画推進本部");
  }

  @Test
  void koganeiMeetsInTheThirdYear() throws IOException {
    var order = year("000-koganei.json", "132101", 2027, "庁内評価（地球温暖化対策地域推進計画推進本部）", null,
        "点検評価と意見（地球温暖化対策地域推進計画推進委員会（環境審議会））", true, false);
    assertThat(order).containsSubsequence(TASK_HEADQUARTERS_EVALUATION, TASK_COMMITTEE_REVIEW, CALL_ANNUAL_REPORT_PUBLICATION);
  }

  @Test
  void kumamotoHearsItsAdvisoryCommitteeBeforePublishing() throws IOException {
    var order = year("001-kumamoto.json", "431001", 2027, "庁内評価（政策会議）", "連携中枢都市圏地球温暖化対策実行計画連絡会議での協議",
        "点検評価と意見（意見聴取委員会）", false, false);
    assertThat(order).containsSubsequence(TASK_HEADQUARTERS_EVALUATION, TASK_LIAISON_MEETING, TASK_COMMITTEE_REVIEW,
        CALL_ANNUAL_REPORT_PUBLICATION);
    assertThat(groupName("431001-committee")).isEqualTo("熊本市 意見聴取委員会");
    assertThat(groupName("431001-liaison")).isEqualTo("熊本市 連携中枢都市圏地球温暖化対策実行計画連絡会議");
  }

  @Test
  void shinagawaWithItsDirectorAndSectionChiefMeetings() throws IOException {
    var order = year("002-shinagawa.json", "131091", 2027, "庁内評価（環境対策推進会議（部長級））",
        "環境対策庁内会議（課長級）での協議", "点検評価と意見（環境活動推進会議）", false, false);
    assertThat(order).containsSubsequence(TASK_LIAISON_MEETING, TASK_COMMITTEE_REVIEW, CALL_ANNUAL_REPORT_PUBLICATION);
  }

  /** The advisory 環境審議会 in Tasklist: its form offers no return, only opinions. */
  @Test
  void saitamaWithItsHeadquartersAndCouncil() throws IOException {
    committeeInTasklist = true;
    var order = year("003-saitama.json", "111007", 2027, "庁内評価（脱炭素推進本部）", "脱炭素推進委員会（課長級）での協議",
        "点検評価と意見（環境審議会）", false, false);
    assertThat(order).containsSubsequence(TASK_COMMITTEE_REVIEW, CALL_ANNUAL_REPORT_PUBLICATION);
  }

  @Test
  void kawasakiPublishesAndThenReportsToItsCouncil() throws IOException {
    var order = year("004-kawasaki.json", "141305", 2027, "庁内評価（環境行政・温暖化対策推進総合調整会議）", null,
        "年次報告の報告と意見聴取（環境審議会）", false, true);
    assertThat(order).doesNotContain(TASK_COMMITTEE_REVIEW, TASK_LIAISON_MEETING)
        .containsSubsequence(TASK_HEADQUARTERS_EVALUATION, CALL_ANNUAL_REPORT_PUBLICATION, TASK_COMMITTEE_HEARING);
  }

  /**
   * 川崎市's 環境審議会 hears FY2027's report after it is published; its opinions are for the next year, so
   * FY2028's secretariat sees them when it compiles the check (in Tasklist, ja-JP), headquarters when it
   * evaluates, and the secretariat again in the Action step, each with the year they came from. (A town of
   * its own: the seed's 141305 runs FY2027 in the test above.)
   */
  @Test
  void kawasakisCouncilOpinionsReachTheNextYearsForms() throws IOException {
    var code = "961405";
    year("004-kawasaki.json", code, 2027, "庁内評価（環境行政・温暖化対策推進総合調整会議）", null,
        "年次報告の報告と意見聴取（環境審議会）", false, true);
    var cycle = code + ":2028";
    untilTheCheck(code, 2028);
    var secretariat = new TasklistClient(port, code + "-jimukyoku");
    var compile = secretariat.claim(cycle, TASK_COMPILE_CHECK);
    var form = secretariat.form(compile);
    assertThat(form.get("opinionsFromLastYearTitle").asText())
        .isEqualTo("2027年度の年次報告書に対する環境審議会の意見（公表後に聴取したもの。2028年度の進行管理に反映してください）");
    assertThat(TasklistClient.rows(form.get("opinionsFromLastYear"))).containsExactly(Map.of("fiscalYearLabel", "2027年度",
        "measureCode", "全体", "measureName", "", "opinion", "市民への周知を一層進めてください"));

    browser = Browser.start();
    var tasklist = new TasklistPage(browser, port);
    tasklist.logIn(code + "-jimukyoku");
    tasklist.open(TasklistPage.MY_TASKS, name(compile));
    tasklist.formShown();
    assertThat(tasklist.formText()).contains("前年度の年次報告書に対する委員会の意見（公表後に聴取）",
        "2027年度の年次報告書に対する環境審議会の意見", "2027年度", "市民への周知を一層進めてください");
    tasklist.type("事務局による点検・評価の総括", 0, "前年度の環境審議会の意見を踏まえ、周知の取組を点検した");
    tasklist.complete();
    Browser.waiting(browser).withMessage(() -> "compiled; Tasklist shows: " + tasklist.shownError())
        .until(d -> history.createHistoricTaskInstanceQuery().taskId(compile).finished().count() == 1);

    var headquarters = new TasklistClient(port, code + "-honbu");
    var evaluation = headquarters.claim(cycle, TASK_HEADQUARTERS_EVALUATION);
    assertThat(TasklistClient.rows(headquarters.form(evaluation).get("opinionsFromLastYear")))
        .extracting(row -> row.get("opinion")).containsExactly("市民への周知を一層進めてください");
    headquarters.complete(evaluation, Map.of("decision", "APPROVE", "comment", "", "evaluation", "概ね順調"));
    var action = secretariat.claim(cycle, TASK_ACTION_DECISIONS);
    var actionForm = secretariat.form(action);
    assertThat(TasklistClient.rows(actionForm.get("opinionsFromLastYear"))).extracting(row -> row.get("fiscalYearLabel"))
        .containsExactly("2027年度");
    var rows = TasklistClient.rows(actionForm.get("measures"));
    rows.forEach(row -> row.put("decision", "CONTINUE"));
    secretariat.complete(action, Map.of("measures", rows));
    publish(code, cycle, 0);
    // FY2028's report lists the council's opinion on FY2027's with the response written in its preparation
    assertThat(Http.anonymous(port).get("/public/" + code + "/2028").body()).contains(
        "2027年度（令和9年度）の年次報告書に対する環境審議会の意見と対応方針", "市民への周知を一層進めてください",
        "広報紙で周知を強化しました");
    committee(code, cycle, TASK_COMMITTEE_HEARING, "年次報告の報告と意見聴取（環境審議会）", false);
  }

  /**
   * One year of the sample: every department's self-assessment, the emissions, the check, then the bodies
   * the plan has this year (a null name: the step must not come), the Action step and the publication.
   * Returns the cycle's user tasks and call activities in the order they started.
   */
  private List<String> year(String file, String code, int fiscalYear, String headquartersTask, String liaisonTask,
      String committeeTask, boolean committeeMayReturn, boolean committeeAfter) throws IOException {
    load(file, code);
    people(code);
    var cycle = code + ":" + fiscalYear;
    var secretariat = new TasklistClient(port, code + "-jimukyoku");
    untilTheCheck(code, fiscalYear);
    secretariat.complete(secretariat.claim(cycle, TASK_COMPILE_CHECK), Map.of("summary", "各課の自己点検をとりまとめた"));

    var opinions = 0;
    if (headquartersTask != null) {
      var headquarters = new TasklistClient(port, code + "-honbu");
      var task = headquarters.claim(cycle, TASK_HEADQUARTERS_EVALUATION);
      assertThat(name(task)).isEqualTo(headquartersTask);
      headquarters.complete(task, Map.of("decision", "APPROVE", "comment", "", "evaluation", "計画は概ね順調に推移している"));
    }
    if (liaisonTask != null) {
      var liaison = new TasklistClient(port, code + "-renraku");
      var task = liaison.claim(cycle, TASK_LIAISON_MEETING);
      assertThat(name(task)).isEqualTo(liaisonTask);
      liaison.complete(task, Map.of("minutes", "各課の進捗と排出量を協議した"));
    }
    if (committeeTask != null && !committeeAfter) {
      committee(code, cycle, TASK_COMMITTEE_REVIEW, committeeTask, committeeMayReturn);
      opinions = 1;
    }
    var action = secretariat.claim(cycle, TASK_ACTION_DECISIONS);
    var rows = TasklistClient.rows(secretariat.form(action).get("measures"));
    rows.forEach(row -> row.put("decision", "CONTINUE"));
    secretariat.complete(action, Map.of("measures", rows));
    publish(code, cycle, opinions);
    if (committeeAfter) {
      committee(code, cycle, TASK_COMMITTEE_HEARING, committeeTask, false);
    }
    var instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(cycle)
        .processDefinitionKey(FiscalYearCycleProcess.KEY).singleResult();
    Awaitility.await(cycle + " ends").atMost(Duration.ofSeconds(30))
        .until(() -> history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished().count() == 1);
    return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .filter(a -> a.getActivityType().equals("userTask") || a.getActivityType().equals("callActivity"))
        .map(HistoricActivityInstance::getActivityId).toList();
  }

  /**
   * The sample as written, or under {@code code} instead of its own municipality code (a test of this class
   * that must not share the seed's town with the others).
   */
  private void load(String file, String code) throws IOException {
    String text;
    try (var in = new ClassPathResource("plan/samples/" + file).getInputStream()) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    var own = java.util.regex.Pattern.compile("\"municipality\": \\{\"code\": \"(\\d+)\"").matcher(text);
    assertThat(own.find()).as(file + " names its municipality").isTrue();
    text = text.replace("\"" + own.group(1) + "\"", "\"" + code + "\"");
    importer.importPlan(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** The cycle started, every department's self-assessment approved, the emissions accepted: the check is open. */
  private void untilTheCheck(String code, int fiscalYear) {
    var cycle = code + ":" + fiscalYear;
    var started = Http.as(port, code + "-jimukyoku").post("/api/cycles", Map.of("municipality", code, "fiscalYear", fiscalYear));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    fire(cycle, FiscalYearCycleProcess.EVENT_APRIL_CHECK_DATE);
    for (var department : plans.assessingDepartmentCodes(code)) {
      selfAssessment(code, cycle, department);
    }
    fire(cycle, FiscalYearCycleProcess.EVENT_JULY_CALCULATION_DATE);
    SecretariatEmissions.enterAndAccept(new TasklistClient(port, code + "-jimukyoku"), cycle);
    // the Check forks: the citizens' opinion window of a future year is still open, closed here as on its day
    new TasklistClient(port, code + "-jimukyoku").await(cycle, TASK_COMPILE_CHECK);
    fire(cycle, FiscalYearCycleProcess.EVENT_OPINION_WINDOW_CLOSED);
  }

  /** The committee's opinions; one that only advises cannot send the result back, even through REST. */
  private void committee(String code, String cycle, String taskKey, String taskName, boolean mayReturn) {
    if (committeeInTasklist && taskKey.equals(TASK_COMMITTEE_REVIEW)) {
      committeeInTasklist(code, taskName);
      return;
    }
    var committee = new TasklistClient(port, code + "-iinkai");
    var task = committee.claim(cycle, taskKey);
    assertThat(name(task)).isEqualTo(taskName);
    var form = committee.form(task);
    assertThat(form.get("committeeMayReturn").asBoolean()).isEqualTo(mayReturn);
    var opinion = List.of(Map.<String, Object>of("measureCode", "", "opinion", "市民への周知を一層進めてください"));
    if (!mayReturn) {
      var refused = committee.submit(task, Map.of("opinions", opinion, "decision", "RETURN", "comment", "やり直し"));
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.json().path("message").asText()).contains("差し戻しはできません");
      committee.complete(task, Map.of("opinions", opinion));
    } else {
      committee.complete(task, Map.of("opinions", opinion, "decision", "APPROVE", "comment", ""));
    }
  }

  private void committeeInTasklist(String code, String taskName) {
    browser = Browser.start();
    var tasklist = new TasklistPage(browser, port);
    tasklist.logIn(code + "-iinkai");
    var id = tasklist.open(TasklistPage.GROUP_TASKS, taskName);
    tasklist.claimIfOffered();
    assertThat(tasklist.formText()).contains("差し戻しはありません").doesNotContain("委員会としての結論", "修正を求める");
    tasklist.addRow("委員会からの意見・助言");
    tasklist.type("意見・助言", 0, "市民への周知を一層進めてください");
    tasklist.complete();
    Browser.waiting(browser).withMessage(() -> "opinions given; Tasklist shows: " + tasklist.shownError())
        .until(d -> history.createHistoricTaskInstanceQuery().taskId(id).finished().count() == 1);
  }

  private void publish(String code, String cycle, int opinions) {
    var secretariat = new TasklistClient(port, code + "-jimukyoku");
    var key = cycle + AnnualReportPublicationProcess.BUSINESS_KEY_SUFFIX;
    var prepare = secretariat.claim(key, AnnualReportPublicationProcess.TASK_PREPARE_REPORT);
    var responses = TasklistClient.rows(secretariat.form(prepare).get("responses"));
    assertThat(responses).hasSize(opinions);
    responses.forEach(row -> row.put("response", "周知を強化します"));
    // last year's council opinions heard after publishing (seed 004) are answered in this report too
    var priorResponses = TasklistClient.rows(secretariat.form(prepare).get("priorResponses"));
    priorResponses.forEach(row -> row.put("response", "広報紙で周知を強化しました"));
    secretariat.complete(prepare, Map.of("summary", "年次報告書", "changeNote", "", "responses", responses,
        "priorResponses", priorResponses));
    var headquarters = new TasklistClient(port, code + "-honbu");
    headquarters.complete(headquarters.claim(key, AnnualReportPublicationProcess.TASK_APPROVE_PUBLICATION),
        Map.of("decision", "APPROVE", "comment", ""));
    secretariat.complete(secretariat.claim(key, AnnualReportPublicationProcess.TASK_PUBLISH_REPORT),
        Map.of("decision", "APPROVE", "comment", ""));
  }

  private void selfAssessment(String code, String cycle, String department) {
    var key = cycle + ":" + department;
    var staff = new TasklistClient(port, code + "-" + department + "-staff");
    var entry = staff.claim(key, TASK_ENTER);
    var form = staff.form(entry);
    var measures = TasklistClient.rows(form.get("measures"));
    measures.forEach(row -> {
      row.put("progress", "ON_TRACK");
      row.put("achievements", "計画どおり実施した");
    });
    var indicators = TasklistClient.rows(form.get("indicators"));
    indicators.forEach(row -> {
      row.put("actualValue", 100);
      row.put("actualSource", "課の集計");
    });
    staff.complete(entry, Map.of("measures", measures, "indicators", indicators));
    for (var reviewer : List.of(code + "-" + department + "-head", code + "-jimukyoku")) {
      var client = new TasklistClient(port, reviewer);
      var taskKey = reviewer.endsWith("-head") ? TASK_HEAD_APPROVAL : TASK_SECRETARIAT_REVIEW;
      client.complete(client.claim(key, taskKey), Map.of("decision", "APPROVE", "comment", "確認しました"));
    }
  }

  private String name(String taskId) {
    return tasks.createTaskQuery().taskId(taskId).singleResult().getName();
  }

  private String groupName(String group) {
    return identity.createGroupQuery().groupId(group).singleResult().getName();
  }

  /** A past date's timer may be fired by the job executor first: then it is simply gone. */
  private void fire(String cycle, String timer) {
    CycleFixture.fire(runtime, management, cycle, timer);
  }

  /** The municipality's staff, once (two tests load 小金井市). */
  private void people(String code) {
    var people = new ArrayList<>(List.of(new String[] {code + "-jimukyoku", GroupNames.secretariat(code)},
        new String[] {code + "-honbu", GroupNames.headquarters(code)},
        new String[] {code + "-iinkai", GroupNames.committee(code)},
        new String[] {code + "-renraku", GroupNames.liaison(code)}));
    for (var department : plans.assessingDepartmentCodes(code)) {
      people.add(new String[] {code + "-" + department + "-staff", GroupNames.departmentStaff(code, department)});
      people.add(new String[] {code + "-" + department + "-head", GroupNames.departmentHead(code, department)});
    }
    for (var person : people) {
      if (identity.createUserQuery().userId(person[0]).count() > 0
          || identity.createGroupQuery().groupId(person[1]).count() == 0) {
        continue;
      }
      var user = identity.newUser(person[0]);
      user.setFirstName(person[0]);
      user.setLastName("職員");
      user.setPassword(Http.PASSWORD);
      identity.saveUser(user);
      identity.createMembership(person[0], person[1]);
    }
  }
}
