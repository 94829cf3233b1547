package jp.climatepdca.evaluation;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_SECRETARIAT_REVIEW;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMPILE_CHECK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.SecretariatEmissions;
import jp.climatepdca.testing.TasklistClient;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A town whose plan has one indicator of every kind goes through its FY2026 cycle (reviews 2025, inventory
 * 2024) in the real engine: the departments enter numbers and a key project's stage in their
 * self-assessment, the secretariat gives last year's figure of the 前年度比 indicator, the verified
 * inventory (441 t-CO2) fills the GHG indicator, and the compile check and GET /api/indicators grade each:
 * PATH 41 against 2025's target 40 → 達成; MAINTAIN 480 under the 500 kept → 維持できず; AT_LEAST 3 ≥ 2 → 達成;
 * AT_MOST 450 > 440 → 未達成; YEAR_ON_YEAR 950 after 1000 → 前年度比減少; STAGES 検討中 as planned from 2024 →
 * 順調; GHG 0.441 千t-CO2 (2024) under the path 0.8 − 0.4·11/17 = 0.541176 → 順調, but one year older than
 * the 0 years allowed → データが古い.
 */
@AppTest
class IndicatorKindsCycleTest {

  private static final String TOWN = "941910"; // a code no other test of the shared context loads
  private static final int YEAR = 2026;
  private static final String CYCLE = TOWN + ":" + YEAR;
  private static final String PLAN = """
      {"municipality": {"code": "%s", "name": "ききょう町", "baseYear": 2013},
       "departments": [{"code": "kankyo", "name": "環境課"}, {"code": "toshi", "name": "都市計画課"}],
       "measures": [
         {"code": "M-1", "department": "kankyo", "name": "省エネ診断", "sector": "家庭", "kind": "実施事業", "keyProject": true},
         {"code": "M-2", "department": "toshi", "name": "公共交通", "sector": "運輸", "kind": "実施事業"}],
       "indicators": [
         {"code": "P", "name": "省エネ診断件数", "unit": "件", "measure": "M-1", "direction": "高いほど良い",
          "baseYear": 2020, "baseValue": 10, "targets": [{"year": 2025, "value": 40}, {"year": 2030, "value": 60}]},
         {"code": "AL", "name": "環境講座の開催", "unit": "回", "measure": "M-1", "kind": "以上",
          "targets": [{"year": 2030, "value": 2}]},
         {"code": "ST", "name": "地域エネルギー会社の設立", "unit": "段階", "measure": "M-1", "kind": "段階",
          "targets": [{"year": 2024, "stage": "検討中"}, {"year": 2026, "stage": "実施中"}, {"year": 2028, "stage": "完了"}]},
         {"code": "MT", "name": "バス利用者数", "unit": "千人", "measure": "M-2", "kind": "維持", "direction": "高いほど良い",
          "baseYear": 2020, "baseValue": 500},
         {"code": "AM", "name": "一人一日あたりのごみ量", "unit": "g", "measure": "M-2", "kind": "以下",
          "targets": [{"year": 2030, "value": 440}]},
         {"code": "YOY", "name": "放置自転車の撤去台数", "unit": "台", "measure": "M-2", "kind": "前年度比減少"},
         {"code": "GHG", "name": "町の温室効果ガス排出量", "unit": "千t-CO2", "direction": "低いほど良い", "source": "INVENTORY",
          "baseYear": 2013, "baseValue": 0.8, "targets": [{"year": 2030, "value": 0.4}], "maxDataAgeYears": 0}]}
      """.formatted(TOWN);

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

  @Test
  void everyKindIsEnteredAndGradedThroughTheCycle() {
    importer.importPlan(new ByteArrayInputStream(PLAN.getBytes(StandardCharsets.UTF_8)));
    people();
    var secretariat = Http.as(port, "ik-jimukyoku");
    var started = secretariat.post("/api/cycles", Map.of("municipality", TOWN, "fiscalYear", YEAR));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    fire(FiscalYearCycleProcess.EVENT_APRIL_CHECK_DATE);
    assertThat(secretariat.put("/api/indicators/" + TOWN + "/YOY/actuals/2024", Map.of("value", 1000, "source", "撤去台帳"))
        .status()).isEqualTo(200);

    selfAssessment("kankyo", Map.of("P", 41, "AL", 3), "STUDYING");
    selfAssessment("toshi", Map.of("MT", 480, "AM", 450, "YOY", 950), null);

    fire(FiscalYearCycleProcess.EVENT_JULY_CALCULATION_DATE);
    var tasklist = new TasklistClient(port, "ik-jimukyoku");
    SecretariatEmissions.enterAndAccept(tasklist, CYCLE);

    var check = tasklist.claim(CYCLE, TASK_COMPILE_CHECK);
    var rows = tasklist.form(check).get("indicatorGrades");
    assertThat(find(rows, "ST").path("grade").asText()).isEqualTo("順調");
    assertThat(find(rows, "ST").path("kind").asText()).isEqualTo("段階");
    assertThat(find(rows, "ST").path("actual").asText()).isEqualTo("2025年度 検討中");
    assertThat(find(rows, "ST").path("note").asText()).isEqualTo("2024年度までの予定 検討中");
    assertThat(find(rows, "GHG").path("note").asText()).contains("データが古い");
    assertThat(find(rows, "MT").path("target").asText()).as("維持 has no target").isEqualTo("—");

    var api = Http.as(port, "ik-honbu").get("/api/indicators/" + TOWN + "/" + YEAR).json();
    var byCode = StreamSupport.stream(api.path("indicators").spliterator(), false)
        .collect(java.util.stream.Collectors.toMap(i -> i.path("code").asText(), i -> i.path("gradeLabel").asText()));
    assertThat(byCode).containsExactlyInAnyOrderEntriesOf(Map.of("P", "達成", "AL", "達成", "ST", "順調", "MT", "維持できず",
        "AM", "未達成", "YOY", "前年度比減少", "GHG", "順調"));
    var ghg = find(api.path("indicators"), "GHG");
    assertThat(ghg.path("actualYear").asInt()).isEqualTo(2024);
    assertThat(ghg.path("actualValue").decimalValue()).isEqualByComparingTo("0.441");
    assertThat(ghg.path("valueSource").asText()).isEqualTo("INVENTORY");
    assertThat(ghg.path("stale").asBoolean()).isTrue();
    assertThat(find(api.path("indicators"), "P").path("comparedLabel").asText()).isEqualTo("2025年度の目標 40");
    assertThat(find(api.path("indicators"), "YOY").path("comparedLabel").asText())
        .isEqualTo("前年度（2024年度）の実績 1000");
    assertThat(api.path("gradeCounts").path("ACHIEVED").asInt()).isEqualTo(2);
  }

  /** Staff enter the numbers and the stage (the INVENTORY indicator is nobody's to type), the head and the secretariat approve. */
  private void selfAssessment(String department, Map<String, Integer> values, String stage) {
    var staff = new TasklistClient(port, "ik-" + department + "-staff");
    var key = CYCLE + ":" + department;
    var entry = staff.claim(key, TASK_ENTER);
    var form = staff.form(entry);
    var measures = TasklistClient.rows(form.get("measures"));
    measures.forEach(row -> {
      row.put("progress", "ON_TRACK");
      row.put("achievements", "計画どおり実施した");
    });
    var indicators = TasklistClient.rows(form.get("indicators"));
    assertThat(indicators).extracting(r -> r.get("indicatorCode")).containsExactlyInAnyOrderElementsOf(values.keySet());
    indicators.forEach(row -> {
      row.put("actualValue", values.get((String) row.get("indicatorCode")));
      row.put("actualSource", "課の集計");
    });
    var stages = TasklistClient.rows(form.get("stageIndicators"));
    if (stage == null) {
      assertThat(stages).isEmpty();
      staff.complete(entry, Map.of("measures", measures, "indicators", indicators));
    } else {
      assertThat(stages).singleElement().satisfies(row -> {
        assertThat(row).containsEntry("indicatorCode", "ST").containsEntry("plannedLabel", "検討中（2024年度〜）");
        assertThat(row.get("targetLabel")).isEqualTo("2024年度 検討中 / 2026年度 実施中 / 2028年度 完了");
      });
      stages.get(0).put("stage", "SOMEDAY");
      var refused = staff.submit(entry, Map.of("measures", measures, "indicators", indicators, "stageIndicators", stages));
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.json().path("message").asText()).contains("指標 ST: 段階の値 \"SOMEDAY\" は選択肢にありません");
      stages.get(0).put("stage", stage);
      staff.complete(entry, Map.of("measures", measures, "indicators", indicators, "stageIndicators", stages));
    }
    approve(new TasklistClient(port, "ik-" + department + "-head"), key, TASK_HEAD_APPROVAL);
    approve(new TasklistClient(port, "ik-jimukyoku"), key, TASK_SECRETARIAT_REVIEW);
  }

  private static void approve(TasklistClient reviewer, String key, String taskKey) {
    var review = reviewer.claim(key, taskKey);
    reviewer.complete(review, Map.of("decision", "APPROVE", "comment", "確認しました"));
  }

  /** FY2026's dates have passed, so the job executor may fire the timer first: then it is simply gone. */
  private void fire(String timer) {
    CycleFixture.fire(runtime, management, CYCLE, timer);
  }

  private static JsonNode find(JsonNode rows, String code) {
    return StreamSupport.stream(rows.spliterator(), false).filter(r -> code.equals(r.path("code").asText()))
        .findFirst().orElseThrow(() -> new AssertionError(code + " not in " + rows));
  }

  private void people() {
    person("ik-jimukyoku", GroupNames.secretariat(TOWN));
    person("ik-honbu", GroupNames.headquarters(TOWN));
    for (var department : List.of("kankyo", "toshi")) {
      person("ik-" + department + "-staff", GroupNames.departmentStaff(TOWN, department));
      person("ik-" + department + "-head", GroupNames.departmentHead(TOWN, department));
    }
  }

  private void person(String id, String group) {
    var user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("ききょう町");
    user.setPassword(Http.PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }
}
