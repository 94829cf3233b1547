package jp.climatepdca.periodevaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.climatepdca.assessment.AssessmentInput;
import jp.climatepdca.assessment.Progress;
import jp.climatepdca.assessment.SelfAssessmentService;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.ActualValueInput;
import jp.climatepdca.plan.PlanIndicatorService;
import jp.climatepdca.review.ReviewLevel;
import jp.climatepdca.review.ReviewLog;
import jp.climatepdca.review.ReviewOutcome;
import jp.climatepdca.review.ReviewRecord;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A town (はやて町, 947301, plan FY2021–FY2030) holds its mid-term evaluation in FY2025 through /api and the
 * engine's REST as Tasklist does, with the real listeners, delegates and database: the trend of 2021–2024
 * is compiled and kept, headquarters returns it once, the committee is heard, headquarters decides to
 * revise, a broken draft is refused with nothing kept, a draft is returned and then approved, and version 2
 * (中間見直し, effective 2026) is what the cycle reviewing 2026 grades against while 2025 keeps version 1.
 * Refusals of the start (another town, bad input, outside the period, twice) store nothing. The schedule's
 * check starts a town's mid-term evaluation on its day (947302, plan FY2061–FY2065).
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeriodEvaluationApiTest {

  static final String TOWN = "947301";
  static final String KEY = TOWN + ":2025:period";
  static final String SECRETARIAT = "hayate-jimukyoku";
  static final String HEADQUARTERS = "hayate-honbu";
  static final String COMMITTEE = "hayate-iinkai";
  static final String STAFF = "hayate-staff";

  static final String PLAN = """
      {"plan": {"firstYear": 2021, "lastYear": 2030, "reason": "策定"},
       "municipality": {"code": "947301", "name": "はやて町", "baseYear": 2013, "baseEmissions": 50000},
       "departments": [{"code": "kankyo", "name": "環境課"}],
       "measures": [{"code": "H-01", "department": "kankyo", "name": "住宅用太陽光発電の補助", "sector": "HOUSEHOLD",
                     "kind": "IMPLEMENTATION", "keyProject": true},
                    {"code": "H-02", "department": "kankyo", "name": "エコドライブの啓発", "sector": "TRANSPORT",
                     "kind": "IMPLEMENTATION"}],
       "indicators": [{"code": "PV", "name": "住宅用太陽光の補助件数（累計）", "unit": "件", "measure": "H-01",
                       "direction": "HIGHER", "baseYear": 2020, "baseValue": 0, "targetYear": 2030, "targetValue": 500}],
       "emissionTargets": [{"year": 2030, "reductionPercent": 46, "label": "2030年度 46%削減（2013年度比）"}]}
      """;

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identity;

  @Autowired
  RuntimeService runtime;

  @Autowired
  JdbcTemplate db;

  @Autowired
  SelfAssessmentService assessments;

  @Autowired
  PlanIndicatorService indicators;

  @Autowired
  PeriodEvaluationStarter starter;

  @Autowired
  ReviewLog reviews;

  @BeforeAll
  void townWithFourYearsBehindIt() {
    assertThat(Http.as(port, "demo").post("/api/plans", PLAN).status()).isEqualTo(200);
    addUser(SECRETARIAT, GroupNames.secretariat(TOWN));
    addUser(HEADQUARTERS, GroupNames.headquarters(TOWN));
    addUser(COMMITTEE, GroupNames.committee(TOWN));
    addUser(STAFF, GroupNames.departmentStaff(TOWN, "kankyo"));
    // plan years 2021..2024, each reviewed by the cycle of the year after
    var progress = List.of(Progress.ON_TRACK, Progress.MOSTLY_ON_TRACK, Progress.DELAYED, Progress.DELAYED);
    for (int year = 2021; year <= 2024; year++) {
      indicators.record(TOWN, year, List.of(new ActualValueInput("PV", new BigDecimal(40 * (year - 2020)), "町の集計")),
          "hayate-jimukyoku");
      assessments.save(TOWN, year + 1, "kankyo", List.of(
          new AssessmentInput("H-01", progress.get(year - 2021), year + "年度の補助を実施", null, null),
          new AssessmentInput("H-02", Progress.ON_TRACK, "啓発を実施", null, null)), STAFF);
    }
  }

  private void addUser(String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setFirstName("はやて");
      user.setLastName(id);
      user.setPassword(Http.PASSWORD);
      identity.saveUser(user);
    }
    identity.createMembership(id, group);
  }

  @Test
  @Order(1)
  void refusedStartsStoreNothing() {
    var path = "/api/plans/" + TOWN + "/period-evaluations";
    Http.as(port, "jimukyoku").post(path, Map.of("fiscalYear", 2025, "kind", "MIDTERM"))
        .assertProblem(403, "権限がありません");
    Http.as(port, STAFF).post(path, Map.of("fiscalYear", 2025, "kind", "MIDTERM")).assertProblem(403, "事務局または管理者");
    Http.as(port, COMMITTEE).post(path, Map.of("fiscalYear", 2025, "kind", "MIDTERM")).assertProblem(403);
    Http.as(port, "demo").post("/api/plans/947399/period-evaluations", Map.of("fiscalYear", 2025, "kind", "MIDTERM"))
        .assertProblem(404, "947399", "登録されていません");
    var secretariat = Http.as(port, SECRETARIAT);
    secretariat.post(path, Map.of("fiscalYear", 2031, "kind", "MIDTERM"))
        .assertProblem(400, "2031年度は計画期間（2021〜2030年度）の外です");
    secretariat.post(path, Map.of("fiscalYear", 2020, "kind", "MIDTERM")).assertProblem(400, "計画期間");
    secretariat.post(path, Map.of("fiscalYear", 2025)).assertProblem(400, "kind: 評価の種類");
    secretariat.post(path, Map.of("fiscalYear", 2025, "kind", "YEARLY")).assertProblem(400, "YEARLY", "は使えません");
    secretariat.post(path, Map.of("kind", "MIDTERM")).assertProblem(400, "fiscalYear: 年度は必須です");
    secretariat.post(path, Map.of("fiscalYear", 2025, "kind", "FINAL")).assertProblem(400, "最終年度（2030年度）");
    secretariat.post(path, Map.of("fiscalYear", 2030, "kind", "MIDTERM")).assertProblem(400, "最終年度評価（FINAL）");
    secretariat.postRaw(path, "{\"fiscalYear\": \"二千二十五\"}").assertProblem(400);
    assertThat(rows()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PlanPeriodEvaluationProcess.KEY)
        .processInstanceBusinessKeyLike(TOWN + ":%").count()).isZero();
    Http.as(port, SECRETARIAT).get(path + "/2025").assertProblem(404, "開始されていません");
  }

  @Test
  @Order(2)
  void theSecretariatStartsTheMidtermEvaluationOnce() {
    var started = Http.as(port, SECRETARIAT).post("/api/plans/" + TOWN + "/period-evaluations",
        Map.of("fiscalYear", 2025, "kind", "MIDTERM"));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    assertThat(started.location()).endsWith("/api/plans/" + TOWN + "/period-evaluations/2025");
    assertThat(started.json().path("businessKey").asText()).isEqualTo(KEY);
    assertThat(started.json().path("kindLabel").asText()).isEqualTo("中間年度評価");
    Http.as(port, SECRETARIAT).post("/api/plans/" + TOWN + "/period-evaluations",
        Map.of("fiscalYear", 2025, "kind", "MIDTERM")).assertProblem(409, "既に開始されています");
    assertThat(rows()).isEqualTo(1);

    var view = Http.as(port, HEADQUARTERS).get("/api/plans/" + TOWN + "/period-evaluations/2025").json();
    assertThat(view.path("phase").asText()).isEqualTo(PlanPeriodEvaluationProcess.TASK_CHECK_TREND);
    assertThat(view.path("phaseLabel").asText()).isEqualTo("事務局による推移の確認");
    var trend = view.path("trend");
    assertThat(trend.path("planYears").toString()).isEqualTo("[2021,2022,2023,2024]");
    assertThat(trend.path("planVersion").asInt()).isEqualTo(1);
    var pv = trend.path("indicators").get(0);
    assertThat(pv.path("code").asText()).isEqualTo("PV");
    assertThat(pv.path("years").findValuesAsText("planYear")).containsExactly("2021", "2022", "2023", "2024");
    assertThat(pv.path("years").get(3).path("actualValue").decimalValue()).isEqualByComparingTo("160");
    assertThat(pv.path("years").get(3).path("gradeLabel").asText()).isNotBlank();
    var project = trend.path("keyProjects");
    assertThat(project.findValuesAsText("code")).containsExactly("H-01");
    assertThat(project.get(0).path("years").findValuesAsText("progressLabel"))
        .containsExactly("順調", "概ね順調", "遅れ", "遅れ");
  }

  @Test
  @Order(3)
  void headquartersReturnsTheTrendThenTheCommitteeIsHeardAndTheRevisionBecomesVersion2() {
    var secretariat = new TasklistClient(port, SECRETARIAT);
    var headquarters = new TasklistClient(port, HEADQUARTERS);
    var committee = new TasklistClient(port, COMMITTEE);
    // others do not see the town's tasks
    assertThat(new TasklistClient(port, "jimukyoku").tasks(KEY)).isEmpty();
    assertThat(new TasklistClient(port, STAFF).tasks(KEY)).isEmpty();

    var check = secretariat.claim(KEY, PlanPeriodEvaluationProcess.TASK_CHECK_TREND);
    var form = secretariat.form(check);
    assertThat(form.get("projectRows").get(0).path("history").asText())
        .isEqualTo("2021年度 順調 → 2022年度 概ね順調 → 2023年度 遅れ → 2024年度 遅れ");
    assertThat(form.get("kindLabel").asText()).isEqualTo("中間年度評価");
    refused(secretariat.submit(check, Map.of("secretariatNote", "")), "事務局の総括を入力してください");
    secretariat.complete(check, Map.of("secretariatNote", "太陽光の補助は2023年度から遅れている"));

    var evaluate = headquarters.claim(KEY, PlanPeriodEvaluationProcess.TASK_HEADQUARTERS_EVALUATION);
    assertThat(headquarters.form(evaluate).get("secretariatNoteShown").asText()).isEqualTo("太陽光の補助は2023年度から遅れている");
    refused(headquarters.submit(evaluate, review("RETURN", null, null)), "差戻しの理由");
    headquarters.complete(evaluate, review("RETURN", null, "遅れの原因を追記してください"));
    // compiled again, and the return's reason is shown to the secretariat
    var again = secretariat.await(KEY, PlanPeriodEvaluationProcess.TASK_CHECK_TREND);
    assertThat(secretariat.form(again).get("returnNotice").asText()).isEqualTo("遅れの原因を追記してください");
    assertThat(view().path("trendCompilations").asInt()).isEqualTo(2);
    secretariat.complete(again, Map.of("secretariatNote", "補助単価の低さが原因で2023年度から遅れている"));

    evaluate = headquarters.claim(KEY, PlanPeriodEvaluationProcess.TASK_HEADQUARTERS_EVALUATION);
    headquarters.complete(evaluate, review("APPROVE", "目標達成には補助の拡充が必要", null));
    var opinions = committee.claim(KEY, PlanPeriodEvaluationProcess.TASK_COMMITTEE_OPINIONS);
    committee.complete(opinions, Map.of("committeeOpinions", "市民意見を踏まえ目標を引き上げるべき"));

    var decide = headquarters.claim(KEY, PlanPeriodEvaluationProcess.TASK_DECIDE_OUTCOME);
    refused(headquarters.submit(decide, Map.of("outcome", "STOP", "outcomeReason", "x")), "STOP", "は使えません");
    headquarters.complete(decide, Map.of("outcome", "REVISE", "outcomeReason", "委員会意見により補助目標を見直す"));

    var revise = secretariat.claim(KEY, PlanPeriodEvaluationProcess.TASK_REVISE_PLAN);
    assertThat(secretariat.form(revise).get("draftStatus").asText()).isEqualTo("未登録");
    refused(secretariat.submit(revise, Map.of()), "改定案（計画データファイル）が登録されていません");
    var draftPath = "/api/plans/" + TOWN + "/period-evaluations/2025/draft";
    var draft = Http.as(port, SECRETARIAT).get(draftPath).body();
    assertThat(draft).contains("\"effectiveYear\" : 2026").contains("中間見直し").contains("947301");
    putDraft(SECRETARIAT, draftPath, "{\"plan\": ").assertProblem(400, "JSON として読めません");
    putDraft(SECRETARIAT, draftPath, draft.replace("HOUSEHOLD", "KITCHEN")).assertProblem(400, "sector");
    putDraft(SECRETARIAT, draftPath, draft.replace("\"947301\"", "\"999999\"")).assertProblem(400, "municipality.code");
    putDraft("jimukyoku", draftPath, draft).assertProblem(403);
    putDraft(HEADQUARTERS, draftPath, draft).assertProblem(403);
    assertThat(db.queryForObject("select revised_document from plan_period_evaluation where municipality_code = ?",
        String.class, TOWN)).isNull();
    var raised = draft.replace("\"targetValue\" : 500", "\"targetValue\" : 900");
    assertThat(raised).isNotEqualTo(draft);
    // a real plan file is tens of thousands of characters (the demo city's: 23,577), more than a form's text holds
    var uploaded = putDraft(SECRETARIAT, draftPath, raised.replace("住宅用太陽光発電の補助", "住宅用太陽光発電の補助（仮）")
        .replaceFirst("\\{", "{" + " ".repeat(30_000)));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
    // the open form shows what is registered
    assertThat(secretariat.form(revise).get("draftStatus").asText()).startsWith("登録済み");
    assertThat(secretariat.form(revise).get("draftMeasures").findValuesAsText("name")).contains("住宅用太陽光発電の補助（仮）");
    secretariat.complete(revise, Map.of());
    putDraft(SECRETARIAT, draftPath, raised).assertProblem(409, "改定案を作成している間だけ");

    // the committee reviews the draft as its difference from version 1; without governance it may send it back
    var reviewTask = committee.claim(KEY, PlanPeriodEvaluationProcess.TASK_COMMITTEE_REVISION_REVIEW);
    var reviewForm = committee.form(reviewTask);
    assertThat(reviewForm.get("committeeMayReturn").asBoolean()).isTrue();
    assertThat(reviewForm.get("diffFrom").asText()).isEqualTo("第1版（策定、2021年度から適用）");
    assertThat(reviewForm.get("diffSummary").asText()).isEqualTo("削減目標：変更なし　施策：変更 1 件　指標：変更 1 件");
    assertThat(reviewForm.get("diffIndicators").get(0).path("detail").asText()).isEqualTo("目標値：500 → 900");
    assertThat(reviewForm.get("diffMeasures").get(0).path("detail").asText())
        .isEqualTo("名称：住宅用太陽光発電の補助 → 住宅用太陽光発電の補助（仮）");
    refused(committee.submit(reviewTask, review("APPROVE", null, null)), "改定案に対する意見を入力してください");
    refused(committee.submit(reviewTask, withOpinions(review("RETURN", null, null), "根拠が不明")), "差戻しの理由");
    committee.complete(reviewTask, withOpinions(review("RETURN", null, "900件の根拠を示してください"), "根拠が不明"));
    revise = secretariat.await(KEY, PlanPeriodEvaluationProcess.TASK_REVISE_PLAN);
    assertThat(secretariat.form(revise).get("returnNotice").asText())
        .isEqualTo("推進委員会の審議で差し戻されました: 900件の根拠を示してください");
    assertThat(view().path("phaseLabel").asText()).isEqualTo("事務局による改定案の作成");
    secretariat.complete(revise, Map.of());
    reviewTask = committee.claim(KEY, PlanPeriodEvaluationProcess.TASK_COMMITTEE_REVISION_REVIEW);
    assertThat(committee.form(reviewTask).get("revisionOpinions").asText()).isEqualTo("根拠が不明");
    committee.complete(reviewTask, withOpinions(review("APPROVE", null, null), "補助目標900件は妥当"));

    var approve = headquarters.claim(KEY, PlanPeriodEvaluationProcess.TASK_APPROVE_REVISION);
    assertThat(headquarters.form(approve).get("draftMeasures").findValuesAsText("name")).contains("住宅用太陽光発電の補助（仮）");
    assertThat(headquarters.form(approve).get("draftIndicators").get(0).path("target").asText()).isEqualTo("2030年度 900 件");
    assertThat(headquarters.form(approve).get("diffIndicators").get(0).path("detail").asText()).isEqualTo("目標値：500 → 900");
    assertThat(headquarters.form(approve).get("revisionOpinionsShown").asText()).isEqualTo("補助目標900件は妥当");
    headquarters.complete(approve, review("RETURN", null, "施策名の（仮）を外してください"));
    revise = secretariat.await(KEY, PlanPeriodEvaluationProcess.TASK_REVISE_PLAN);
    var returned = secretariat.form(revise);
    assertThat(returned.get("returnNotice").asText()).isEqualTo("施策名の（仮）を外してください");
    assertThat(returned.get("draftStatus").asText()).startsWith("登録済み");
    assertThat(Http.as(port, SECRETARIAT).get(draftPath).body()).contains("（仮）");
    assertThat(versions()).isEqualTo(1);
    assertThat(putDraft(SECRETARIAT, draftPath, raised).status()).isEqualTo(200);
    secretariat.complete(revise, Map.of());
    // the draft changed since the committee saw it: the committee hears it again
    reviewTask = committee.claim(KEY, PlanPeriodEvaluationProcess.TASK_COMMITTEE_REVISION_REVIEW);
    assertThat(committee.form(reviewTask).get("diffMeasures")).isEmpty();
    committee.complete(reviewTask, withOpinions(review("APPROVE", null, null), "補助目標900件は妥当"));

    approve = headquarters.claim(KEY, PlanPeriodEvaluationProcess.TASK_APPROVE_REVISION);
    headquarters.complete(approve, review("APPROVE", null, null));

    assertThat(versions()).isEqualTo(2);
    var version2 = Http.as(port, SECRETARIAT).get("/api/plans/" + TOWN + "/versions").json().get(1);
    assertThat(version2.path("effectiveYear").asInt()).isEqualTo(2026);
    assertThat(version2.path("reasonLabel").asText()).isEqualTo("中間見直し");
    assertThat(version2.path("loadedBy").asText()).isEqualTo(HEADQUARTERS);
    var view = view();
    assertThat(view.path("phase").asText()).isEqualTo("COMPLETED");
    assertThat(view.path("outcome").asText()).isEqualTo("REVISE");
    assertThat(view.path("versionProduced").asInt()).isEqualTo(2);
    assertThat(view.path("effectiveYear").asInt()).isEqualTo(2026);
    assertThat(view.path("committeeOpinions").asText()).isEqualTo("市民意見を踏まえ目標を引き上げるべき");
    assertThat(view.path("revisionOpinions").asText()).isEqualTo("補助目標900件は妥当");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(KEY).count()).isZero();
  }

  @Test
  @Order(4)
  void theNextFiscalYearIsGradedAgainstVersion2AndTheEvaluatedYearKeepsVersion1() {
    // the cycle of 2027 reviews 2026, the first year of version 2; that of 2026 reviews 2025 (version 1)
    var next = Http.as(port, SECRETARIAT).get("/api/indicators/" + TOWN + "/2027").json().path("indicators").get(0);
    assertThat(next.path("targetValue").decimalValue()).isEqualByComparingTo("900");
    var current = Http.as(port, SECRETARIAT).get("/api/indicators/" + TOWN + "/2026").json().path("indicators").get(0);
    assertThat(current.path("targetValue").decimalValue()).isEqualByComparingTo("500");
    // what headquarters saw stays as it was compiled
    assertThat(view().path("trend").path("indicators").get(0).path("years").get(3).path("targetValue").decimalValue())
        .isEqualByComparingTo("500");
  }

  @Test
  @Order(5)
  void onlyTheTownsWholePlanReadersReadIt() {
    var path = "/api/plans/" + TOWN + "/period-evaluations/2025";
    for (var user : List.of(SECRETARIAT, HEADQUARTERS, COMMITTEE, "demo")) {
      assertThat(Http.as(port, user).get(path).status()).as(user).isEqualTo(200);
    }
    Http.as(port, STAFF).get(path).assertProblem(403);
    Http.as(port, "jimukyoku").get(path).assertProblem(403);
    Http.as(port, "honbu").get(path).assertProblem(403);
    Http.as(port, SECRETARIAT).get("/api/plans/" + TOWN + "/period-evaluations/1800").assertProblem(400);
  }

  @Test
  @Order(6)
  void theScheduleStartsTheMidtermEvaluationOnItsDayOnce() {
    var town = "947302";
    assertThat(Http.as(port, "demo").post("/api/plans", PLAN.replace("947301", town).replace("はやて町", "そよかぜ村")
        .replace("\"firstYear\": 2021, \"lastYear\": 2030", "\"firstYear\": 2061, \"lastYear\": 2065")).status())
        .isEqualTo(200);
    // the middle of 2061–2065 is 2063; the day configured is October 1st
    assertThat(starter.startDue(LocalDate.of(2063, 9, 30))).isEmpty();
    var started = starter.startDue(LocalDate.of(2063, 10, 1));
    assertThat(started).extracting(StartedPeriodEvaluation::businessKey).containsExactly(town + ":2063:period");
    assertThat(started.get(0).kind()).isEqualTo("MIDTERM");
    assertThat(starter.startDue(LocalDate.of(2063, 10, 2))).isEmpty();
    // a year that is neither the middle nor the last
    assertThat(starter.startDue(LocalDate.of(2064, 10, 1))).isEmpty();
    // the final year, in the next calendar year's winter (still fiscal 2065)
    assertThat(starter.startDue(LocalDate.of(2066, 2, 1))).extracting(StartedPeriodEvaluation::kind)
        .containsExactly("FINAL");
  }

  /**
   * The final year's revision is the next plan: the draft carries the following period, as long, and the
   * version created is a 改定 from the year after the period, whose own middle year the schedule then knows.
   */
  @Test
  @Order(7)
  void theFinalYearsRevisionIsTheNextPlan() {
    var town = "947302";
    var key = town + ":2065:period";
    var admin = new TasklistClient(port, "demo");
    admin.complete(admin.claim(key, PlanPeriodEvaluationProcess.TASK_CHECK_TREND), Map.of("secretariatNote", "総括"));
    admin.complete(admin.claim(key, PlanPeriodEvaluationProcess.TASK_HEADQUARTERS_EVALUATION),
        review("APPROVE", "計画期間を通じて概ね順調", null));
    admin.complete(admin.claim(key, PlanPeriodEvaluationProcess.TASK_COMMITTEE_OPINIONS),
        Map.of("committeeOpinions", "次期計画では目標を引き上げること"));
    admin.complete(admin.claim(key, PlanPeriodEvaluationProcess.TASK_DECIDE_OUTCOME),
        Map.of("outcome", "REVISE", "outcomeReason", "次期計画を策定する"));
    var revise = admin.claim(key, PlanPeriodEvaluationProcess.TASK_REVISE_PLAN);
    var draftPath = "/api/plans/" + town + "/period-evaluations/2065/draft";
    var draft = Http.as(port, "demo").get(draftPath).body();
    assertThat(draft).contains("\"firstYear\" : 2066", "\"lastYear\" : 2070", "\"effectiveYear\" : 2066", "改定");
    // the old period cannot hold a version effective after it
    putDraft("demo", draftPath, draft.replace("\"firstYear\" : 2066", "\"firstYear\" : 2061")
        .replace("\"lastYear\" : 2070", "\"lastYear\" : 2065")).assertProblem(400, "plan の effectiveYear");
    assertThat(putDraft("demo", draftPath, draft).status()).isEqualTo(200);
    admin.complete(revise, Map.of());
    admin.complete(admin.claim(key, PlanPeriodEvaluationProcess.TASK_COMMITTEE_REVISION_REVIEW),
        withOpinions(review("APPROVE", null, null), "改定案に異論なし"));
    admin.complete(admin.claim(key, PlanPeriodEvaluationProcess.TASK_APPROVE_REVISION), review("APPROVE", null, null));

    var version2 = Http.as(port, "demo").get("/api/plans/" + town + "/versions").json().get(1);
    assertThat(version2.path("reasonLabel").asText()).isEqualTo("改定");
    assertThat(version2.path("firstYear").asInt()).isEqualTo(2066);
    assertThat(version2.path("lastYear").asInt()).isEqualTo(2070);
    assertThat(version2.path("effectiveYear").asInt()).isEqualTo(2066);
    // the next plan's middle year is 2068
    assertThat(starter.startDue(LocalDate.of(2068, 10, 1))).extracting(StartedPeriodEvaluation::businessKey)
        .containsExactly(town + ":2068:period");
  }

  /**
   * Between the secretariat's checked draft and headquarters' approval, the cycle of 2027 evaluated plan
   * year 2026 (headquarters approved its Check): the revision would now change a closed year, so the
   * approval is refused with the reason and no version is recorded; the task stays open. Returned and
   * submitted again, the draft applies from 2027, the first year still open, and is recorded.
   */
  @Test
  @Order(8)
  void anApprovalThatWouldChangeAYearClosedMeanwhileIsRefused() {
    var town = "947305";
    var key = town + ":2025:period";
    assertThat(Http.as(port, "demo").post("/api/plans", PLAN.replace("947301", town).replace("はやて町", "みずほ町"))
        .status()).isEqualTo(200);
    assertThat(Http.as(port, "demo").post("/api/plans/" + town + "/period-evaluations",
        Map.of("fiscalYear", 2025, "kind", "MIDTERM")).status()).isEqualTo(201);
    var admin = new TasklistClient(port, "demo");
    admin.complete(admin.claim(key, PlanPeriodEvaluationProcess.TASK_CHECK_TREND), Map.of("secretariatNote", "総括"));
    admin.complete(admin.claim(key, PlanPeriodEvaluationProcess.TASK_HEADQUARTERS_EVALUATION),
        review("APPROVE", "評価", null));
    admin.complete(admin.claim(key, PlanPeriodEvaluationProcess.TASK_COMMITTEE_OPINIONS), Map.of("committeeOpinions", "意見"));
    admin.complete(admin.claim(key, PlanPeriodEvaluationProcess.TASK_DECIDE_OUTCOME),
        Map.of("outcome", "REVISE", "outcomeReason", "見直す"));
    var revise = admin.claim(key, PlanPeriodEvaluationProcess.TASK_REVISE_PLAN);
    var draftPath = "/api/plans/" + town + "/period-evaluations/2025/draft";
    assertThat(putDraft("demo", draftPath, Http.as(port, "demo").get(draftPath).body()
        .replace("\"targetValue\" : 500", "\"targetValue\" : 700")).status()).isEqualTo(200);
    admin.complete(revise, Map.of());
    admin.complete(admin.claim(key, PlanPeriodEvaluationProcess.TASK_COMMITTEE_REVISION_REVIEW),
        withOpinions(review("APPROVE", null, null), "改定案に異論なし"));
    var approve = admin.claim(key, PlanPeriodEvaluationProcess.TASK_APPROVE_REVISION);

    reviews.record(new ReviewRecord(town, 2027, null, ReviewLevel.HEADQUARTERS, ReviewOutcome.APPROVE, null, "test",
        "honbu", java.time.Instant.now()));
    refused(admin.submit(approve, review("APPROVE", null, null)), "2026年度から適用されるため読み込めません",
        "2026年度の実績は2027年度のサイクルで");
    assertThat(db.queryForObject("select count(*) from plan_version where municipality_code = ?", Integer.class, town))
        .isEqualTo(1);
    assertThat(db.queryForObject("select version_number from plan_period_evaluation where municipality_code = ?",
        Integer.class, town)).isNull();
    assertThat(admin.tasks(key).findValuesAsText("taskDefinitionKey"))
        .containsExactly(PlanPeriodEvaluationProcess.TASK_APPROVE_REVISION);
    // headquarters sends it back; submitted again, the draft applies from the first year still open
    admin.complete(approve, review("RETURN", null, "2026年度は評価済みになりました"));
    revise = admin.claim(key, PlanPeriodEvaluationProcess.TASK_REVISE_PLAN);
    var form = admin.form(revise);
    assertThat(form.get("effectiveYear").asText()).isEqualTo("2027年度");
    admin.complete(revise, Map.of());
    admin.complete(admin.claim(key, PlanPeriodEvaluationProcess.TASK_COMMITTEE_REVISION_REVIEW),
        withOpinions(review("APPROVE", null, null), "改定案に異論なし"));
    approve = admin.claim(key, PlanPeriodEvaluationProcess.TASK_APPROVE_REVISION);
    assertThat(admin.form(approve).get("effectiveYear").asText()).isEqualTo("2027年度");
    admin.complete(approve, review("APPROVE", null, null));
    var view = Http.as(port, "demo").get("/api/plans/" + town + "/period-evaluations/2025").json();
    assertThat(view.path("versionProduced").asInt()).isEqualTo(2);
    assertThat(view.path("effectiveYear").asInt()).isEqualTo(2027);
  }

  private Http.Response putDraft(String user, String path, String document) {
    return Http.as(port, user).send("PUT", path, "application/json",
        document.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** A refused form: 400 in Camunda's error shape, as Tasklist shows it under the form. */
  private static void refused(Http.Response response, String... parts) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().path("message").asText()).as(response.toString()).contains(parts);
  }

  private static Map<String, Object> withOpinions(Map<String, Object> fields, String opinions) {
    fields.put("revisionOpinions", opinions);
    return fields;
  }

  private static Map<String, Object> review(String decision, String evaluation, String comment) {
    var fields = new LinkedHashMap<String, Object>();
    fields.put("decision", decision);
    fields.put("comment", comment);
    if (evaluation != null) {
      fields.put("headquartersEvaluation", evaluation);
    }
    return fields;
  }

  private com.fasterxml.jackson.databind.JsonNode view() {
    return Http.as(port, SECRETARIAT).get("/api/plans/" + TOWN + "/period-evaluations/2025").json();
  }

  private int rows() {
    return db.queryForObject("select count(*) from plan_period_evaluation where municipality_code = ?", Integer.class,
        TOWN);
  }

  private int versions() {
    return db.queryForObject("select count(*) from plan_version where municipality_code = ?", Integer.class, TOWN);
  }
}
