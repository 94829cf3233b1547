package jp.climatepdca.system;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.WebappSession;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may call what: every role against every kind of endpoint, on a department's draft (the env
 * department's open self-assessment of fiscal year 2050). Departments, the secretariat and the committee
 * never see another department's draft: a task they are not offered does not exist for them in lists and
 * by id (404, Camunda filters queries by authorization), and acting on its id is refused (403). Even the
 * draft's own department (and the administrator) cannot change the process's variables through the
 * task: only the task's own form fields (403).
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixTest {

  private static final String CITY = "999999";
  private static final int YEAR = 2050;
  private static final String DRAFT = CITY + ":" + YEAR + ":env";
  private static final String PROBE = "security-matrix-probe";

  /** Columns of the matrix: nobody, the draft's own department, another department, committee, secretariat, admin. */
  private static final List<String> ROLES = List.of("anonymous", "env-staff", "waste-staff", "iinkai", "jimukyoku",
      "demo");

  /**
   * One row an endpoint, one expectation a role. {@code 200:n} is a 200 whose JSON list has n entries,
   * {@code 200:+} one with at least one.
   */
  private static final String MATRIX = """
      GET  /api/municipalities                                        401 200   200   200   200   200
      POST /api/cycles                             CYCLE_AGAIN        401 403   403   403   409   409
      GET  /api/cycles/999999/2050                                    401 200   200   200   200   200
      POST /api/plans                              EMPTY_OBJECT       401 403   403   403   400   400
      GET  /api/no-such-endpoint                                      401 404   404   404   404   404
      GET  /engine-rest/task?processInstanceBusinessKey=DRAFT         401 200:1 200:0 200:0 200:0 200:1
      GET  /engine-rest/task/{task}                                   401 200   404   404   404   200
      GET  /engine-rest/task/{task}/form-variables                    401 200   403   403   403   200
      GET  /engine-rest/task/{task}/variables                         401 200   403   403   403   200
      POST /engine-rest/task/{task}/claim          CLAIM_FOR_SELF     401 HOLD  403   403   403   HOLD
      POST /engine-rest/task/{task}/submit-form    EMPTY_FORM         401 400   403   403   403   400
      POST /engine-rest/task/{task}/submit-form    STRAY_FIELD        401 400   403   403   403   400
      PUT  /engine-rest/task/{task}/variables/departmentCode OTHER_DEPARTMENT 401 403 403 403 403 403
      POST /engine-rest/task/{task}/variables      SET_ROUTING_FLAG   401 403   403   403   403   403
      DELETE /engine-rest/task/{task}/variables/municipality          401 403   403   403   403   403
      GET  /engine-rest/process-instance?businessKey=DRAFT            401 200:0 200:0 200:0 200:0 200:1
      GET  /engine-rest/process-instance/{instance}/variables         401 403   403   403   403   200
      GET  /engine-rest/history/task?processInstanceBusinessKey=DRAFT 401 200:0 200:0 200:0 200:0 200:1
      GET  /engine-rest/history/variable-instance?processInstanceId={instance} 401 200:0 200:0 200:0 200:0 200:+
      GET  /engine-rest/user                                          401 200:1 200:1 200:1 200:1 200:+
      GET  /engine-rest/authorization                                 401 200:0 200:0 200:0 200:0 200:+
      POST /engine-rest/deployment/create          DEPLOYMENT         401 403   403   403   403   200
      GET  /engine-rest/engine                                        401 200:+ 200:+ 200:+ 200:+ 200:+
      """;

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  ManagementService management;

  @Autowired
  RepositoryService repository;

  @Autowired
  JdbcTemplate db;

  private String task;
  private String instance;

  @BeforeAll
  void draftOfTheEnvDepartment() {
    CycleFixture.startNow(port, runtime, management, YEAR);
    var entry = CycleFixture.await(tasks, DRAFT, TASK_ENTER);
    task = entry.getId();
    instance = entry.getProcessInstanceId();
  }

  @AfterAll
  void removeTheProbeDeployment() {
    repository.createDeploymentQuery().deploymentName(PROBE).list()
        .forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  Stream<Arguments> matrix() {
    var cases = new ArrayList<Arguments>();
    for (var line : MATRIX.strip().split("\n")) {
      var cells = line.strip().split("\\s+");
      var hasBody = cells.length == 3 + ROLES.size();
      var expected = List.of(cells).subList(hasBody ? 3 : 2, cells.length);
      for (int i = 0; i < ROLES.size(); i++) {
        cases.add(Arguments.of(ROLES.get(i), cells[0], cells[1], hasBody ? cells[2] : null, expected.get(i)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2} → {4}")
  @MethodSource("matrix")
  void eachRoleGetsWhatItShould(String role, String method, String path, String body, String expected) {
    var http = "anonymous".equals(role) ? Http.anonymous(port) : Http.as(port, role);
    var url = path.replace("{task}", task).replace("{instance}", instance).replace("DRAFT", DRAFT);
    var response = body == null ? http.send(method, url, null, null)
        : "DEPLOYMENT".equals(body) ? http.send(method, url, "multipart/form-data; boundary=" + BOUNDARY, deployment())
        : http.send(method, url, "application/json", body(body, role).getBytes(StandardCharsets.UTF_8));

    if ("HOLD".equals(expected)) {
      // claiming is allowed; give the task back so the other rows see it unassigned
      assertThat(response.status()).as(response.toString()).isEqualTo(204);
      tasks.setAssignee(task, null);
      return;
    }
    var parts = expected.split(":");
    assertThat(response.status()).as(role + " " + method + " " + url + ": " + response)
        .isEqualTo(Integer.parseInt(parts[0]));
    if (parts.length > 1) {
      var size = response.json().size();
      if ("+".equals(parts[1])) {
        assertThat(size).as(response.toString()).isPositive();
      } else {
        assertThat(size).as(response.toString()).isEqualTo(Integer.parseInt(parts[1]));
      }
    }
    if ((url.contains("/variables") && !"GET".equals(method) || "STRAY_FIELD".equals(body))
        && List.of("env-staff", "demo").contains(role)) {
      // refused not for want of rights on the task, but because of what was to be changed; whoever may not
      // read the task learns nothing about its fields (403 above)
      assertThat(response.json().path("message").asText()).contains("このフォームの項目ではない");
    }
    if (url.startsWith("/api/") && response.status() >= 400) {
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().path("detail").asText()).isNotBlank();
    }
  }

  private static String body(String name, String role) {
    return switch (name) {
      case "CYCLE_AGAIN" -> Http.write(Map.of("municipality", CITY, "fiscalYear", YEAR));
      case "EMPTY_OBJECT" -> "{}";
      case "CLAIM_FOR_SELF" -> Http.write(Map.of("userId", role));
      case "EMPTY_FORM" -> Http.write(Map.of("variables", Map.of()));
      case "STRAY_FIELD" -> Http.write(Map.of("variables",
          Map.of("headApproved", Map.of("value", true, "type", "Boolean"))));
      case "OTHER_DEPARTMENT" -> Http.write(Map.of("value", "waste", "type", "String"));
      case "SET_ROUTING_FLAG" -> Http.write(Map.of("modifications",
          Map.of("headApproved", Map.of("value", true, "type", "Boolean"))));
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static final String BOUNDARY = "matrix-boundary";

  private static byte[] deployment() {
    var bpmn = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="probe">
          <process id="securityMatrixProbe" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="Event_Start"/>
          </process>
        </definitions>
        """;
    var text = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + PROBE + "\r\n"
        + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"probe.bpmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + BOUNDARY + "--\r\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void passwordsAreStoredHashedAndSalted() {
    var rows = db.queryForList("select PWD_, SALT_ from ACT_ID_USER");
    assertThat(rows).isNotEmpty().allSatisfy(row -> {
      assertThat((String) row.get("PWD_")).isNotEqualTo(Http.PASSWORD).startsWith("{SHA-512}");
      assertThat((String) row.get("SALT_")).isNotBlank();
    });
    assertThat(rows.stream().map(row -> row.get("PWD_")).distinct()).as("salted: same password, other hash")
        .hasSize(rows.size());
  }

  /**
   * Spring Security's CSRF is off outside /api, because the webapps bring their own: a logged-in
   * Tasklist session that posts without the XSRF token is refused, with it accepted.
   */
  @Test
  void theWebappsKeepTheirCsrfProtection() throws Exception {
    var tasklist = WebappSession.logIn(port, "env-staff");
    var count = "/api/engine/engine/default/task/count";
    var withToken = tasklist.post(count, "{}", true);
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
    var withoutToken = tasklist.post(count, "{}", false);
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(withoutToken.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
  }
}
