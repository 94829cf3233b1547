package jp.climatepdca.system;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_SECRETARIAT_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.LargePlan;
import jp.climatepdca.testing.LoadStats;
import jp.climatepdca.testing.LocalPostgres;
import jp.climatepdca.testing.Node;
import jp.climatepdca.testing.TasklistClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Load: 50 people work in Tasklist at once for two minutes against the packaged application (prod
 * profile, its own PostgreSQL), on loopback. A large city of 40 departments × 10 measures; 20 staff and
 * 20 heads each hold two departments' posts (兼務), 10 secretariat members share the secretariat's group.
 * Each client does what Tasklist does: its task list (the グループのタスク filter, 15 newest, HAL), claim,
 * the form and its variables, submit. Heads return one submission in ten. The secretariat opens the
 * next fiscal year whenever fewer than a year's entry tasks are open, so the work never runs out.
 *
 * <p>Why a separate process and not the shared test context: the server must be measured as production
 * runs it (its own JVM, heap and connection pool, PostgreSQL), without the 50 client threads in its JVM,
 * and thousands of process instances must not slow every later test of the shared context.
 *
 * <p>Then: no 5xx (nor any other error but 409, the honest answer to a lost race), and every completion
 * that was answered 204 is in the database exactly once (history, review decisions, self-assessments),
 * and none that was not. The report (throughput, p50/p95/p99 per operation, answers by status) is printed
 * and saved as target/load-report.txt.
 */
class LoadIT {

  private static final LocalPostgres.Spec DATABASE = new LocalPostgres.Spec("climatepdca", "climatepdca", "load");
  private static final LargePlan PLAN = new LargePlan("710001", "負荷試験市", 40, 10, false);
  private static final int POSTS_PER_PERSON = 2;
  private static final int SECRETARIAT = 10;
  private static final int FIRST_YEAR = 2001;
  private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("load.seconds", 120));
  private static final Duration IDLE = Duration.ofMillis(250);
  private static final String ADMIN_PASSWORD = UUID.randomUUID().toString();
  private static final String TASK_LIST_BODY = """
      {"processVariables": [], "taskVariables": [], "caseInstanceVariables": [],
       "sorting": [{"sortBy": "created", "sortOrder": "desc"}]%s}""";

  private final LoadStats stats = new LoadStats();
  private final ConcurrentLinkedQueue<Completion> acknowledged = new ConcurrentLinkedQueue<>();
  private final AtomicInteger nextYear = new AtomicInteger(FIRST_YEAR);

  record Completion(String taskId, String taskKey, String decision) {}

  @Test
  void fiftyPeopleWorkForTwoMinutesWithoutAServerErrorOrALostCompletion() throws Exception {
    try (var postgres = LocalPostgres.start(DATABASE)) {
      var environment = Map.of("SPRING_PROFILES_ACTIVE", "prod", "DB_URL", postgres.jdbcUrl(DATABASE.database()),
          "DB_USER", DATABASE.user(), "DB_PASSWORD", DATABASE.password(), "ADMIN_USER", "admin",
          "ADMIN_PASSWORD", ADMIN_PASSWORD);
      try (var node = Node.start("load", environment, List.of())) {
        var clients = setUp(node.port());
        var loadBefore = loadAverage();
        var seconds = run(node.port(), clients);
        var report = stats.report(String.format("Load test %s: %d clients for %s on loopback, %s%n"
            + "load average (1, 5, 15 min) before: %s; after: %s", Instant.now(), clients.size(), RUN, PLAN,
            loadBefore, loadAverage()), seconds, Path.of("target", "load-report.txt"));
        System.out.println(report);
        System.out.printf("acknowledged completions: %s; fiscal years opened: %d%n", acknowledged.stream()
            .collect(Collectors.groupingBy(Completion::taskKey, Collectors.counting())), nextYear.get() - FIRST_YEAR);

        assertThat(stats.count(500, 599)).as("5xx answers\n" + report).isZero();
        assertThat(stats.errors()).as("answers other than 2xx and 409\n" + report)
            .allSatisfy((kind, byStatus) -> assertThat(byStatus.keySet()).containsOnly(409));
        assertThat(acknowledged).extracting(Completion::taskKey)
            .contains(TASK_ENTER, TASK_HEAD_APPROVAL, TASK_SECRETARIAT_REVIEW);
      }
      assertEveryAcknowledgedCompletionExactlyOnce(postgres);
    }
  }

  /** The plan through the API, the people through /engine-rest as an administrator would; two years open. */
  private List<Client> setUp(int port) {
    var admin = Http.as(port, "admin", ADMIN_PASSWORD);
    var imported = admin.post("/api/plans", PLAN.json());
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    var departments = PLAN.departmentCodes();
    var clients = new ArrayList<Client>();
    for (var i = 0; i < departments.size() / POSTS_PER_PERSON; i++) {
      var posts = departments.subList(i * POSTS_PER_PERSON, (i + 1) * POSTS_PER_PERSON);
      var staff = person(admin, "staff-" + (i + 1),
          posts.stream().map(d -> GroupNames.departmentStaff(PLAN.municipality(), d)).toList());
      var head = person(admin, "head-" + (i + 1),
          posts.stream().map(d -> GroupNames.departmentHead(PLAN.municipality(), d)).toList());
      clients.add(new Client(port, staff, TASK_ENTER, null));
      clients.add(new Client(port, head, TASK_HEAD_APPROVAL, null));
    }
    for (var i = 1; i <= SECRETARIAT; i++) {
      var member = person(admin, "jimukyoku-" + i, List.of(GroupNames.secretariat(PLAN.municipality())));
      // the secretariat's group also gets the emissions tasks: it searches Tasklist for its review task
      // the reviews are named by department (事務局の確認（…課）): the secretariat searches them by the prefix
      clients.add(new Client(port, member, TASK_SECRETARIAT_REVIEW, "事務局の確認%"));
    }
    var filter = admin.get("/engine-rest/filter?resourceType=Task").json();
    var groupFilter = java.util.stream.StreamSupport.stream(filter.spliterator(), false)
        .filter(f -> f.path("name").asText().equals("グループのタスク")).findFirst().orElseThrow().path("id").asText();
    clients.forEach(c -> c.filterId = groupFilter);

    openYear(port);
    openYear(port);
    Awaitility.await("the first years' entry tasks").atMost(Duration.ofMinutes(2)).until(
        () -> openEntryTasks(admin) >= 2L * departments.size());
    return clients;
  }

  private static String person(Http admin, String id, List<String> groups) {
    var created = admin.post("/engine-rest/user/create", Map.of(
        "profile", Map.of("id", id, "firstName", id, "lastName", "負荷試験", "email", id + "@example.jp"),
        "credentials", Map.of("password", Http.PASSWORD)));
    assertThat(created.status()).as(created.toString()).isEqualTo(204);
    for (var group : groups) {
      var member = admin.send("PUT", "/engine-rest/group/" + group + "/members/" + id, null, null);
      assertThat(member.status()).as(member.toString()).isEqualTo(204);
    }
    return id;
  }

  private double run(int port, List<Client> clients) throws Exception {
    var admin = Http.as(port, "admin", ADMIN_PASSWORD);
    var start = System.nanoTime();
    var deadline = start + RUN.toNanos();
    var pool = Executors.newFixedThreadPool(clients.size() + 1);
    try {
      var futures = new ArrayList<Future<?>>();
      for (var client : clients) {
        futures.add(pool.submit(() -> client.work(deadline)));
      }
      // the secretariat opens the next year when the departments are about to run dry
      futures.add(pool.submit(() -> {
        while (System.nanoTime() < deadline && nextYear.get() <= 2100) {
          if (openEntryTasks(admin) < PLAN.departments()) {
            openYear(port);
          }
          sleep(Duration.ofSeconds(1));
        }
        return null;
      }));
      for (var future : futures) {
        future.get(RUN.toSeconds() + 120, TimeUnit.SECONDS);
      }
      return (System.nanoTime() - start) / 1e9;
    } finally {
      pool.shutdownNow();
    }
  }

  private void openYear(int port) {
    var year = nextYear.getAndIncrement();
    var t = System.nanoTime();
    var started = Http.as(port, "jimukyoku-1")
        .post("/api/cycles", Map.of("municipality", PLAN.municipality(), "fiscalYear", year));
    stats.record("start cycle", started.status(), System.nanoTime() - t);
  }

  private static long openEntryTasks(Http admin) {
    return admin.get("/engine-rest/task/count?unassigned=true&taskDefinitionKey=" + TASK_ENTER).json()
        .path("count").asLong();
  }

  /** One person in Tasklist: the list, then claim, form, submit of one of their tasks; idle a moment if none. */
  private final class Client {

    private final Http http;
    private final Http hal;
    private final TasklistClient tasklist;
    private final String user;
    private final String taskKey;
    private final String search;
    private String filterId;

    Client(int port, String user, String taskKey, String search) {
      this.http = Http.as(port, user);
      this.hal = http.accepting("application/hal+json");
      this.tasklist = new TasklistClient(port, user);
      this.user = user;
      this.taskKey = taskKey;
      this.search = search;
    }

    Void work(long deadline) {
      while (System.nanoTime() < deadline) {
        var task = pick();
        if (task == null) {
          sleep(IDLE);
        } else {
          complete(task);
        }
      }
      return null;
    }

    private com.fasterxml.jackson.databind.JsonNode pick() {
      var criteria = search == null ? "" : ", \"nameLike\": " + Http.write(search);
      var list = call("task list", () -> hal.postRaw("/engine-rest/filter/" + filterId
          + "/list?firstResult=0&maxResults=15", TASK_LIST_BODY.formatted(criteria)));
      if (list.status() != 200) {
        return null;
      }
      var mine = new ArrayList<com.fasterxml.jackson.databind.JsonNode>();
      var open = new ArrayList<com.fasterxml.jackson.databind.JsonNode>();
      for (var task : list.json().path("_embedded").path("task")) {
        if (!task.path("taskDefinitionKey").asText().equals(taskKey)) {
          continue;
        }
        if (task.path("assignee").asText().equals(user)) {
          mine.add(task);
        } else if (task.path("assignee").isNull()) {
          open.add(task);
        }
      }
      // what is already mine first; otherwise one of the open ones at random, as colleagues spread out
      var candidates = mine.isEmpty() ? open : mine;
      return candidates.isEmpty() ? null
          : candidates.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(candidates.size()));
    }

    private void complete(com.fasterxml.jackson.databind.JsonNode task) {
      var id = task.path("id").asText();
      if (!task.path("assignee").asText().equals(user)) {
        var claim = call("claim", () -> http.post("/engine-rest/task/" + id + "/claim", Map.of("userId", user)));
        if (claim.status() != 204) {
          return;
        }
      }
      var form = call("form", () -> http.get("/engine-rest/task/" + id + "/deployed-form"));
      var variables = call("form variables", () -> http.get("/engine-rest/task/" + id
          + "/form-variables?deserializeValues=false"));
      if (form.status() != 200 || variables.status() != 200) {
        return;
      }
      var fields = new HashMap<String, Object>();
      var decision = "";
      if (TASK_ENTER.equals(taskKey)) {
        var rows = TasklistClient.rows(json(variables.json().path("measures").path("value").asText()));
        rows.forEach(row -> {
          row.put("progress", "ON_TRACK");
          row.put("achievements", row.get("measureName") + "を計画どおり実施した");
        });
        fields.put("measures", rows);
      } else {
        var returns = TASK_HEAD_APPROVAL.equals(taskKey)
            && java.util.concurrent.ThreadLocalRandom.current().nextInt(10) == 0;
        decision = returns ? "RETURN" : "APPROVE";
        fields.put("decision", decision);
        fields.put("comment", returns ? "実績の数値を追記してください" : "");
      }
      var submitted = call("complete " + taskKey, () -> tasklist.submit(id, fields));
      if (submitted.status() == 204) {
        acknowledged.add(new Completion(id, taskKey, decision));
      }
    }

    private Http.Response call(String kind, java.util.function.Supplier<Http.Response> request) {
      var t = System.nanoTime();
      try {
        var response = request.get();
        stats.record(kind, response.status(), System.nanoTime() - t);
        stats.keepIfUnexpected(kind, response.status(), response.toString());
        return response;
      } catch (RuntimeException e) {
        // no answer at all (connection refused or reset): counted as status 0, which the test refuses
        stats.record(kind, 0, System.nanoTime() - t);
        return new Http.Response(0, "", null, e.toString());
      }
    }
  }

  /**
   * In the database afterwards: the completed tasks in history are exactly the acknowledged ones; one
   * review decision per acknowledged review, with its outcome; each department-year with an acknowledged
   * entry has exactly its measures' self-assessments, and no other has any; no incident.
   */
  private void assertEveryAcknowledgedCompletionExactlyOnce(LocalPostgres postgres) throws Exception {
    var acked = new ArrayList<>(acknowledged);
    try (var db = DriverManager.getConnection(postgres.jdbcUrl(DATABASE.database()), DATABASE.user(),
        DATABASE.password())) {
      var completedInHistory = strings(db, "select id_ from act_hi_taskinst where end_time_ is not null"
          + " and delete_reason_ = 'completed' and proc_def_key_ = 'department-self-assessment'");
      assertThat(completedInHistory).as("completed tasks in history")
          .containsExactlyInAnyOrderElementsOf(acked.stream().map(Completion::taskId).toList());

      var reviews = acked.stream().filter(c -> !c.taskKey().equals(TASK_ENTER)).toList();
      assertThat(strings(db, "select task_id || ':' || outcome from review_decision where municipality_code = '"
          + PLAN.municipality() + "'")).as("review decisions")
          .containsExactlyInAnyOrderElementsOf(reviews.stream().map(c -> c.taskId() + ":" + c.decision()).toList());

      var enteredDepartmentYears = new HashSet<String>(strings(db, "select h.business_key_ from act_hi_taskinst t"
          + " join act_hi_procinst h on h.id_ = t.proc_inst_id_ where t.id_ in ("
          + acked.stream().filter(c -> c.taskKey().equals(TASK_ENTER)).map(c -> "'" + c.taskId() + "'")
              .collect(Collectors.joining(",")) + ")"));
      var expected = enteredDepartmentYears.stream()
          .collect(Collectors.toMap(key -> key.substring(PLAN.municipality().length() + 1), key -> (long) PLAN.measuresPerDepartment()));
      var saved = new HashMap<String, Long>();
      try (var rows = db.createStatement().executeQuery("select fiscal_year || ':' || department_code, count(*)"
          + " from self_assessment where municipality_code = '" + PLAN.municipality() + "' group by fiscal_year,"
          + " department_code")) {
        while (rows.next()) {
          saved.put(rows.getString(1), rows.getLong(2));
        }
      }
      assertThat(saved).as("self-assessments per fiscal year and department").isEqualTo(expected);
      assertThat(strings(db, "select incident_msg_ from act_ru_incident")).as("incidents").isEmpty();
    }
  }

  private static List<String> strings(java.sql.Connection db, String sql) throws java.sql.SQLException {
    var values = new ArrayList<String>();
    try (var rows = db.createStatement().executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
