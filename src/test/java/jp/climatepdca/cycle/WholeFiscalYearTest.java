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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.climatepdca.plan.MeasureKind;
import jp.climatepdca.plan.MeasureView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import jp.climatepdca.publication.AnnualReportPublicationProcess;
import jp.climatepdca.testing.SecretariatEmissions;
import jp.climatepdca.testing.SecretariatPublication;
import jp.climatepdca.testing.TasklistClient;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One whole fiscal year of the demo city through the public interfaces: started with POST /api/cycles,
 * every task completed through /engine-rest by the user who owns it, with a return at every review level
 * (the emissions inventory and the annual report's approval included).
 * Then the database must hold every assessment and every review decision exactly once.
 */
@AppTest
class WholeFiscalYearTest {

  private static final String CITY = "999999";
  private static final int YEAR = 2025;
  private static final String CYCLE = CITY + ":" + YEAR;
  private static final int INVENTORY_YEAR = YEAR - 2;

  @LocalServerPort
  int port;

  @Autowired
  PlanService plan;

  @Autowired
  JdbcTemplate db;

  @Autowired
  HistoryService history;

  @Autowired
  TaskService taskService;

  private TasklistClient as(String user) {
    return new TasklistClient(port, user);
  }

  @Test
  void oneFiscalYearFromSelfAssessmentToActionWithReturnsAtEveryLevel() {
    var measures = plan.activeMeasures(CITY);
    var departments = plan.assessingDepartmentCodes(CITY);
    var started = Http.as(port, "jimukyoku").post("/api/cycles", Map.of("municipality", CITY, "fiscalYear", YEAR));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);

    for (var department : departments) {
      selfAssessment(department);
    }
    // the July timer of a past year has fired: the check now waits for the emissions inventory
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "EMISSIONS_DATA_ENTRY".equals(phase()));
    var secretariat = as("jimukyoku");
    emissionsReturnedOnceThenAccepted(secretariat);

    var headquarters = as("honbu");
    var committee = as("iinkai");

    compileCheck(secretariat, "全体として概ね順調に進捗している。");
    // 推進本部 returns the compile with a reason, which the secretariat then sees
    var hq = headquarters.claim(CYCLE, TASK_HEADQUARTERS_EVALUATION);
    assertThat(headquarters.form(hq).get("departmentSummary")).hasSize(departments.size());
    headquarters.complete(hq, Map.of("decision", "RETURN", "comment", "遅れている施策の原因分析を加えてください"));
    var revised = secretariat.claim(CYCLE, TASK_COMPILE_CHECK);
    var revisedForm = secretariat.form(revised);
    assertThat(revisedForm.get("returnNotice").asText()).contains("推進本部").contains("原因分析");
    assertThat(revisedForm.get("summary").asText()).isEqualTo("全体として概ね順調に進捗している。");
    secretariat.complete(revised, Map.of("summary", "全体として概ね順調。遅れは予算の制約による。"));
    headquartersApproves(headquarters);

    // the committee asks for changes, with opinions; the check runs again
    var review = committee.claim(CYCLE, TASK_COMMITTEE_REVIEW);
    assertThat(committee.form(review).get("headquartersEvaluation").asText()).contains("庁内評価");
    committee.complete(review, Map.of("decision", "RETURN", "comment", "市民への周知状況を評価に加えてください",
        "opinions", List.of(Map.of("measureCode", measures.get(0).code(), "opinion", "周知の方法を工夫すること"))));
    var third = secretariat.claim(CYCLE, TASK_COMPILE_CHECK);
    assertThat(secretariat.form(third).get("returnNotice").asText()).contains("周知状況");
    secretariat.complete(third, Map.of("summary", "周知状況を追記した総括。"));
    headquartersApproves(headquarters);
    var accepted = committee.claim(CYCLE, TASK_COMMITTEE_REVIEW);
    committee.complete(accepted, Map.of("decision", "APPROVE", "comment", "",
        "opinions", List.of(Map.of("measureCode", "", "opinion", "全体として了承する"))));

    var decided = actionDecisions(secretariat, measures);
    publication(secretariat, headquarters);

    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(phase()));
    assertExactlyOnce(measures, departments.size(), decided);
  }

  /**
   * The secretariat pastes a CSV with an error (refused, naming 行 and 列, nothing saved), then a good one;
   * returns the calculated result to data entry, enters corrected figures, and accepts the second version.
   */
  private void emissionsReturnedOnceThenAccepted(TasklistClient secretariat) {
    var entry = secretariat.claim(CYCLE, TASK_ENTER_ACTIVITY_DATA);
    assertThat(secretariat.form(entry).get("uploadStatus").asText()).isEqualTo("まだありません");
    var refused = secretariat.submit(entry, Map.of("csv", SecretariatEmissions.CSV + "家庭,,灯油,-3,kL,販売量\n",
        "reason", "初回算定"));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("3行目 活動量");
    assertThat(uploads()).isZero();
    // more than a Camunda String variable holds: refused with a pointer to the API, not a database error
    var tooLong = secretariat.submit(entry, Map.of("csv", SecretariatEmissions.CSV.repeat(80), "reason", "初回算定"));
    assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
    assertThat(tooLong.json().path("message").asText()).contains("4000文字", "/api/emissions/");
    secretariat.complete(entry, Map.of("csv", SecretariatEmissions.CSV, "reason", "初回算定"));

    var verification = secretariat.claim(CYCLE, TASK_VERIFY_EMISSIONS);
    var shown = secretariat.form(verification);
    assertThat(shown.get("total").asText()).isEqualTo("441");
    assertThat(shown.get("baseYear").asText()).isEqualTo("2013");
    assertThat(shown.get("sectors")).hasSize(1);
    secretariat.complete(verification, Map.of("decision", "RETURN", "comment", "家庭部門の灯油が漏れています"));

    var again = secretariat.claim(CYCLE, TASK_ENTER_ACTIVITY_DATA);
    assertThat(secretariat.form(again).get("returnNotice").asText()).contains("灯油が漏れています");
    secretariat.complete(again, Map.of("csv", SecretariatEmissions.CSV + "家庭,,灯油,10,kL,灯油販売量\n",
        "reason", "家庭部門の灯油を追加"));
    var second = secretariat.claim(CYCLE, TASK_VERIFY_EMISSIONS);
    // 441 + 10 kL × 2.49
    assertThat(secretariat.form(second).get("total").asText()).isEqualTo("466");
    secretariat.complete(second, Map.of("decision", "APPROVE", "comment", ""));

    var inventory = Http.as(port, "honbu").get("/api/emissions/" + CITY + "/" + INVENTORY_YEAR).json();
    assertThat(inventory.path("version").path("version").asInt()).isEqualTo(2);
    assertThat(inventory.path("version").path("status").asText()).isEqualTo("ACCEPTED");
    assertThat(inventory.path("versions")).hasSize(2);
    assertThat(inventory.path("versions").get(1).path("status").asText()).isEqualTo("RETURNED");
  }

  private int uploads() {
    return db.queryForObject("select count(*) from activity_upload where municipality_code = ? and inventory_year = ?",
        Integer.class, CITY, INVENTORY_YEAR);
  }

  private void selfAssessment(String department) {
    var staff = as(department + "-staff");
    var head = as(department + "-head");
    var secretariat = as("jimukyoku");
    var key = CYCLE + ":" + department;

    var entry = staff.claim(key, TASK_ENTER);
    var form = staff.form(entry);
    assertThat(form.get("returnNotice").asText()).isEmpty();
    assertThat(form).containsKey("measures");
    var rows = TasklistClient.rows(form.get("measures"));
    assertThat(rows).isNotEmpty();
    if ("env".equals(department)) {
      // a half-filled form is refused with a message for the person, and nothing is saved
      var refused = staff.submit(entry, Map.of("measures", rows));
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.json().path("message").asText()).contains("進捗状況を選んでください");
      assertThat(countAssessments(department)).isZero();
      // another department cannot see this task, nor complete it
      assertThat(as("waste-staff").tasks(key)).isEmpty();
      assertThat(as("waste-staff").submit(entry, Map.of("measures", rows)).status()).isIn(403, 404);
    }
    rows.forEach(row -> {
      row.put("progress", "ON_TRACK");
      row.put("achievements", row.get("measureName") + "を計画どおり実施した");
    });
    staff.complete(entry, Map.of("measures", rows));

    if ("env".equals(department)) {
      returnedBy(head, TASK_HEAD_APPROVAL, staff, key, "目標値との比較を書いてください", "所属長");
    }
    approve(head, key, TASK_HEAD_APPROVAL, rows.size());
    if ("waste".equals(department)) {
      returnedBy(secretariat, TASK_SECRETARIAT_REVIEW, staff, key, "課題欄を具体的に書いてください", "事務局");
      approve(head, key, TASK_HEAD_APPROVAL, rows.size());
    }
    approve(secretariat, key, TASK_SECRETARIAT_REVIEW, rows.size());
  }

  /** The reviewer returns with a comment; the staff see it on their form, with their answers, and resubmit. */
  private void returnedBy(TasklistClient reviewer, String taskKey, TasklistClient staff, String key, String comment,
      String role) {
    var review = reviewer.claim(key, taskKey);
    var missingReason = reviewer.submit(review, Map.of("decision", "RETURN", "comment", ""));
    assertThat(missingReason.status()).as(missingReason.toString()).isEqualTo(400);
    reviewer.complete(review, Map.of("decision", "RETURN", "comment", comment));
    var again = staff.claim(key, TASK_ENTER);
    var form = staff.form(again);
    assertThat(form.get("returnNotice").asText()).contains(role).contains(comment);
    var rows = TasklistClient.rows(form.get("measures"));
    assertThat(rows).allSatisfy(row -> assertThat(row.get("progress")).isEqualTo("ON_TRACK"));
    rows.forEach(row -> row.put("issues", "指摘を受けて追記: 予算の確保が課題"));
    staff.complete(again, Map.of("measures", rows));
  }

  private static void approve(TasklistClient reviewer, String key, String taskKey, int measureCount) {
    var review = reviewer.claim(key, taskKey);
    assertThat(reviewer.form(review).get("assessments")).hasSize(measureCount);
    reviewer.complete(review, Map.of("decision", "APPROVE", "comment", "確認しました"));
  }

  private static void compileCheck(TasklistClient secretariat, String summary) {
    var check = secretariat.claim(CYCLE, TASK_COMPILE_CHECK);
    assertThat(secretariat.form(check).get("returnNotice").asText()).isEmpty();
    secretariat.complete(check, Map.of("summary", summary));
  }

  private static void headquartersApproves(TasklistClient headquarters) {
    var task = headquarters.claim(CYCLE, TASK_HEADQUARTERS_EVALUATION);
    headquarters.complete(task, Map.of("decision", "APPROVE", "comment", "",
        "evaluation", "推進本部の庁内評価: 計画は概ね順調に推移している。"));
  }

  /** Every measure decided; one modified, one discarded, one study measure promoted. */
  private static Map<String, String> actionDecisions(TasklistClient secretariat, List<MeasureView> measures) {
    var task = secretariat.claim(CYCLE, TASK_ACTION_DECISIONS);
    var form = secretariat.form(task);
    assertThat(form.get("committeeOpinions")).hasSize(2);
    var rows = TasklistClient.rows(form.get("measures"));
    assertThat(rows).hasSize(measures.size());
    var study = measures.stream().filter(m -> m.kind() == MeasureKind.STUDY).findFirst().orElseThrow().code();
    var implementation = measures.stream().filter(m -> m.kind() == MeasureKind.IMPLEMENTATION).toList();
    var decided = new HashMap<String, String>();
    decided.put(study, "PROMOTE");
    decided.put(implementation.get(0).code(), "MODIFY");
    decided.put(implementation.get(1).code(), "DISCARD");
    rows.forEach(row -> row.put("decision", decided.getOrDefault((String) row.get("measureCode"), "CONTINUE")));
    var modifyWithoutNote = secretariat.submit(task, Map.of("measures", rows));
    assertThat(modifyWithoutNote.status()).as(modifyWithoutNote.toString()).isEqualTo(400);
    rows.forEach(row -> row.put("note", "MODIFY".equals(row.get("decision")) ? "対象を事業者にも広げる" : ""));
    secretariat.complete(task, Map.of("measures", rows));
    return decided;
  }

  /**
   * The annual report: a response to every opinion is required; headquarters returns the first draft,
   * the secretariat sees why, revises, and publishes once it is approved.
   */
  private void publication(TasklistClient secretariat, TasklistClient headquarters) {
    var key = SecretariatPublication.reportKey(CYCLE);
    var prepare = secretariat.claim(key, AnnualReportPublicationProcess.TASK_PREPARE_REPORT);
    var form = secretariat.form(prepare);
    var rows = TasklistClient.rows(form.get("responses"));
    assertThat(rows).hasSize(2);
    var missingResponse = secretariat.submit(prepare, Map.of("summary", "概要", "changeNote", "", "responses", rows));
    assertThat(missingResponse.status()).as(missingResponse.toString()).isEqualTo(400);
    assertThat(missingResponse.json().path("message").asText()).contains("対応方針を入力してください");
    rows.forEach(row -> row.put("response", "周知を強化します"));
    // a reordered list would answer the wrong opinions: refused
    var reordered = new java.util.ArrayList<>(rows);
    java.util.Collections.reverse(reordered);
    var wrongOrder = secretariat.submit(prepare, Map.of("summary", "第1稿", "changeNote", "", "responses", reordered));
    assertThat(wrongOrder.status()).as(wrongOrder.toString()).isEqualTo(400);
    assertThat(wrongOrder.json().path("message").asText()).contains("一致しません");
    // what Tasklist's form-js 1.8 sends back: the rows without their hidden opinionId
    rows.forEach(row -> row.remove("opinionId"));
    secretariat.complete(prepare, Map.of("summary", "第1稿", "changeNote", "", "responses", rows));
    var approval = headquarters.claim(key, AnnualReportPublicationProcess.TASK_APPROVE_PUBLICATION);
    assertThat(headquarters.form(approval).get("summary").asText()).isEqualTo("第1稿");
    headquarters.complete(approval, Map.of("decision", "RETURN", "comment", "排出量の傾向を概要に書いてください"));
    var revise = secretariat.await(key, AnnualReportPublicationProcess.TASK_PREPARE_REPORT);
    assertThat(taskService.createTaskQuery().taskId(revise).singleResult().getAssignee()).isEqualTo(secretariat.user());
    var revisedForm = secretariat.form(revise);
    assertThat(revisedForm.get("returnNotice").asText()).contains("公表の承認").contains("排出量の傾向")
        .contains("（推進本部 本部 太郎）");
    assertThat(revisedForm.get("summary").asText()).isEqualTo("第1稿");
    assertThat(TasklistClient.rows(revisedForm.get("responses"))).allSatisfy(
        row -> assertThat(row.get("response")).isEqualTo("周知を強化します"));
    assertThat(Http.anonymous(port).get("/public/" + CITY + "/" + YEAR).status()).isEqualTo(404);
    secretariat.complete(revise, Map.of("summary", "第2稿: 排出量は基準年度から減少", "changeNote", "",
        "responses", TasklistClient.rows(revisedForm.get("responses"))));
    SecretariatPublication.approve(port, CYCLE, "honbu");
    assertThat(Http.anonymous(port).get("/public/" + CITY + "/" + YEAR).status()).isEqualTo(404);
    SecretariatPublication.publish(port, CYCLE);
    assertThat(Http.anonymous(port).get("/public/" + CITY + "/" + YEAR).body()).contains("第2稿");
  }

  private String phase() {
    return Http.as(port, "jimukyoku").get("/api/cycles/" + CITY + "/" + YEAR).json().path("phase").asText();
  }

  private int countAssessments(String department) {
    return db.queryForObject("select count(*) from self_assessment where municipality_code = ? and fiscal_year = ?"
        + " and department_code = ?", Integer.class, CITY, YEAR, department);
  }

  private void assertExactlyOnce(List<MeasureView> measures, int departments, Map<String, String> decided) {
    assertThat(db.queryForList("select measure_code from self_assessment where municipality_code = ?"
        + " and fiscal_year = ?", String.class, CITY, YEAR))
        .containsExactlyInAnyOrderElementsOf(measures.stream().map(MeasureView::code).toList());
    assertThat(db.queryForList("select issues from self_assessment where municipality_code = ? and fiscal_year = ?"
        + " and department_code in ('env', 'waste')", String.class, CITY, YEAR))
        .allSatisfy(issues -> assertThat(issues).contains("予算の確保"));

    // one row per completed review task, and the counts of the scenario: head 8 + 1 return + 1 after the
    // secretariat's return; secretariat 8 + 1 return; headquarters 1 return + 2; committee 1 return + 1
    var reviewTasks = history.createHistoricTaskInstanceQuery().processInstanceBusinessKeyLike(CYCLE + "%")
        .taskDefinitionKeyIn(TASK_HEAD_APPROVAL, TASK_SECRETARIAT_REVIEW, TASK_HEADQUARTERS_EVALUATION,
            TASK_COMMITTEE_REVIEW, AnnualReportPublicationProcess.TASK_APPROVE_PUBLICATION,
            AnnualReportPublicationProcess.TASK_PUBLISH_REPORT).finished().list().stream().map(t -> t.getId()).toList();
    var decisions = db.queryForList("select task_id from review_decision where municipality_code = ?"
        + " and fiscal_year = ?", String.class, CITY, YEAR);
    assertThat(decisions).containsExactlyInAnyOrderElementsOf(reviewTasks);
    assertThat(counts("select review_level || ':' || outcome as k, count(*) as n from review_decision"
        + " where municipality_code = ? and fiscal_year = ? group by review_level, outcome"))
        .isEqualTo(Map.ofEntries(Map.entry("DEPARTMENT_HEAD:APPROVE", departments + 1),
            Map.entry("DEPARTMENT_HEAD:RETURN", 1), Map.entry("SECRETARIAT:APPROVE", departments),
            Map.entry("SECRETARIAT:RETURN", 1), Map.entry("HEADQUARTERS:APPROVE", 2), Map.entry("HEADQUARTERS:RETURN", 1),
            Map.entry("COMMITTEE:APPROVE", 1), Map.entry("COMMITTEE:RETURN", 1), Map.entry("REPORT_APPROVAL:RETURN", 1),
            Map.entry("REPORT_APPROVAL:APPROVE", 1), Map.entry("REPORT_PUBLICATION:APPROVE", 1)));

    assertThat(db.queryForObject("select count(*) from committee_opinion where municipality_code = ?"
        + " and fiscal_year = ?", Integer.class, CITY, YEAR)).isEqualTo(2);
    assertThat(counts("select decision as k, count(*) as n from measure_decision where municipality_code = ?"
        + " and fiscal_year = ? group by decision"))
        .isEqualTo(Map.of("CONTINUE", measures.size() - 3, "MODIFY", 1, "DISCARD", 1, "PROMOTE", 1));
    var after = plan.measures(CITY).stream().collect(java.util.stream.Collectors.toMap(MeasureView::code, m -> m));
    decided.forEach((code, decision) -> {
      switch (decision) {
        case "PROMOTE" -> assertThat(after.get(code).kind()).isEqualTo(MeasureKind.IMPLEMENTATION);
        case "DISCARD" -> assertThat(after.get(code).status().name()).isEqualTo("DISCARDED");
        default -> assertThat(after.get(code).status().name()).isEqualTo("ACTIVE");
      }
    });
  }

  private Map<String, Integer> counts(String sql) {
    var result = new HashMap<String, Integer>();
    db.query(sql, rs -> {
      result.put(rs.getString("k"), rs.getInt("n"));
    }, CITY, YEAR);
    return result;
  }
}
