package jp.climatepdca.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * A demo-city cycle of a far fiscal year (2050 and later, so other tests' years stay untouched), started
 * through /api by the secretariat with its April timer fired at once (not its July one), so the departments' tasks are open.
 */
public final class CycleFixture {

  public static final String CITY = "999999";

  private CycleFixture() {}

  public static void startNow(int port, RuntimeService runtime, ManagementService management, int fiscalYear) {
    startNow(port, runtime, management, "jimukyoku", CITY, fiscalYear);
  }

  /**
   * A town's cycle started through /api by {@code user} (201 expected) with its April timer fired at once, so
   * the departments' tasks are open; the cycle's process instance id.
   */
  public static String startNow(int port, RuntimeService runtime, ManagementService management, String user,
      String municipality, int fiscalYear) {
    var started = Http.as(port, user).post("/api/cycles", Map.of("municipality", municipality, "fiscalYear", fiscalYear));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    var cycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(municipality + ":" + fiscalYear)
        .singleResult();
    // the April timer only: the July (emissions) branch stays waiting
    management.executeJob(management.createJobQuery().processInstanceId(cycle.getId()).timers()
        .activityId(FiscalYearCycleProcess.EVENT_APRIL_CHECK_DATE).singleResult().getId());
    return cycle.getId();
  }

  /**
   * Fires a cycle's timer now. A timer whose date has passed may be fired by the job executor first: then it is
   * simply gone.
   */
  public static void fire(RuntimeService runtime, ManagementService management, String businessKey, String timer) {
    var instance = Awaitility.await(timer).atMost(Duration.ofSeconds(30)).until(
        () -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult(),
        i -> i != null);
    Awaitility.await(timer).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
      var job = management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(timer).singleResult();
      if (job == null) {
        return true;
      }
      try {
        management.executeJob(job.getId());
      } catch (org.camunda.bpm.engine.OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException e) {
        // the job executor took it first
      }
      return false;
    });
  }

  /** Waits for the task (business key of its instance, task definition key) and returns it. */
  public static Task await(TaskService tasks, String businessKey, String taskDefinitionKey) {
    return Awaitility.await(taskDefinitionKey + " of " + businessKey).atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> tasks.createTaskQuery().processInstanceBusinessKey(businessKey)
            .taskDefinitionKey(taskDefinitionKey).singleResult(), t -> t != null);
  }
}
