package jp.climatepdca.system;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_SECRETARIAT_REVIEW;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_ACTION_DECISIONS;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMMITTEE_REVIEW;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMPILE_CHECK;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_HEADQUARTERS_EVALUATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.LocalPostgres;
import jp.climatepdca.testing.Node;
import jp.climatepdca.testing.SecretariatEmissions;
import jp.climatepdca.testing.SecretariatPublication;
import jp.climatepdca.testing.TasklistClient;
import jp.climatepdca.testing.WebappSession;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of the packaged application on one PostgreSQL, as docker/compose.yaml's cluster runs them:
 * a fiscal year worked through either node, one node killed (SIGKILL) in the middle of it, the other
 * finishing the year. Every job runs once and nothing is lost or written twice.
 */
class ClusterIT {

  private static final LocalPostgres.Spec DATABASE = new LocalPostgres.Spec("climatepdca", "climatepdca", "cluster");
  private static final String CITY = "999999";
  private static final int YEAR = 2025;
  private static final String CYCLE = CITY + ":" + YEAR;
  private static final List<String> DEPARTMENTS =
      List.of("env", "waste", "urban", "transport", "housing", "industry", "parks", "education");

  @Test
  void twoNodesRunAYearAndOneOfThemDiesOnTheWay() throws Exception {
    try (var postgres = LocalPostgres.start(DATABASE)) {
      var environment = Map.of("SPRING_PROFILES_ACTIVE", "prod,demo", "DB_URL", postgres.jdbcUrl(DATABASE.database()),
          "DB_USER", DATABASE.user(), "DB_PASSWORD", DATABASE.password(), "ADMIN_USER", "demo",
          "ADMIN_PASSWORD", "demo");
      // a job locked by the node that dies is taken over once its lock expires: keep that short here
      var arguments = List.of("--camunda.bpm.job-execution.lock-time-in-millis=10000");
      try (var first = Node.start("node-a", environment, arguments);
          var second = Node.start("node-b", environment, arguments)) {
        assertThat(webappUser(first.port(), second.port(), "env-staff"))
            .as("a Tasklist login on one node, asked on the other").contains("\"userId\":\"env-staff\"");
        var started = Http.as(first.port(), "jimukyoku")
            .post("/api/cycles", Map.of("municipality", CITY, "fiscalYear", YEAR));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);

        for (int i = 0; i < DEPARTMENTS.size(); i++) {
          if (i == DEPARTMENTS.size() / 2) {
            first.kill();
          }
          var alive = i < DEPARTMENTS.size() / 2;
          // alternate the nodes while both live: staff on one, head on the other
          var one = alive && i % 2 == 0 ? first : second;
          var other = alive && i % 2 == 1 ? first : second;
          department(DEPARTMENTS.get(i), one.port(), other.port());
        }

        var port = second.port();
        // the July branch: the inventory, which the check waits for too
        SecretariatEmissions.enterAndAccept(new TasklistClient(port, "jimukyoku"), CYCLE);
        complete(port, "jimukyoku", CYCLE, TASK_COMPILE_CHECK, Map.of("summary", "概ね順調"));
        complete(port, "honbu", CYCLE, TASK_HEADQUARTERS_EVALUATION,
            Map.of("decision", "APPROVE", "comment", "", "evaluation", "庁内評価"));
        complete(port, "iinkai", CYCLE, TASK_COMMITTEE_REVIEW, Map.of("decision", "APPROVE", "comment", ""));
        var secretariat = new TasklistClient(port, "jimukyoku");
        var action = secretariat.claim(CYCLE, TASK_ACTION_DECISIONS);
        var rows = TasklistClient.rows(secretariat.form(action).get("measures"));
        rows.forEach(row -> row.put("decision", "CONTINUE"));
        secretariat.complete(action, Map.of("measures", rows));
        SecretariatPublication.prepareApproveAndPublish(port, CYCLE, "年次報告書の概要");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(
            Http.as(port, "jimukyoku").get("/api/cycles/" + CITY + "/" + YEAR).json().path("phase").asText()));
      }
      assertNothingLostNorTwice(postgres);
    }
  }

  /**
   * Logs in to Tasklist on one node as a browser would (XSRF token, then the login form) and returns
   * who the other node says is logged in with the same cookies.
   */
  private static String webappUser(int loginPort, int askPort, String user) throws Exception {
    var tasklist = WebappSession.logIn(loginPort, user);
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            "http://localhost:" + askPort + "/camunda/api/admin/auth/user/default"))
        .header("Cookie", tasklist.cookieHeader()).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static void department(String department, int port, int otherPort) {
    var key = CYCLE + ":" + department;
    var staff = new TasklistClient(port, department + "-staff");
    var entry = staff.claim(key, TASK_ENTER);
    var rows = TasklistClient.rows(staff.form(entry).get("measures"));
    rows.forEach(row -> {
      row.put("progress", "ON_TRACK");
      row.put("achievements", "実施した");
    });
    staff.complete(entry, Map.of("measures", rows));
    complete(otherPort, department + "-head", key, TASK_HEAD_APPROVAL, Map.of("decision", "APPROVE", "comment", ""));
    complete(port, "jimukyoku", key, TASK_SECRETARIAT_REVIEW, Map.of("decision", "APPROVE", "comment", ""));
  }

  private static void complete(int port, String user, String businessKey, String taskKey, Map<String, Object> form) {
    var client = new TasklistClient(port, user);
    client.complete(client.claim(businessKey, taskKey), form);
  }

  private static void assertNothingLostNorTwice(LocalPostgres postgres) throws Exception {
    try (var db = DriverManager.getConnection(postgres.jdbcUrl(DATABASE.database()), DATABASE.user(),
        DATABASE.password())) {
      var statement = db.createStatement();
      var counts = new java.util.LinkedHashMap<String, Integer>();
      for (var query : List.of(
          "select count(*) from self_assessment where fiscal_year = 2025",
          "select count(distinct measure_code) from self_assessment where fiscal_year = 2025",
          "select count(*) from review_decision where fiscal_year = 2025",
          "select count(distinct task_id) from review_decision where fiscal_year = 2025",
          "select count(*) from annual_report where fiscal_year = 2025 and status = 'PUBLISHED'",
          "select count(*) from measure_decision where fiscal_year = 2025",
          "select count(*) from act_hi_procinst where business_key_ like '999999:2025:%'",
          "select count(*) from act_hi_procinst where business_key_ = '999999:2025'",
          // the engine's history cleanup and the daily plan-period-evaluation schedule (a timer start event) wait
          // for ever; any other job left would be work lost in the crash
          "select count(*) from act_ru_job where handler_type_ not in ('history-cleanup', 'timer-start-event')",
          "select count(*) from act_ru_incident")) {
        try (var result = statement.executeQuery(query)) {
          result.next();
          counts.put(query, result.getInt(1));
        }
      }
      // review decisions: 8 heads, 8 secretariat, headquarters, committee, and the report's approval and
      // publishing; called instances: 8 departments and the annual report
      assertThat(counts.values()).containsExactly(40, 40, 20, 20, 1, 40, 9, 1, 0, 0);
    }
  }
}
