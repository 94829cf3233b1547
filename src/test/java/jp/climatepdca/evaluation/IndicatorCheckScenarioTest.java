package jp.climatepdca.evaluation;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_SECRETARIAT_REVIEW;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMPILE_CHECK;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_ENTER_ACTIVITY_DATA;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_HEADQUARTERS_EVALUATION;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_VERIFY_EMISSIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.SecretariatEmissions;
import jp.climatepdca.testing.TasklistClient;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo city's FY2028 cycle (reviews 2027, inventory 2026): departments enter their indicators' actual
 * values in the self-assessment (a bad one refused, nothing saved), the secretariat enters the city's GHG
 * total through the API, and the compile check, headquarters and GET /api/indicators show the grades,
 * worked by hand from the demo plan:
 * ENV-01-1 12 (2022) → 60 (2030), path 2027 = 12 + 48·5/8 = 42, actual 45 → 順調 (progress 33/48 = 68.8 %);
 * WST-01-1 862 → 780 (lower), path 2027 = 862 − 82·5/8 = 810.75, actual 820 → 遅れ;
 * WST-01-2 19.8 → 27, actual 19.5 → 基準年より悪化; TRN-01-1 18.5 → 100, actual 100 → 達成;
 * GHG-AREA 1,250 (2013) → 675 (2030), path 2026 = 1250 − 575·13/17 = 810.294118, actual 1,000 → 遅れ.
 * The target path of the 2026 inventory: 1,250,000 t − 575,000·13/17 = 810,294.117647 t-CO2.
 */
@AppTest
class IndicatorCheckScenarioTest {

  private static final String CITY = CycleFixture.CITY;
  private static final int YEAR = 2028;
  private static final String CYCLE = CITY + ":" + YEAR;
  private static final Map<String, Map<String, Object>> ACTUALS = Map.of(
      "ENV-01-1", Map.of("actualValue", 45, "actualSource", "施設管理台帳"),
      "WST-01-1", Map.of("actualValue", 820, "actualSource", "一般廃棄物処理実態調査"),
      "WST-01-2", Map.of("actualValue", 19.5, "actualSource", "一般廃棄物処理実態調査"),
      "TRN-01-1", Map.of("actualValue", 100, "actualSource", "公用車管理台帳"));

  @LocalServerPort
  int port;

  @Autowired
  PlanService plan;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  JdbcTemplate db;

  @Test
  void departmentsEnterActualsAndTheCheckShowsTheGrades() {
    CycleFixture.startNow(port, runtime, management, YEAR);
    for (var department : plan.assessingDepartmentCodes(CITY)) {
      selfAssessment(department);
    }
    // the secretariat records the plan-level GHG total, which no department enters; a later year's value
    // must not count for this cycle
    var jimukyoku = Http.as(port, "jimukyoku");
    assertThat(jimukyoku.put("/api/indicators/" + CITY + "/GHG-AREA/actuals/2026",
        Map.of("value", 1000, "source", "自治体排出量カルテ")).status()).isEqualTo(200);
    assertThat(jimukyoku.put("/api/indicators/" + CITY + "/GHG-AREA/actuals/2029",
        Map.of("value", 500, "source", "見込み")).status()).isEqualTo(200);

    var secretariat = new TasklistClient(port, "jimukyoku");
    emissionsWithTargetPath(secretariat);

    var check = secretariat.claim(CYCLE, TASK_COMPILE_CHECK);
    var form = secretariat.form(check);
    assertGrades(form.get("indicatorGrades"));
    assertThat(form.get("indicatorSummary").asText()).isEqualTo("達成 1・順調 1・遅れ 2・基準年より悪化 1・データなし 10（全15指標）");
    assertThat(form.get("total").asText()).isEqualTo("441");
    assertThat(form.get("targetPathTotal").asText()).as("whole tonnes for people; the API keeps the decimals").isEqualTo("810,294");
    assertThat(form.get("targetPathStatus").asText()).startsWith("目標経路を達成しています");
    secretariat.complete(check, Map.of("summary", "指標は一部で遅れがある。"));

    var headquarters = new TasklistClient(port, "honbu");
    var hq = headquarters.claim(CYCLE, TASK_HEADQUARTERS_EVALUATION);
    assertGrades(headquarters.form(hq).get("indicatorGrades"));

    var api = Http.as(port, "honbu").get("/api/indicators/" + CITY + "/" + YEAR).json();
    assertThat(api.path("reviewYear").asInt()).isEqualTo(2027);
    assertThat(api.path("gradeCounts").path("BEHIND").asInt()).isEqualTo(2);
    var env = find(api.path("indicators"), "ENV-01-1");
    assertThat(env.path("grade").asText()).isEqualTo("ON_TRACK");
    assertThat(env.path("pathValue").decimalValue()).isEqualByComparingTo("42");
    assertThat(env.path("progressPercent").decimalValue()).isEqualByComparingTo("68.8");
    assertThat(env.path("actualSource").asText()).isEqualTo("施設管理台帳");
    var ghg = find(api.path("indicators"), "GHG-AREA");
    assertThat(ghg.path("actualYear").asInt()).isEqualTo(2026);
    assertThat(ghg.path("pathValue").decimalValue()).isEqualByComparingTo("810.294118");
    assertThat(ghg.path("measureCode").isNull()).isTrue();
  }

  private static void assertGrades(JsonNode rows) {
    assertThat(rows).hasSize(15);
    assertThat(find(rows, "ENV-01-1").path("grade").asText()).isEqualTo("順調");
    assertThat(find(rows, "ENV-01-1").path("actual").asText()).isEqualTo("2027年度 45");
    assertThat(find(rows, "ENV-01-1").path("path").asText()).isEqualTo("42");
    assertThat(find(rows, "WST-01-1").path("grade").asText()).isEqualTo("遅れ");
    assertThat(find(rows, "WST-01-2").path("grade").asText()).isEqualTo("基準年より悪化");
    assertThat(find(rows, "TRN-01-1").path("grade").asText()).isEqualTo("達成");
    assertThat(find(rows, "GHG-AREA").path("grade").asText()).isEqualTo("遅れ");
    assertThat(find(rows, "GHG-AREA").path("actual").asText()).isEqualTo("2026年度 1000");
    assertThat(find(rows, "ENV-02-1").path("grade").asText()).isEqualTo("データなし");
    assertThat(rows.get(0).path("measure").asText()).as("plan-level indicators first").isEqualTo("計画全体");
  }

  private static JsonNode find(JsonNode rows, String code) {
    return StreamSupport.stream(rows.spliterator(), false).filter(r -> code.equals(r.path("code").asText()))
        .findFirst().orElseThrow(() -> new AssertionError(code + " not in " + rows));
  }

  private void selfAssessment(String department) {
    var staff = new TasklistClient(port, department + "-staff");
    var head = new TasklistClient(port, department + "-head");
    var key = CYCLE + ":" + department;
    var entry = staff.claim(key, TASK_ENTER);
    var form = staff.form(entry);
    var measures = TasklistClient.rows(form.get("measures"));
    measures.forEach(row -> {
      row.put("progress", "ON_TRACK");
      row.put("achievements", "計画どおり実施した");
    });
    var indicators = TasklistClient.rows(form.get("indicators"));
    if ("env".equals(department)) {
      assertThat(indicators).extracting(r -> r.get("indicatorCode")).containsExactly("ENV-01-1", "ENV-02-1", "GHG-OWN");
      assertThat(indicators.get(0).get("baseLabel")).isEqualTo("2022年度 12");
      // a value that is not a number, and one without its source: refused, naming each, nothing saved
      var bad = copy(indicators);
      bad.get(0).put("actualValue", "多い");
      bad.get(1).put("actualValue", 2000);
      var refused = staff.submit(entry, Map.of("measures", measures, "indicators", bad));
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.json().path("message").asText())
          .contains("指標 ENV-01-1: 実績値は数値で入力してください（多い）", "指標 ENV-02-1: 実績値の出典を入力してください");
      assertThat(count("select count(*) from indicator_actual where municipality_code = ? and value_year = 2027"))
          .isZero();
      assertThat(count("select count(*) from self_assessment where municipality_code = ? and fiscal_year = "
          + YEAR + " and department_code = 'env'")).isZero();
    }
    if ("urban".equals(department)) {
      assertThat(indicators).as("urban planning owns no indicator").isEmpty();
    }
    indicators.forEach(row -> {
      var actual = ACTUALS.get((String) row.get("indicatorCode"));
      if (actual != null) {
        row.putAll(actual);
      }
    });
    staff.complete(entry, Map.of("measures", measures, "indicators", indicators));
    if ("env".equals(department)) {
      // returned by the head: the staff find their values again
      var review = head.claim(key, TASK_HEAD_APPROVAL);
      head.complete(review, Map.of("decision", "RETURN", "comment", "実績値の出典を確認してください"));
      var again = staff.claim(key, TASK_ENTER);
      var shown = TasklistClient.rows(staff.form(again).get("indicators"));
      assertThat(shown.get(0)).containsEntry("actualValue", 45).containsEntry("actualSource", "施設管理台帳");
      staff.complete(again, Map.of("measures", TasklistClient.rows(staff.form(again).get("measures")),
          "indicators", shown));
    }
    var approval = head.claim(key, TASK_HEAD_APPROVAL);
    if ("env".equals(department)) {
      // the head sees what was entered before approving it
      var shown = TasklistClient.rows(head.form(approval).get("indicatorActuals"));
      assertThat(shown).extracting(r -> r.get("actual")).containsExactly("45", "未入力", "未入力");
      assertThat(shown.get(0)).containsEntry("source", "施設管理台帳");
    }
    head.complete(approval, Map.of("decision", "APPROVE", "comment", "確認しました"));
    approve(new TasklistClient(port, "jimukyoku"), key, TASK_SECRETARIAT_REVIEW);
  }

  private void emissionsWithTargetPath(TasklistClient secretariat) {
    var cycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(CYCLE).singleResult();
    management.executeJob(management.createJobQuery().processInstanceId(cycle.getId()).timers()
        .activityId(FiscalYearCycleProcess.EVENT_JULY_CALCULATION_DATE).singleResult().getId());
    var entry = secretariat.claim(CYCLE, TASK_ENTER_ACTIVITY_DATA);
    secretariat.complete(entry, Map.of("csv", SecretariatEmissions.CSV, "reason", "初回算定"));
    var verification = secretariat.claim(CYCLE, TASK_VERIFY_EMISSIONS);
    var shown = secretariat.form(verification);
    assertThat(shown.get("baseYearTotal").asText()).as("the base stated in the plan").isEqualTo("1,250,000");
    assertThat(shown.get("targetPathTotal").asText()).as("whole tonnes for people; the API keeps the decimals").isEqualTo("810,294");
    assertThat(shown.get("targetPathChange").asText()).isEqualTo("-35.2%");
    assertThat(shown.get("emissionTargets")).hasSize(3);
    secretariat.complete(verification, Map.of("decision", "APPROVE", "comment", ""));

    var inventory = Http.as(port, "env-staff").get("/api/emissions/" + CITY + "/2026").json();
    assertThat(inventory.path("targetPath").path("pathTotal").decimalValue()).isEqualByComparingTo("810294.117647");
    assertThat(inventory.path("targetPath").path("onTrack").asBoolean()).isTrue();
    assertThat(inventory.path("targetPath").path("milestones").get(0).path("total").decimalValue())
        .isEqualByComparingTo("675000");
  }

  private static void approve(TasklistClient reviewer, String key, String taskKey) {
    var review = reviewer.claim(key, taskKey);
    reviewer.complete(review, Map.of("decision", "APPROVE", "comment", "確認しました"));
  }

  private static List<Map<String, Object>> copy(List<Map<String, Object>> rows) {
    return rows.stream().map(r -> (Map<String, Object>) new HashMap<>(r)).toList();
  }

  private int count(String sql) {
    return db.queryForObject(sql, Integer.class, CITY);
  }
}
