package jp.climatepdca.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.climatepdca.assessment.DepartmentSelfAssessmentProcess;
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
 * さくら村 (941902) runs the cycle of 2060 (reviewing 2059) with its departments' self-assessment tasks open:
 * a version retiring one of their measures from 2059 is refused (409) with nothing stored; retired from
 * 2060 it is accepted, and the next cycle (2061, reviewing 2060) asks the department without it.
 */
@AppTest
class PlanVersionOpenTasksTest {

  static final String VILLAGE = "941902";

  static final String PLAN = """
      {"municipality": {"code": "941902", "name": "さくら村", "baseYear": 2013},
       "departments": [{"code": "sangyo", "name": "産業振興課"}, {"code": "jumin", "name": "住民課"}],
       "measures": [{"code": "S-01", "department": "sangyo", "name": "農業用ハウスの省エネ化", "sector": "INDUSTRY",
                     "kind": "IMPLEMENTATION"},
                    {"code": "S-02", "department": "sangyo", "name": "木質バイオマスボイラーの導入", "sector": "INDUSTRY",
                     "kind": "STUDY"RETIRED},
                    {"code": "J-01", "department": "jumin", "name": "生ごみの堆肥化", "sector": "WASTE",
                     "kind": "IMPLEMENTATION"}]PLAN_BLOCK}
      """;

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  TaskService tasks;

  @Autowired
  PlanService plan;

  @Autowired
  JdbcTemplate db;

  @Test
  void aMeasureUnderAnOpenTaskIsNotRetiredFromTheYearItIsAssessedFor() {
    assertThat(load(PLAN.replace("RETIRED", "").replace("PLAN_BLOCK", "")).status()).isEqualTo(200);
    start(2060);
    CycleFixture.await(tasks, VILLAGE + ":2060:sangyo", DepartmentSelfAssessmentProcess.TASK_ENTER);
    CycleFixture.await(tasks, VILLAGE + ":2060:jumin", DepartmentSelfAssessmentProcess.TASK_ENTER);

    var before = counts();
    load(revision(2059, 2059)).assertProblem(409, "施策 S-02（木質バイオマスボイラーの導入）", "2060年度のサイクル",
        "2059年度から廃止・置き換えできません", "2060年度以降");
    assertThat(counts()).isEqualTo(before);
    assertThat(plan.activeMeasures(VILLAGE, 2059)).extracting(MeasureView::code).contains("S-02");
    // a measure added to the open form's department, or moved out of it, would refuse every completion of it
    var added = revision(2059, 2060).replace("\"kind\": \"STUDY\", \"retiredFrom\": 2060},", "\"kind\": \"STUDY\"},"
        + " {\"code\": \"S-03\", \"department\": \"sangyo\", \"name\": \"農業用機械の電動化\", \"sector\": \"INDUSTRY\","
        + " \"kind\": \"STUDY\"},");
    load(added).assertProblem(409, "加わるもの: 施策 S-03（sangyo）", "2059年度から適用できません");
    load(revision(2059, 2060).replace("\"code\": \"J-01\", \"department\": \"jumin\"",
        "\"code\": \"J-01\", \"department\": \"sangyo\"")).assertProblem(409,
        "加わるもの: 施策 J-01（sangyo）／外れるもの: 施策 J-01（jumin）");
    assertThat(counts()).isEqualTo(before);

    // retired from 2060: the open cycle (reviewing 2059) keeps it, the next one does not ask it
    var accepted = load(revision(2059, 2060));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.json().path("version").asInt()).isEqualTo(2);
    assertThat(plan.activeMeasures(VILLAGE, "sangyo", 2059)).extracting(MeasureView::code).containsExactly("S-01", "S-02");
    assertThat(plan.activeMeasures(VILLAGE, "sangyo", 2060)).extracting(MeasureView::code).containsExactly("S-01");

    start(2061);
    var entry = CycleFixture.await(tasks, VILLAGE + ":2061:sangyo", DepartmentSelfAssessmentProcess.TASK_ENTER);
    var rows = TasklistClient.rows(new TasklistClient(port, "demo").form(entry.getId()).get("measures"));
    assertThat(rows).extracting(row -> row.get("measureCode")).containsExactly("S-01");
  }

  private static String revision(int effective, int retiredFrom) {
    return PLAN.replace("RETIRED", ", \"retiredFrom\": " + retiredFrom).replace("PLAN_BLOCK",
        ", \"plan\": {\"firstYear\": 2021, \"lastYear\": 2070, \"effectiveYear\": " + effective + ", \"reason\": \"改定\"}");
  }

  private Http.Response load(String file) {
    return Http.as(port, "demo").post("/api/plans", file);
  }

  /** Started through /api with its April timer fired, so the departments' tasks open. */
  private void start(int fiscalYear) {
    CycleFixture.startNow(port, runtime, management, "demo", VILLAGE, fiscalYear);
  }

  private List<Long> counts() {
    return List.of("plan_version", "measure", "indicator", "department").stream()
        .map(t -> db.queryForObject("select count(*) from " + t, Long.class)).toList();
  }
}
