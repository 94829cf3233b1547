package jp.climatepdca.system;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_SECRETARIAT_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.LocalPostgres;
import jp.climatepdca.testing.Node;
import jp.climatepdca.testing.TasklistClient;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single node killed (SIGKILL) in the middle of a burst of concurrent task completions, on an H2
 * file and on PostgreSQL. After the restart, each completion that was acknowledged (2xx) is there exactly
 * once: the task gone, its domain rows (self-assessments, the review decision) written once, the next
 * task created once, the history saying the same. Each completion that was not acknowledged is there
 * whole or not at all: either as above, or the task still open with no domain row of it. This holds
 * only because the forms' domain writes share the engine's transaction.
 */
class CrashIT {

  private static final String CITY = "999999";
  private static final List<Integer> YEARS = List.of(2011, 2012, 2013, 2014);
  private static final List<String> DEPARTMENTS =
      List.of("env", "waste", "urban", "transport", "housing", "industry", "parks", "education");
  private static final int CLIENTS = 12;
  /** The kill comes once this many completions were acknowledged: early enough that many are in flight. */
  private static final int KILL_AFTER = 6;

  /** The demo profile's own H2 file (./data/climate-pdca, with application.yaml's settings) in a directory of its own. */
  @Test
  void onAnH2File(@TempDir Path directory) throws Exception {
    var file = directory.toAbsolutePath().resolve("data").resolve("climate-pdca");
    crashAndCheck("crash-h2", directory, Map.of("SPRING_PROFILES_ACTIVE", "demo"),
        () -> DriverManager.getConnection("jdbc:h2:file:" + file + ";MODE=LEGACY", "sa", ""));
  }

  @Test
  void onPostgres() throws Exception {
    var database = new LocalPostgres.Spec("climatepdca", "climatepdca", "crash");
    try (var postgres = LocalPostgres.start(database)) {
      var url = postgres.jdbcUrl(database.database());
      crashAndCheck("crash-postgres", null, Map.of("SPRING_PROFILES_ACTIVE", "prod,demo", "DB_URL", url,
              "DB_USER", database.user(), "DB_PASSWORD", database.password(), "ADMIN_USER", "demo",
              "ADMIN_PASSWORD", "demo"),
          () -> DriverManager.getConnection(url, database.user(), database.password()));
    }
  }

  interface Database {
    Connection open() throws SQLException;
  }

  /** One form submission of the burst: whose, which task, what the form says, how many rows it writes. */
  record Completion(String user, String taskId, String taskKey, int year, String department, Map<String, Object> form,
      int domainRows) {}

  private void crashAndCheck(String name, Path directory, Map<String, String> environment, Database database)
      throws Exception {
    List<Completion> burst;
    var acknowledged = ConcurrentHashMap.<String>newKeySet();
    try (var node = Node.start(name, directory, environment, List.of())) {
      burst = prepare(node.port());
      var acks = new CountDownLatch(KILL_AFTER);
      var pool = Executors.newFixedThreadPool(CLIENTS);
      for (var completion : burst) {
        pool.submit(() -> {
          try {
            var answer = new TasklistClient(node.port(), completion.user()).submit(completion.taskId(), completion.form());
            if (answer.status() / 100 == 2) {
              acknowledged.add(completion.taskId());
              acks.countDown();
            }
          } catch (UncheckedIOException | IllegalStateException killed) {
            // the connection died with the node: not acknowledged
          }
        });
      }
      assertThat(acks.await(120, TimeUnit.SECONDS)).as("%d completions acknowledged before the kill", KILL_AFTER).isTrue();
      node.kill();
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acknowledged).as("some completions were cut off by the kill").hasSizeLessThan(burst.size());

    // the restart recovers the database; then it is closed so the H2 file can be read here
    try (var restarted = Node.start(name + "-restarted", directory, environment, List.of())) {
      var open = Http.as(restarted.port(), "demo").get("/engine-rest/task/count").json().path("count").asInt();
      assertThat(open).as("one open task per department and cycle, plus the secretariat's").isPositive();
    }
    try (var db = database.open()) {
      check(db, burst, acknowledged);
    }
  }

  /**
   * Four cycles (32 departments' entry tasks); the first cycle's entries are completed beforehand, so
   * the burst mixes 24 entries (self-assessment rows) with 8 head approvals (review decisions).
   */
  private static List<Completion> prepare(int port) {
    var secretariat = Http.as(port, "jimukyoku");
    for (var year : YEARS) {
      var started = secretariat.post("/api/cycles", Map.of("municipality", CITY, "fiscalYear", year));
      assertThat(started.status()).as(started.toString()).isEqualTo(201);
    }
    var burst = new ArrayList<Completion>();
    for (var year : YEARS) {
      for (var department : DEPARTMENTS) {
        var staff = new TasklistClient(port, department + "-staff");
        var key = CITY + ":" + year + ":" + department;
        var entry = staff.await(key, TASK_ENTER);
        var rows = rows(staff.form(entry).get("measures"), year, department);
        var form = Map.<String, Object>of("measures", rows);
        if (year.equals(YEARS.get(0))) {
          staff.complete(entry, form);
          var head = new TasklistClient(port, department + "-head");
          burst.add(new Completion(head.user(), head.await(key, TASK_HEAD_APPROVAL), TASK_HEAD_APPROVAL, year,
              department, Map.of("decision", "APPROVE", "comment", "crash " + key), 1));
        } else {
          burst.add(new Completion(staff.user(), entry, TASK_ENTER, year, department, form, rows.size()));
        }
      }
    }
    return burst;
  }

  private static List<Map<String, Object>> rows(JsonNode measures, int year, String department) {
    var rows = TasklistClient.rows(measures);
    rows.forEach(row -> {
      row.put("progress", "ON_TRACK");
      row.put("achievements", "crash " + year + " " + department);
    });
    return rows;
  }

  private static void check(Connection db, List<Completion> burst, Set<String> acknowledged) throws SQLException {
    var soft = new SoftAssertions();
    int completed = 0;
    for (var c : burst) {
      var what = c.taskKey() + " " + c.year() + " " + c.department() + (acknowledged.contains(c.taskId()) ? " (acknowledged)" : "");
      var open = count(db, "select count(*) from act_ru_task where id_ = ?", c.taskId());
      var ended = count(db, "select count(*) from act_hi_taskinst where id_ = ? and end_time_ is not null"
          + " and delete_reason_ = 'completed'", c.taskId());
      var instance = string(db, "select proc_inst_id_ from act_hi_taskinst where id_ = ?", c.taskId());
      soft.assertThat(open + ended).as(what + ": open or completed, exactly one of them").isOne();
      soft.assertThat(count(db, "select count(*) from act_ru_task where proc_inst_id_ = ?", instance))
          .as(what + ": one open task in its process").isOne();
      var next = c.taskKey().equals(TASK_ENTER) ? TASK_HEAD_APPROVAL : TASK_SECRETARIAT_REVIEW;
      var nextTasks = count(db, "select count(*) from act_hi_taskinst where proc_inst_id_ = ? and task_def_key_ = ?",
          instance, next);
      var rows = c.taskKey().equals(TASK_ENTER)
          ? count(db, "select count(*) from self_assessment where fiscal_year = ? and department_code = ?"
              + " and achievements = ?", c.year(), c.department(), "crash " + c.year() + " " + c.department())
          : count(db, "select count(*) from review_decision where task_id = ?", c.taskId());
      if (ended == 1) {
        completed++;
        soft.assertThat(rows).as(what + ": completed, its domain rows once").isEqualTo(c.domainRows());
        soft.assertThat(nextTasks).as(what + ": completed, the next task created once").isOne();
        soft.assertThat(count(db, "select count(*) from act_hi_actinst where task_id_ = ? and end_time_ is not null",
            c.taskId())).as(what + ": completed in the activity history").isOne();
      } else {
        soft.assertThat(acknowledged).as(what + ": acknowledged but still open").doesNotContain(c.taskId());
        soft.assertThat(rows).as(what + ": still open, no domain row of it").isZero();
        soft.assertThat(nextTasks).as(what + ": still open, no next task").isZero();
        soft.assertThat(count(db, "select count(*) from act_hi_taskinst where id_ = ? and end_time_ is null",
            c.taskId())).as(what + ": open in the history too").isOne();
      }
    }
    soft.assertThat(completed).as("completed at least what was acknowledged").isGreaterThanOrEqualTo(acknowledged.size());
    soft.assertAll();
    System.out.printf("crash: %d completions sent, %d acknowledged, %d completed after the restart%n", burst.size(),
        acknowledged.size(), completed);
  }

  private static int count(Connection db, String sql, Object... parameters) throws SQLException {
    return Integer.parseInt(string(db, sql, parameters));
  }

  private static String string(Connection db, String sql, Object... parameters) throws SQLException {
    try (var statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (var result = statement.executeQuery()) {
        assertThat(result.next()).as(sql).isTrue();
        return result.getString(1);
      }
    }
  }
}
