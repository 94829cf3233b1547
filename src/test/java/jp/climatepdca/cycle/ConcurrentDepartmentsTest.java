package jp.climatepdca.cycle;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_SECRETARIAT_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.SecretariatEmissions;
import jp.climatepdca.testing.TasklistClient;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every department's submission accepted at the same moment: each acceptance ends a called instance and
 * reaches the multi-instance join. With asyncAfter on the loop the join happens in jobs, so every
 * person's request succeeds and no OptimisticLockingException reaches anyone.
 */
@AppTest
class ConcurrentDepartmentsTest {

  private static final String CITY = "999999";
  private static final int YEAR = 2024;
  private static final String CYCLE = CITY + ":" + YEAR;

  @LocalServerPort
  int port;

  @Autowired
  PlanService plan;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Test
  void allDepartmentsAcceptedAtOnceJoinCleanly() throws Exception {
    var departments = plan.assessingDepartmentCodes(CITY);
    assertThat(Http.as(port, "jimukyoku").post("/api/cycles", Map.of("municipality", CITY, "fiscalYear", YEAR))
        .status()).isEqualTo(201);

    // every department's staff submit at the same moment, then every head approves at the same moment
    atOnce(departments, department -> submitEntry(department));
    atOnce(departments, department -> decide(department + "-head", department, TASK_HEAD_APPROVAL));
    // the secretariat (several officers in real life) accepts all departments at the same moment: the join
    var secretariatTasks = new LinkedHashMap<String, String>();
    var secretariat = new TasklistClient(port, "jimukyoku");
    departments.forEach(d -> secretariatTasks.put(d, secretariat.claim(CYCLE + ":" + d, TASK_SECRETARIAT_REVIEW)));
    var answers = atOnce(departments, department -> secretariat.submit(secretariatTasks.get(department),
        Map.of("decision", "APPROVE", "comment", "")));

    assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(204));
    assertThat(answers).noneSatisfy(answer -> assertThat(answer.body()).contains("OptimisticLocking"));
    // the check also waits for the July emissions branch (its timer date is past, so it is open already)
    SecretariatEmissions.enterAndAccept(secretariat, CYCLE);
    secretariat.claim(CYCLE, FiscalYearCycleProcess.TASK_COMPILE_CHECK);
    var cycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(CYCLE).singleResult();
    assertThat(runtime.getActiveActivityIds(cycle.getId())).containsExactly(FiscalYearCycleProcess.TASK_COMPILE_CHECK);
    assertThat(runtime.createIncidentQuery().processInstanceId(cycle.getId()).count()).isZero();
    assertThat(management.createJobQuery().processInstanceId(cycle.getId()).withException().count()).isZero();
  }

  private Http.Response submitEntry(String department) {
    var staff = new TasklistClient(port, department + "-staff");
    var task = staff.claim(CYCLE + ":" + department, TASK_ENTER);
    var rows = TasklistClient.rows(staff.form(task).get("measures"));
    rows.forEach(row -> {
      row.put("progress", "MOSTLY_ON_TRACK");
      row.put("achievements", "実施した");
    });
    return staff.submit(task, Map.of("measures", rows));
  }

  private Http.Response decide(String user, String department, String taskKey) {
    var reviewer = new TasklistClient(port, user);
    var task = reviewer.claim(CYCLE + ":" + department, taskKey);
    return reviewer.submit(task, Map.of("decision", "APPROVE", "comment", ""));
  }

  /** Runs the call for every department on its own thread, released together by a barrier. */
  private static List<Http.Response> atOnce(List<String> departments,
      java.util.function.Function<String, Http.Response> call) throws Exception {
    var barrier = new CyclicBarrier(departments.size());
    var pool = Executors.newFixedThreadPool(departments.size());
    try {
      var futures = new ArrayList<CompletableFuture<Http.Response>>();
      for (var department : departments) {
        futures.add(CompletableFuture.supplyAsync(() -> {
          try {
            barrier.await();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return call.apply(department);
        }, pool));
      }
      var answers = new ArrayList<Http.Response>();
      for (var future : futures) {
        answers.add(future.get());
      }
      answers.forEach(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(204));
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
