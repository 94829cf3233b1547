package jp.climatepdca.system;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.climatepdca.plan.MeasureView;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The routing-variable attack of issue #17, through HTTP: task-local {@code departmentCode},
 * {@code fiscalYear} and {@code reviewYear} set on the env department's own task, then the form submitted.
 * The department may not set them at all (403); and where someone who may (an administrator, by mistake
 * in Cockpit) did, the submission still lands on the env department's assessment of the cycle's year,
 * because the listeners take their references from the business key and the process instance.
 */
@AppTest
class RoutingVariablesTest {

  private static final String CITY = CycleFixture.CITY;
  private static final int YEAR = 2055;
  private static final int FOREIGN_YEAR = 2099;
  private static final String KEY = CITY + ":" + YEAR + ":env";

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  ManagementService management;

  @Autowired
  PlanService plan;

  @Autowired
  JdbcTemplate db;

  @Test
  void shadowedReferencesOnTheTaskDoNotMoveTheSubmission() {
    CycleFixture.startNow(port, runtime, management, YEAR);
    var staff = new TasklistClient(port, "env-staff");
    var entry = staff.claim(KEY, TASK_ENTER);

    var own = Http.as(port, "env-staff").put("/engine-rest/task/" + entry + "/localVariables/departmentCode",
        Map.of("value", "waste", "type", "String"));
    assertThat(own.status()).as(own.toString()).isEqualTo(403);
    shadow(entry);

    // the waste department's measures (and no indicator values), submitted on env's task: not env's measures
    var foreign = staff.submit(entry, Map.of("measures", filled(plan.activeMeasures(CITY, "waste")),
        "indicators", List.of()));
    assertThat(foreign.status()).as(foreign.toString()).isEqualTo(400);
    assertThat(foreign.json().path("message").asText()).contains("この部署の施策ではありません");
    assertThat(stored("waste")).isEmpty();

    var rows = TasklistClient.rows(staff.form(entry).get("measures"));
    rows.forEach(row -> {
      row.put("progress", "DELAYED");
      row.put("achievements", "env の実績");
    });
    staff.complete(entry, Map.of("measures", rows));
    assertThat(stored("env")).hasSize(plan.activeMeasures(CITY, "env").size())
        .allSatisfy(row -> assertThat(row).containsEntry("FISCAL_YEAR", YEAR).containsEntry("PROGRESS", "DELAYED"));
    assertThat(stored("waste")).isEmpty();
    assertThat(db.queryForObject("select count(*) from self_assessment where fiscal_year = ?", Integer.class,
        FOREIGN_YEAR)).isZero();

    // the head's decision is recorded against env too
    var head = new TasklistClient(port, "env-head");
    var approval = head.claim(KEY, TASK_HEAD_APPROVAL);
    shadow(approval);
    head.complete(approval, Map.of("decision", "APPROVE", "comment", "確認しました"));
    assertThat(db.queryForList("select department_code, fiscal_year from review_decision where task_id = ?", approval))
        .singleElement().satisfies(row -> assertThat(row).containsEntry("DEPARTMENT_CODE", "env")
            .containsEntry("FISCAL_YEAR", YEAR));
  }

  /** What an administrator may still do through the task (task-local variables): other references. */
  private void shadow(String taskId) {
    var admin = Http.as(port, "demo");
    var shadows = Map.of("departmentCode", Map.of("value", "waste", "type", "String"),
        "fiscalYear", Map.of("value", FOREIGN_YEAR, "type", "Integer"),
        "reviewYear", Map.of("value", FOREIGN_YEAR - 1, "type", "Integer"));
    shadows.forEach((name, value) -> {
      var set = admin.put("/engine-rest/task/" + taskId + "/localVariables/" + name, value);
      assertThat(set.status()).as(name + " " + set).isEqualTo(204);
    });
  }

  private static List<Map<String, Object>> filled(List<MeasureView> measures) {
    return measures.stream().map(m -> {
      var row = new LinkedHashMap<String, Object>();
      row.put("measureCode", m.code());
      row.put("progress", "COMPLETED");
      row.put("achievements", "他部署の実績を書き換え");
      return (Map<String, Object>) row;
    }).toList();
  }

  private List<Map<String, Object>> stored(String department) {
    return db.queryForList("select fiscal_year, progress from self_assessment where municipality_code = ?"
        + " and department_code = ? and fiscal_year in (?, ?)", CITY, department, YEAR, FOREIGN_YEAR);
  }
}
