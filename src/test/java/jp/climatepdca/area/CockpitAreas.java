package jp.climatepdca.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.climatepdca.testing.Http;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.context.ApplicationContext;

/**
 * The area of the Cockpit cycle-list tests, once per context: {@code area971} of 963611 (lead) and 963612, one
 * department each. Fiscal year 2031's area cycle ended as a cycle ends (at 圏域サイクル完了); 2032's waits for its
 * members' results and 963612's deadline has passed (its timer fired now): the area's secretariat is asked
 * 提出遅延への対応 about it.
 */
final class CockpitAreas {

  static final String AREA = "area971";
  static final String LEAD = "963611";
  static final String LATE = "963612";
  static final int ENDED_YEAR = 2031;
  static final int THIS_YEAR = 2032;
  static final String SECRETARIAT = AREA + "-jimukyoku";

  private static boolean ready;

  private CockpitAreas() {}

  static synchronized void ensure(ApplicationContext context, int port) {
    if (ready) {
      return;
    }
    assertThat(context.getBean(AreaPlanService.class).isArea(AREA)).as("a failed earlier setup").isFalse();
    var towns = new AreaTowns(port, List.of("kankyo"), context);
    towns.town(LEAD, AREA);
    towns.town(LATE, AREA);
    towns.area(AREA, "試験もみじ圏域", LEAD, List.of(LEAD, LATE),
        List.of(AreaTowns.implementedByAll("AM-01", "住宅の省エネルギー化", true, List.of(LEAD, LATE))));
    var runtime = context.getBean(RuntimeService.class);
    var management = context.getBean(ManagementService.class);

    var ended = start(port, management, ENDED_YEAR);
    var modification = runtime.createProcessInstanceModification(ended);
    var tree = runtime.getActivityInstance(ended);
    for (var child : tree.getChildActivityInstances()) {
      modification.cancelActivityInstance(child.getId());
    }
    for (var transition : tree.getChildTransitionInstances()) {
      modification.cancelTransitionInstance(transition.getId());
    }
    modification.startBeforeActivity(AreaCycleProcess.END_COMPLETED).execute(true, true);
    assertThat(context.getBean(HistoryService.class).createHistoricProcessInstanceQuery().processInstanceId(ended)
        .singleResult().getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);

    var running = start(port, management, THIS_YEAR);
    var timers = management.createJobQuery().processInstanceId(running).timers()
        .activityId(AreaCycleProcess.EVENT_RESULT_DEADLINE).list();
    management.executeJob(timers.stream()
        .filter(j -> LATE.equals(runtime.getVariable(j.getExecutionId(), AreaCycleProcess.MEMBER)))
        .findFirst().orElseThrow().getId());
    towns.as(SECRETARIAT).await(AREA + ":" + THIS_YEAR, AreaCycleProcess.TASK_HANDLE_LATE_MEMBER);
    ready = true;
  }

  /** Started by the area's secretariat; returns once every member waits for its result (its deadline timer). */
  private static String start(int port, ManagementService management, int year) {
    var started = Http.as(port, SECRETARIAT).post("/api/area-cycles", Map.of("area", AREA, "fiscalYear", year));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    var instance = started.json().path("processInstanceId").asText();
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery()
        .processInstanceId(instance).timers().activityId(AreaCycleProcess.EVENT_RESULT_DEADLINE).count() == 2);
    return instance;
  }
}
