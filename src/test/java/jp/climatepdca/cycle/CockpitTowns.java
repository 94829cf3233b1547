package jp.climatepdca.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.climatepdca.assessment.DepartmentSelfAssessmentProcess;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.context.ApplicationContext;

/**
 * Two towns of the Cockpit cycle-list tests (9620xx), once per context: さくら町 (962001) with last year's
 * cycle (2060) ended as a cycle ends, at 年度サイクル完了, and this year's (2061) waiting for its departments,
 * 環境課's self-assessment past its due date; かえで村 (962002) with this year's cycle, nobody late. Its
 * secretariat user {@code 962001-jimukyoku}.
 */
final class CockpitTowns {

  static final String SAKURA = "962001";
  static final String KAEDE = "962002";
  static final int LAST_YEAR = 2060;
  static final int THIS_YEAR = 2061;
  static final String SECRETARIAT = SAKURA + "-jimukyoku";

  private CockpitTowns() {}

  /** Set once everything is in place: a half-made setup fails every test, not only the first. */
  private static boolean ready;

  static synchronized void ensure(ApplicationContext context, int port) {
    if (ready) {
      return;
    }
    assertThat(context.getBean(PlanService.class).findMunicipality(SAKURA)).as("a failed earlier setup").isEmpty();
    load(port, SAKURA, "さくら町", List.of(Map.of("code", "kankyo", "name", "環境課"), Map.of("code", "toshi", "name", "都市計画課")));
    load(port, KAEDE, "かえで村", List.of(Map.of("code", "kankyo", "name", "住民環境課")));
    TestUsers.add(context.getBean(IdentityService.class), SECRETARIAT, "事務局", "さくら町", GroupNames.secretariat(SAKURA));

    var runtime = context.getBean(RuntimeService.class);
    var tasks = context.getBean(TaskService.class);
    var management = context.getBean(ManagementService.class);
    var lastYear = start(port, runtime, management, SAKURA, LAST_YEAR);
    // last year's cycle ends at its end event, as a finished year does (no year's worth of forms here)
    var modification = runtime.createProcessInstanceModification(lastYear);
    var tree = runtime.getActivityInstance(lastYear);
    for (var child : tree.getChildActivityInstances()) {
      modification.cancelActivityInstance(child.getId());
    }
    for (var transition : tree.getChildTransitionInstances()) {
      modification.cancelTransitionInstance(transition.getId());
    }
    modification.startBeforeActivity(FiscalYearCycleProcess.END_COMPLETED).execute();
    var ended = context.getBean(HistoryService.class).createHistoricProcessInstanceQuery().processInstanceId(lastYear)
        .singleResult();
    assertThat(ended.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);

    start(port, runtime, management, SAKURA, THIS_YEAR);
    start(port, runtime, management, KAEDE, THIS_YEAR);
    var late = CycleFixture.await(tasks, SAKURA + ":" + THIS_YEAR + ":kankyo", DepartmentSelfAssessmentProcess.TASK_ENTER);
    late.setDueDate(Date.from(new Date().toInstant().minus(Duration.ofDays(3))));
    tasks.saveTask(late);
    CycleFixture.await(tasks, SAKURA + ":" + THIS_YEAR + ":toshi", DepartmentSelfAssessmentProcess.TASK_ENTER);
    CycleFixture.await(tasks, KAEDE + ":" + THIS_YEAR + ":kankyo", DepartmentSelfAssessmentProcess.TASK_ENTER);
    ready = true;
  }

  private static void load(int port, String code, String name, List<Map<String, String>> departments) {
    var plan = Map.of("municipality", Map.of("code", code, "name", name), "departments", departments,
        "measures", departments.stream().map(d -> Map.of("code", "K-" + d.get("code"), "department", d.get("code"),
            "name", d.get("name") + "の省エネルギー推進", "sector", "HOUSEHOLD", "kind", "IMPLEMENTATION")).toList(),
        "emissionTargets", List.of(Map.of("year", 2030, "reductionPercent", 46)));
    var loaded = Http.as(port, "demo").post("/api/plans", plan);
    assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
  }

  /** Started as an administrator starts it, and past its April timer: the departments are at work. */
  private static String start(int port, RuntimeService runtime, ManagementService management, String code, int year) {
    return CycleFixture.startNow(port, runtime, management, "demo", code, year);
  }
}
