package jp.climatepdca.system;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_SECRETARIAT_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may call what: every role against every kind of endpoint, on a department's draft (the env
 * department's open self-assessment of fiscal year 2050). Departments, the secretariat and the committee
 * never see another department's draft: a task they are not offered does not exist for them in lists and
 * by id (404, Camunda filters queries by authorization), and acting on its id is refused (403). Even the
 * draft's own department (and the administrator) cannot change the process's variables through the
 * task: only the task's own form fields (403).
 *
 * <p>{@link #WRITES}: every way of writing process data through the engine's API, through both doors
 * (/engine-rest and Tasklist's API under /camunda), for every role: only the administrator may (issue #17,
 * docs/security.md); everyone else gets 403 whatever Camunda's authorizations would allow, and completes
 * tasks through the form only ({@code complete} and {@code submit-form} alike). SecurityMatrixPostgresTest
 * runs the same on PostgreSQL.
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
      GET  /api/cycles/999999/2050/overdue                            401 403   403   403   200   200
      POST /api/plans                              EMPTY_OBJECT       401 403   403   403   400   400
      GET  /api/plans/999999/versions                                 401 403   403   200   200   200
      GET  /api/plans/999999/versions/1/diff/1                        401 403   403   200   200   200
      POST /api/plans/999999/period-evaluations    EMPTY_OBJECT       401 403   403   403   400   400
      GET  /api/plans/999999/period-evaluations/2099                  401 403   403   404   404   404
      GET  /api/plans/999999/period-evaluations/2099/draft            401 403   403   403   404   404
      PUT  /api/plans/999999/period-evaluations/2099/draft EMPTY_OBJECT 401 403 403   403   404   404
      GET  /api/self-assessments/999999/2050/env/workbook              401 200   403   200   200   200
      GET  /api/self-assessments/999999/2050/workbook                 401 403   403   200   200   200
      GET  /api/no-such-endpoint                                      401 404   404   404   404   404
      GET  /api/reports/999999/2050/draft/citizen-opinions.csv        401 403   403   403   404   404
      GET  /public/999999/2050/citizen-opinions.csv                   404 404   404   404   404   404
      GET  /api/areas/demo-area/staff-meetings?fiscalYear=2026        401 403   403   403   403   200
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
      GET  /public/opinions/999999/2050/form.json                     200 200   200   200   200   200
      POST /public/opinions/999999/2050            EMPTY_OBJECT       409 409   409   409   409   409
      PUT  /public/opinions/999999/2050            EMPTY_OBJECT       403 403   403   403   403   403
      POST /public/opinions/999999/2050/form.json  EMPTY_OBJECT       403 403   403   403   403   403
      POST /public/999999/2050                     EMPTY_OBJECT       403 403   403   403   403   403
      GET  /public/opinions/999998/2050/form.json                     404 404   404   404   404   404
      """;

  /** The area's year of {@link #AREA_MATRIX}: area962's cycle, its members 961201–961203 (AreaOfThree). */
  private static final int AREA_YEAR = 2038;

  /**
   * Columns of {@link #AREA_MATRIX}: nobody; the lead member town's secretariat and a member town's department
   * (members' users, who may not act for the area); another town's secretariat (the demo city, of another
   * area); the area's secretariat, liaison meeting, committee and staff meeting; another area's secretariat;
   * the administrator.
   */
  private static final List<String> AREA_ROLES = List.of("anonymous", "961201-jimukyoku", "961203-kankyo-staff",
      "jimukyoku", "area962-jimukyoku", "area962-renraku", "area962-iinkai", "area962-tantou", "demo-area-jimukyoku",
      "demo");

  /**
   * The area endpoints (issue #18) on area962's year 2038, which waits for its late member: {areaTask} is the
   * area secretariat's 「提出遅延への対応」, {meetingTask} the staff meeting's 「議題と資料の準備」, AREAKEY the
   * area cycle's business key. The public pages of a year not published are 404 for everybody, logged in or not;
   * the task history through /engine-rest is the administrator's only, as for a department's draft.
   */
  private static final String AREA_MATRIX = """
      POST /api/areas                              AREA_FILE        401 200   403   403   403   403   403   403   403   200
      GET  /api/areas                                               401 200:+ 200:+ 200:+ 200:+ 200:+ 200:+ 200:+ 200:+ 200:+
      GET  /api/areas/area962                                       401 200   200   200   200   200   200   200   200   200
      POST /api/area-cycles                        AREA_CYCLE_AGAIN 401 403   403   403   409   403   403   403   403   409
      GET  /api/area-cycles/area962/2038                            401 403   403   403   200   200   200   200   403   200
      GET  /api/area-cycles/area962/2038/compilation                401 403   403   403   404   404   404   403   403   404
      POST /api/areas/area962/staff-meetings       EMPTY_OBJECT     401 403   403   403   400   403   403   400   403   400
      GET  /api/areas/area962/staff-meetings?fiscalYear=2038        401 403   403   403   200   403   403   200   403   200
      GET  /api/areas/area962/staff-meetings/2038/1                 401 403   403   403   200   403   403   200   403   200
      GET  /public/areas/area962/2038                               404 404   404   404   404   404   404   404   404   404
      GET  /public/areas/area962/2038.pdf                           404 404   404   404   404   404   404   404   404   404
      GET  /public/areas/area962/2038.csv                           404 404   404   404   404   404   404   404   404   404
      GET  /engine-rest/task?processInstanceBusinessKey=AREAKEY     401 200:0 200:0 200:0 200:1 200:0 200:0 200:0 200:0 200:1
      GET  /engine-rest/task/{areaTask}                             401 404   404   404   200   404   404   404   404   200
      GET  /engine-rest/task/{areaTask}/form-variables              401 403   403   403   200   403   403   403   403   200
      POST /engine-rest/task/{areaTask}/claim      CLAIM_FOR_SELF   401 403   403   403   HOLD  403   403   403   403   HOLD
      POST /engine-rest/task/{areaTask}/submit-form EMPTY_FORM      401 403   403   403   400   403   403   403   403   400
      POST /engine-rest/task/{areaTask}/complete   EMPTY_FORM       401 403   403   403   400   403   403   403   403   400
      POST /engine-rest/task/{meetingTask}/submit-form EMPTY_FORM   401 403   403   403   400   403   403   400   403   400
      GET  /engine-rest/history/task?processInstanceBusinessKey=AREAKEY 401 200:0 200:0 200:0 200:0 200:0 200:0 200:0 200:0 200:+
      """;

  @LocalServerPort
  int port;

  /** The engine this context runs: "default" here, its own name on PostgreSQL (engines are JVM-wide). */
  @Value("${camunda.bpm.process-engine-name:default}")
  String engineName;

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

  @Autowired
  org.springframework.context.ApplicationContext context;

  private String task;
  private String instance;
  private String areaTask;
  private String meetingTask;

  @BeforeAll
  void draftOfTheEnvDepartment() {
    CycleFixture.startNow(port, runtime, management, YEAR);
    var entry = CycleFixture.await(tasks, DRAFT, TASK_ENTER);
    task = entry.getId();
    instance = entry.getProcessInstanceId();
    execution = entry.getExecutionId();
    cycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(CITY + ":" + YEAR).singleResult().getId();
    review = secretariatReviewOfTheWasteDepartment();
    var area = jp.climatepdca.area.AreaOfThree.in(port, context);
    areaTask = area.startWithLateMember(AREA_YEAR);
    meetingTask = area.staffMeeting(AREA_YEAR);
  }

  /** The waste department's self-assessment, submitted and approved by its head: the secretariat's task. */
  private String secretariatReviewOfTheWasteDepartment() {
    var key = CITY + ":" + YEAR + ":waste";
    var staff = new TasklistClient(port, "waste-staff", engineRest("/engine-rest"));
    var entry = staff.claim(key, TASK_ENTER);
    var rows = TasklistClient.rows(staff.form(entry).get("measures"));
    rows.forEach(row -> {
      row.put("progress", "ON_TRACK");
      row.put("achievements", "実施した");
    });
    staff.complete(entry, Map.of("measures", rows));
    var head = new TasklistClient(port, "waste-head", engineRest("/engine-rest"));
    var approval = head.claim(key, TASK_HEAD_APPROVAL);
    head.complete(approval, Map.of("decision", "APPROVE", "comment", "確認しました"));
    return CycleFixture.await(tasks, key, TASK_SECRETARIAT_REVIEW).getId();
  }

  @AfterAll
  void removeTheProbeDeployment() {
    repository.createDeploymentQuery().deploymentName(PROBE).list()
        .forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  Stream<Arguments> matrix() {
    return cases(MATRIX, ROLES);
  }

  Stream<Arguments> areaMatrix() {
    return cases(AREA_MATRIX, AREA_ROLES);
  }

  private static Stream<Arguments> cases(String matrix, List<String> roles) {
    var cases = new ArrayList<Arguments>();
    for (var line : matrix.strip().split("\n")) {
      var cells = line.strip().split("\\s+");
      var hasBody = cells.length == 3 + roles.size();
      var expected = List.of(cells).subList(hasBody ? 3 : 2, cells.length);
      for (int i = 0; i < roles.size(); i++) {
        cases.add(Arguments.of(roles.get(i), cells[0], cells[1], hasBody ? cells[2] : null, expected.get(i)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2} → {4}")
  @MethodSource({"matrix", "areaMatrix"})
  void eachRoleGetsWhatItShould(String role, String method, String path, String body, String expected) {
    var http = "anonymous".equals(role) ? Http.anonymous(port) : Http.as(port, role);
    // the engine list authenticates against the engine named "default", which a context with an engine of
    // another name (SecurityMatrixPostgresTest) does not have
    org.junit.jupiter.api.Assumptions.assumeTrue("default".equals(engineName) || !"/engine-rest/engine".equals(path));
    var url = engineRest(path.replace("{task}", task).replace("{instance}", instance).replace("DRAFT", DRAFT)
        .replace("{areaTask}", areaTask).replace("{meetingTask}", meetingTask).replace("AREAKEY", "area962:" + AREA_YEAR));
    var response = body == null ? http.send(method, url, null, null)
        : "DEPLOYMENT".equals(body) ? http.send(method, url, "multipart/form-data; boundary=" + BOUNDARY, deployment())
        : http.send(method, url, "application/json", body(body, role).getBytes(StandardCharsets.UTF_8));

    if ("HOLD".equals(expected)) {
      // claiming is allowed; give the task back so the other rows see it unassigned
      assertThat(response.status()).as(response.toString()).isEqualTo(204);
      tasks.setAssignee(path.contains("{areaTask}") ? areaTask : task, null);
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
      // read the task learns nothing about its fields (403 above). The department may write no variable at all.
      assertThat(response.json().path("message").asText()).contains(
          "env-staff".equals(role) && !"STRAY_FIELD".equals(body) ? "管理者だけ" : "このフォームの項目ではない");
    }
    if (url.startsWith("/api/") && response.status() >= 400) {
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.json().path("detail").asText()).isNotBlank();
    }
  }

  private static String body(String name, String role) {
    return switch (name) {
      case "CYCLE_AGAIN" -> Http.write(Map.of("municipality", CITY, "fiscalYear", YEAR));
      case "AREA_FILE" -> jp.climatepdca.area.AreaOfThree.file();
      case "AREA_CYCLE_AGAIN" -> Http.write(Map.of("area", "area962", "fiscalYear", AREA_YEAR));
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

  /** Columns of {@link #WRITES}: nobody, the env department's staff and head, another department, the city's bodies, admin. */
  private static final List<String> WRITERS = List.of("anonymous", "env-staff", "env-head", "waste-staff", "jimukyoku",
      "honbu", "iinkai", "demo");

  /**
   * Every way of writing process data, relative to a door; {task} is the env department's draft (its staff's
   * task), {review} the waste department's secretariat review (the secretariat's task), {execution} the
   * draft's execution, {instance} its process instance, {cycle} the cycle's. {@code -} is not run: the
   * administrator may, and it would end or start a process this class still needs (or there is nothing to
   * trigger, which Camunda answers with 500: another matter than who may write). A start answers 404 to
   * whoever may not read the process definition (nobody but the administrator): it never reaches the
   * engine's command. Probes are named
   * matrixProbe, so what the administrator sets harms nothing; the administrator's rows that set one come
   * before those that remove it.
   */
  private static final String WRITES = """
      PUT    /task/{task}/variables/departmentCode          WASTE         401 403 403 403 403 403 403 403
      PUT    /task/{task}/localVariables/departmentCode     WASTE         401 403 403 403 403 403 403 204
      POST   /task/{task}/variables                         MODIFY_PROBE  401 403 403 403 403 403 403 403
      POST   /task/{task}/variables/matrixProbe/data        BINARY        401 403 403 403 403 403 403 403
      PUT    /task/{task}/localVariables/matrixProbe        PROBE         401 403 403 403 403 403 403 204
      POST   /task/{task}/localVariables                    MODIFY_PROBE  401 403 403 403 403 403 403 204
      POST   /task/{task}/localVariables/matrixProbe/data   BINARY        401 403 403 403 403 403 403 204
      DELETE /task/{task}/localVariables/matrixProbe        -             401 403 403 403 403 403 403 204
      DELETE /task/{task}/localVariables/departmentCode     -             401 403 403 403 403 403 403 204
      DELETE /task/{task}/variables/municipality            -             401 403 403 403 403 403 403 403
      POST   /task/{task}/submit-form                       EMPTY_FORM    401 400 403 403 403 403 403 400
      POST   /task/{task}/complete                          EMPTY_FORM    401 400 403 403 403 403 403 400
      POST   /task/{task}/complete                          STRAY_FIELD   401 400 403 403 403 403 403 400
      POST   /task/{task}/complete                          ROUTING_FIELD 401 400 403 403 403 403 403 400
      POST   /task/{task}/resolve                           PROBE_VARIABLES 401 403 403 403 403 403 403 403
      POST   /task/{task}/bpmnError                         BPMN_ERROR    401 403 403 403 403 403 403 -
      POST   /task/{task}/bpmnEscalation                    ESCALATION    401 403 403 403 403 403 403 -
      PUT    /task/{review}/variables/secretariatAccepted   TRUE          401 403 403 403 403 403 403 403
      PUT    /task/{review}/localVariables/matrixProbe      PROBE         401 403 403 403 403 403 403 204
      DELETE /task/{review}/localVariables/matrixProbe      -             401 403 403 403 403 403 403 204
      POST   /task/{review}/submit-form                     STRAY_FIELD   401 403 403 403 400 403 403 400
      POST   /task/{review}/complete                        STRAY_FIELD   401 403 403 403 400 403 403 400
      POST   /task/{review}/complete                        ROUTING_FIELD 401 403 403 403 400 403 403 400
      POST   /task/{review}/bpmnError                       BPMN_ERROR    401 403 403 403 403 403 403 -
      PUT    /execution/{execution}/localVariables/matrixProbe PROBE      401 403 403 403 403 403 403 204
      POST   /execution/{execution}/localVariables          MODIFY_PROBE  401 403 403 403 403 403 403 204
      DELETE /execution/{execution}/localVariables/matrixProbe -          401 403 403 403 403 403 403 204
      POST   /execution/{execution}/signal                  VARIABLES     401 403 403 403 403 403 403 -
      POST   /execution/{execution}/messageSubscriptions/matrixMessage/trigger VARIABLES 401 403 403 403 403 403 403 -
      PUT    /process-instance/{instance}/variables/matrixProbe PROBE     401 403 403 403 403 403 403 204
      POST   /process-instance/{instance}/variables         MODIFY_PROBE  401 403 403 403 403 403 403 204
      POST   /process-instance/{instance}/variables/matrixProbe/data BINARY 401 403 403 403 403 403 403 204
      DELETE /process-instance/{instance}/variables/matrixProbe -         401 403 403 403 403 403 403 204
      PUT    /process-instance/{cycle}/variables/matrixProbe PROBE        401 403 403 403 403 403 403 204
      DELETE /process-instance/{cycle}/variables/matrixProbe -            401 403 403 403 403 403 403 204
      POST   /process-instance/{instance}/modification      MODIFICATION  401 403 403 403 403 403 403 -
      POST   /process-instance/variables-async              ASYNC_VARIABLES 401 403 403 403 403 403 403 200
      POST   /process-definition/key/department-self-assessment/start START 401 404 404 404 404 404 404 -
      POST   /message                                       MESSAGE       401 403 403 403 403 403 403 400
      POST   /signal                                        SIGNAL        401 403 403 403 403 403 403 204
      POST   /condition                                     VARIABLES     401 403 403 403 403 403 403 -
      """;

  private String execution;
  private String cycle;
  private String review;
  private final java.util.Map<String, WebappSession> sessions = new java.util.HashMap<>();

  Stream<Arguments> writes() {
    var cases = new ArrayList<Arguments>();
    for (var door : List.of("/engine-rest", "/camunda/api/engine")) {
      for (var line : WRITES.strip().split("\n")) {
        var cells = line.strip().split("\\s+");
        for (int i = 0; i < WRITERS.size(); i++) {
          if (!"-".equals(cells[3 + i])) {
            cases.add(Arguments.of(WRITERS.get(i), door, cells[0], cells[1], cells[2], Integer.parseInt(cells[3 + i])));
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} {4} → {5}")
  @MethodSource("writes")
  void onlyTheAdministratorWritesProcessData(String role, String door, String method, String path, String body,
      int expected) throws Exception {
    var url = path.replace("{task}", task).replace("{review}", review).replace("{execution}", execution)
        .replace("{instance}", instance).replace("{cycle}", cycle);
    var contentType = "BINARY".equals(body) ? "multipart/form-data; boundary=" + BOUNDARY
        : "-".equals(body) ? null : "application/json";
    var bytes = "BINARY".equals(body) ? binary() : "-".equals(body) ? null
        : writeBody(body).replace("{instance}", instance).getBytes(StandardCharsets.UTF_8);
    var response = send(role, door, method, url, contentType, bytes);

    assertThat(response.status()).as(role + " " + method + " " + door + url + ": " + response).isEqualTo(expected);
    var submission = url.endsWith("/submit-form") || url.endsWith("/complete");
    if (expected == 403 && !"demo".equals(role) && !submission) {
      // refused by the rule itself, not only for want of Camunda's authorizations: even a task's own
      // candidate, who may complete it, may not write to it
      assertThat(response.json().path("message").asText()).as(response.toString()).contains("管理者だけ");
    }
    if (expected == 400 && submission) {
      assertThat(response.json().path("message").asText()).as(response.toString())
          .containsAnyOf("このフォームの項目ではない", "進捗状況を選んでください");
    }
  }

  private Http.Response send(String role, String door, String method, String url, String contentType, byte[] body)
      throws Exception {
    return send(role, door, method, url, contentType, body, "/api/engine/engine/" + engineName + url);
  }

  /** {@code webappPath}: the address under /camunda that a webapp session calls. */
  private Http.Response send(String role, String door, String method, String url, String contentType, byte[] body,
      String webappPath) throws Exception {
    if ("/engine-rest".equals(door)) {
      var http = "anonymous".equals(role) ? Http.anonymous(port) : Http.as(port, role);
      return http.send(method, engineRest(door) + url, contentType, body);
    }
    if ("anonymous".equals(role)) {
      return Http.anonymous(port).send(method, "/camunda" + webappPath, contentType, body);
    }
    var session = sessions.get(role);
    if (session == null) {
      session = WebappSession.logIn(port, role, engineName);
      sessions.put(role, session);
    }
    var response = session.send(method, webappPath, contentType, body);
    return new Http.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), null,
        response.body());
  }

  /**
   * Our lists under the webapps' address, which answer the webapps' login only: Cockpit's cycle lists
   * (docs/cockpit.md) and Tasklist's 期限超過（全部署） (docs/deadlines.md, the secretariat of a town it belongs
   * to; the administrator is none). Every role through its webapp session (columns of {@link #ROLES}), and HTTP
   * Basic, which is no login there, in the last column (demo).
   */
  private static final String COCKPIT_LISTS = """
      /api/climate-pdca/cockpit/cycles           401 403 403 403 403 200 401
      /api/climate-pdca/cockpit/area-cycles      401 403 403 403 403 200 401
      /api/climate-pdca/overdue                  401 403 403 403 200 403 401
      """;

  Stream<Arguments> cockpitLists() {
    var cases = new ArrayList<Arguments>();
    for (var line : COCKPIT_LISTS.strip().split("\n")) {
      var cells = line.strip().split("\\s+");
      for (int i = 0; i <= ROLES.size(); i++) {
        cases.add(Arguments.of(i < ROLES.size() ? ROLES.get(i) : "demo (HTTP Basic)", cells[0],
            Integer.parseInt(cells[1 + i])));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} GET {1} → {2}")
  @MethodSource("cockpitLists")
  void cockpitListsAreTheAdministratorsOnly(String role, String path, int expected) throws Exception {
    var response = role.endsWith("(HTTP Basic)") ? Http.as(port, "demo").get("/camunda" + path)
        : send(role, "/camunda/api", "GET", "", null, null, path);
    assertThat(response.status()).as(role + " " + path + ": " + response).isEqualTo(expected);
    if (expected != 200) {
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
  }

  /** /engine-rest of this context's engine: by its name unless it is the default one. */
  private String engineRest(String path) {
    if ("default".equals(engineName) || !path.startsWith("/engine-rest") || "/engine-rest/engine".equals(path)) {
      return path;
    }
    return "/engine-rest/engine/" + engineName + path.substring("/engine-rest".length());
  }

  private static String writeBody(String name) {
    var probe = Map.of("matrixProbe", Map.of("value", "probe", "type", "String"));
    var routing = Map.of("departmentCode", Map.of("value", "waste", "type", "String"));
    return switch (name) {
      case "WASTE" -> Http.write(Map.of("value", "waste", "type", "String"));
      case "PROBE" -> Http.write(Map.of("value", "probe", "type", "String"));
      case "TRUE" -> Http.write(Map.of("value", true, "type", "Boolean"));
      case "MODIFY_PROBE" -> Http.write(Map.of("modifications", probe));
      case "PROBE_VARIABLES", "VARIABLES" -> Http.write(Map.of("variables", probe));
      case "ROUTING_FIELD" -> Http.write(Map.of("variables", routing));
      case "BPMN_ERROR" -> Http.write(Map.of("errorCode", "skipReview", "variables", routing));
      case "ESCALATION" -> Http.write(Map.of("escalationCode", "skipReview", "variables", routing));
      case "MODIFICATION" -> Http.write(Map.of("instructions", List.of(Map.of("type", "startBeforeActivity",
          "activityId", "Task_HeadApproval", "variables", Map.of("headApproved",
              Map.of("value", true, "type", "Boolean", "local", false))))));
      case "ASYNC_VARIABLES" -> Http.write(Map.of("processInstanceIds", List.of("{instance}"), "variables", probe));
      case "START" -> Http.write(Map.of("businessKey", CITY + ":" + YEAR + ":forged", "variables", routing));
      case "MESSAGE" -> Http.write(Map.of("messageName", "matrixMessage", "processVariables", routing));
      case "SIGNAL" -> Http.write(Map.of("name", "matrixSignal", "variables", routing));
      default -> body(name, null);
    };
  }

  private static byte[] binary() {
    var text = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"probe.bin\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\nprobe\r\n"
        + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"valueType\"\r\n\r\nBytes\r\n"
        + "--" + BOUNDARY + "--\r\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Drafts of a task's form (taskdraft, docs/tasklist.md) through the Tasklist session, on the env department's
   * draft {task}: only who works on the task reads or writes its draft; another department, the city's bodies
   * and the administrator (who belongs to no municipality's tenant: drafts are the department's work) find no such
   * task. Without a login a read is 401 and a
   * write is Camunda's CSRF refusal (403, no session, no token). In order: the row written is removed again.
   */
  private static final String DRAFTS = """
      PUT    DRAFT_VALUES  403 200 404 404 404 404
      GET    -             401 200 404 404 404 404
      DELETE -             403 204 404 404 404 404
      """;

  Stream<Arguments> drafts() {
    var cases = new ArrayList<Arguments>();
    for (var line : DRAFTS.strip().split("\n")) {
      var cells = line.strip().split("\\s+");
      for (int i = 0; i < ROLES.size(); i++) {
        cases.add(Arguments.of(ROLES.get(i), cells[0], cells[1], Integer.parseInt(cells[2 + i])));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} task-drafts/'{task}' {2} → {3}")
  @MethodSource("drafts")
  void onlyWhoWorksOnTheTaskReadsOrWritesItsDraft(String role, String method, String body, int expected)
      throws Exception {
    var path = "/api/climate-pdca/task-drafts/" + task;
    var bytes = "-".equals(body) ? null : "{\"measures\": []}".getBytes(StandardCharsets.UTF_8);
    var contentType = bytes == null ? null : "application/json";
    int status;
    String answer;
    if ("anonymous".equals(role)) {
      var response = Http.anonymous(port).send(method, "/camunda" + path, contentType, bytes);
      status = response.status();
      answer = response.body();
    } else {
      var session = sessions.get(role);
      if (session == null) {
        session = WebappSession.logIn(port, role, engineName);
        sessions.put(role, session);
      }
      var response = session.send(method, path, contentType, bytes);
      status = response.statusCode();
      answer = response.body();
    }
    assertThat(status).as(role + " " + method + " " + path + ": " + answer).isEqualTo(expected);
    if (!"env-staff".equals(role)) {
      assertThat(db.queryForObject("select count(*) from task_draft where task_id = ? and saved_by <> 'env-staff'",
          Integer.class, task)).as("nothing stored by " + role).isZero();
    }
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
    var tasklist = WebappSession.logIn(port, "env-staff", engineName);
    var count = "/api/engine/engine/" + engineName + "/task/count";
    var withToken = tasklist.post(count, "{}", true);
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
    var withoutToken = tasklist.post(count, "{}", false);
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(withoutToken.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
  }
}
