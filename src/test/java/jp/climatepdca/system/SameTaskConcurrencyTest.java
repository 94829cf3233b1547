package jp.climatepdca.system;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_SECRETARIAT_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.function.Function;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two people of the same department complete the same task at the same moment (both are offered it):
 * one succeeds, the other is told in Japanese that someone else completed it first (409), and nothing
 * is written twice. Fiscal year 2051, with a second staff member and a second head of its own.
 */
@AppTest
class SameTaskConcurrencyTest {

  private static final int YEAR = 2051;
  private static final String KEY = CycleFixture.CITY + ":" + YEAR + ":env";
  private static final List<String> EXTRA = List.of("env-staff-2", "env-head-2", "jimukyoku-2");

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  TaskService tasks;

  @Autowired
  IdentityService identity;

  @Autowired
  JdbcTemplate db;

  @BeforeEach
  void secondStaffAndHead() {
    addUser("env-staff-2", GroupNames.departmentStaff(CycleFixture.CITY, "env"));
    addUser("env-head-2", GroupNames.departmentHead(CycleFixture.CITY, "env"));
    addUser("jimukyoku-2", GroupNames.secretariat(CycleFixture.CITY));
  }

  @AfterEach
  void removeThem() {
    EXTRA.forEach(identity::deleteUser);
  }

  private void addUser(String id, String group) {
    var user = identity.newUser(id);
    user.setFirstName("二人目");
    user.setLastName(id);
    user.setPassword(Http.PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }

  @Test
  void twoPeopleCompleteTheSameTaskAtOnce() throws Exception {
    CycleFixture.startNow(port, runtime, management, YEAR);
    var entry = CycleFixture.await(tasks, KEY, TASK_ENTER).getId();
    var rows = TasklistClient.rows(new TasklistClient(port, "env-staff").form(entry).get("measures"));
    rows.forEach(row -> {
      row.put("progress", "ON_TRACK");
      row.put("achievements", "実施した");
    });

    var entered = atOnce(List.of("env-staff", "env-staff-2"), user -> new TasklistClient(port, user)
        .submit(entry, Map.of("measures", rows)));
    oneWinsOneIsToldWhy(entered);
    assertThat(count("select count(*) from self_assessment where fiscal_year = ? and department_code = 'env'"))
        .isEqualTo(rows.size());
    var approval = CycleFixture.await(tasks, KEY, TASK_HEAD_APPROVAL).getId();
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(KEY).count()).isOne();

    var approved = atOnce(List.of("env-head", "env-head-2"), user -> new TasklistClient(port, user)
        .submit(approval, Map.of("decision", "APPROVE", "comment", "")));
    oneWinsOneIsToldWhy(approved);
    assertThat(count("select count(*) from review_decision where fiscal_year = ? and department_code = 'env'"))
        .isOne();
    var review = CycleFixture.await(tasks, KEY, TASK_SECRETARIAT_REVIEW).getId();
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(KEY).count()).isOne();

    // two of the secretariat press 担当する at once: one has it, the other is told who (Camunda says 500)
    var claims = atOnce(List.of("jimukyoku", "jimukyoku-2"), user -> Http.as(port, user)
        .post("/engine-rest/task/" + review + "/claim", Map.of("userId", user)));
    assertThat(claims).extracting(Http.Response::status).as(claims.toString()).containsExactlyInAnyOrder(204, 409);
    var holder = tasks.createTaskQuery().taskId(review).singleResult().getAssignee();
    assertThat(claims.stream().filter(c -> c.status() == 409).findFirst().orElseThrow().json().path("message")
        .asText()).contains(holder, "担当しています");
    // claiming a task that someone has completed meanwhile, or one that never was
    var claimDone = Http.as(port, "env-head").post("/engine-rest/task/" + approval + "/claim",
        Map.of("userId", "env-head"));
    assertThat(claimDone.status()).as(claimDone.toString()).isEqualTo(409);
    assertThat(claimDone.json().path("message").asText()).contains("既に完了");
    var claimUnknown = Http.as(port, "env-head").post("/engine-rest/task/no-such-task/claim",
        Map.of("userId", "env-head"));
    assertThat(claimUnknown.status()).as(claimUnknown.toString()).isEqualTo(404);

    // later, too: a completed task is a conflict, a task that never was is still not found
    var late = new TasklistClient(port, "env-head").submit(approval, Map.of("decision", "APPROVE", "comment", ""));
    assertThat(late.status()).as(late.toString()).isEqualTo(409);
    var unknown = new TasklistClient(port, "env-head").submit("no-such-task", Map.of());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("message").asText()).contains("見つかりません");
  }

  private static void oneWinsOneIsToldWhy(List<Http.Response> answers) {
    assertThat(answers).extracting(Http.Response::status).as(answers.toString()).containsExactlyInAnyOrder(204, 409);
    var loser = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
    assertThat(loser.json().path("message").asText()).contains("既に完了");
  }

  private int count(String sql) {
    return db.queryForObject(sql, Integer.class, YEAR);
  }

  private static List<Http.Response> atOnce(List<String> users, Function<String, Http.Response> call)
      throws Exception {
    var barrier = new CyclicBarrier(users.size());
    var pool = Executors.newFixedThreadPool(users.size());
    try {
      var futures = users.stream().map(user -> CompletableFuture.supplyAsync(() -> {
        try {
          barrier.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return call.apply(user);
      }, pool)).toList();
      return futures.stream().map(CompletableFuture::join).toList();
    } finally {
      pool.shutdown();
    }
  }
}
