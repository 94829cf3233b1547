package jp.climatepdca.system;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.climatepdca.publication.AnnualReportService;
import jp.climatepdca.publication.DraftReport;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.WebappSession;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two municipalities with their cycles running in one engine: the demo city (999999, town A) and となり町
 * (town B). Town A's users (a department's staff and head, the secretariat, headquarters, the committee,
 * and an auditor whose group holds grants on every task, process instance and history of the engine, as an
 * operator might give a town's staff to follow its cycles in Cockpit) act on town B's draft task, process
 * instances, variables and history through /engine-rest and through Tasklist's engine API, and on every /api
 * endpoint that takes a municipality, town B's draft report included: each gets 403 or 404 (or an empty
 * list) and nothing changes; town B's own staff, and the administrator, get what they should. Without the
 * tenants (BusinessKeyTenants, the tenants of the doors' authentication, Roles) the auditor's grants would
 * show it town B's instances, tasks and history. TenantIsolationPostgresTest runs the same on PostgreSQL.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest {

  static final String A = CycleFixture.CITY;
  static final String B = "937101";
  static final int YEAR = 2061;
  private static final String B_DRAFT = B + ":" + YEAR + ":env";
  private static final String B_CYCLE = B + ":" + YEAR;
  /** Town A's auditor: grants on everything of the engine, not an administrator. */
  private static final String AUDITOR = "a-kansa";
  private static final String AUDITORS = A + "-auditor";
  private static final String B_STAFF = "tonari-env-staff";
  private static final String B_SECRETARIAT = "tonari-jimukyoku";

  /** Columns: town A's users, town B's staff of the task's department, the administrator. */
  private static final List<String> USERS = List.of("env-staff", "env-head", "jimukyoku", "honbu", "iinkai", AUDITOR,
      B_STAFF, "demo");

  /**
   * Town B's things through the engine's API, relative to a door; {task} is B's env department's draft,
   * {instance} its process instance, {cycle} B's cycle. {@code 200:n} a list of n entries, {@code 200:+} at
   * least one. Town A's users never get more than an empty list, 403 or 404; a comment on a task they cannot
   * see is Camunda's 400 "No task found for task id" (as for an id that does not exist: nothing learned).
   */
  private static final String ENGINE = """
      GET  /task/{task}                                       -           404 404 404 404 404 404 200 200
      GET  /task/{task}/form-variables                        -           403 403 403 403 403 403 200 200
      GET  /task/{task}/variables                             -           403 403 403 403 403 403 200 200
      GET  /task/{task}/identity-links                        -           403 403 403 403 403 403 200 200
      GET  /task?processInstanceBusinessKey=B_DRAFT           -           200:0 200:0 200:0 200:0 200:0 200:0 200:1 200:1
      GET  /task/count?tenantIdIn=B                           -           200:c0 200:c0 200:c0 200:c0 200:c0 200:c0 200:c+ 200:c+
      POST /task/{task}/claim                                 CLAIM       403 403 403 403 403 403 HOLD HOLD
      POST /task/{task}/assignee                              CLAIM       403 403 403 403 403 403 HOLD HOLD
      POST /task/{task}/complete                              EMPTY_FORM  403 403 403 403 403 403 400 400
      POST /task/{task}/submit-form                           EMPTY_FORM  403 403 403 403 403 403 400 400
      POST /task/{task}/comment/create                        COMMENT     400 400 400 400 400 400 -   -
      GET  /process-instance?businessKey=B_CYCLE              -           200:0 200:0 200:0 200:0 200:0 200:0 200:0 200:1
      GET  /process-instance?tenantIdIn=B                     -           200:0 200:0 200:0 200:0 200:0 200:0 200:0 200:+
      GET  /process-instance/{cycle}                          -           404 404 404 404 404 404 404 200
      GET  /process-instance/{cycle}/variables                -           403 403 403 403 403 403 403 200
      GET  /process-instance/{instance}/variables/departmentCode -        403 403 403 403 403 403 403 200
      GET  /execution?processInstanceId={instance}            -           200:0 200:0 200:0 200:0 200:0 200:0 200:0 200:+
      GET  /job?processInstanceId={cycle}                     -           200:0 200:0 200:0 200:0 200:0 200:0 200:0 200:+
      GET  /variable-instance?processInstanceIdIn={cycle}     -           200:0 200:0 200:0 200:0 200:0 200:0 200:0 200:+
      GET  /history/task?processInstanceBusinessKey=B_DRAFT   -           200:0 200:0 200:0 200:0 200:0 200:0 200:0 200:1
      GET  /history/process-instance?processInstanceBusinessKey=B_CYCLE - 200:0 200:0 200:0 200:0 200:0 200:0 200:0 200:1
      GET  /history/process-instance/{cycle}                  -           404 404 404 404 404 404 404 200
      GET  /history/variable-instance?processInstanceId={instance} -      200:0 200:0 200:0 200:0 200:0 200:0 200:0 200:+
      GET  /history/detail?processInstanceId={instance}       -           200:0 200:0 200:0 200:0 200:0 200:0 200:0 200:+
      GET  /history/activity-instance?processInstanceId={cycle} -         200:0 200:0 200:0 200:0 200:0 200:0 200:0 200:+
      GET  /history/identity-link-log?taskId={task}           -           200:0 200:0 200:0 200:0 200:0 200:0 200:0 200:+
      """;

  /**
   * /api with town B's code, for town A's users: every answer 403 or 404, as for a stranger to the town
   * (town B's own secretariat and the administrator get through, so that the rows can fail).
   */
  private static final String API = """
      GET    /api/cycles/B/2061                                    -            403 200 200
      POST   /api/cycles                                           CYCLE        403 409 409
      GET    /api/indicators/B/2061                                -            403 200 200
      PUT    /api/indicators/B/TB-SOLAR/actuals/2060               ACTUAL       403 200 200
      DELETE /api/indicators/B/TB-SOLAR/actuals/2059               -            403 -   -
      GET    /api/measures/B/TB-01/decisions                       -            403 200 200
      GET    /api/emissions/B/2059                                 -            403 404 404
      POST   /api/emissions/B/2059/activity-data                   CSV          403 -   -
      POST   /api/emissions/B/2059/calculations                    CALCULATION  403 -   -
      GET    /api/emission-factors/local/B                         -            403 200 200
      POST   /api/emission-factors/local/B                         LOCAL_FACTOR 403 -   -
      GET    /api/reports/B/2061                                   -            403 200 200
      POST   /api/reports/B/2061/corrections                       -            403 -   -
      POST   /api/plans                                            PLAN         403 200 200
      """;

  @LocalServerPort
  int port;

  @Value("${camunda.bpm.process-engine-name:default}")
  String engineName;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  ManagementService management;

  @Autowired
  HistoryService history;

  @Autowired
  IdentityService identity;

  @Autowired
  AuthorizationService authorizations;

  @Autowired
  AnnualReportService reports;

  private String task;
  private String instance;
  private String cycle;
  private final Map<String, WebappSession> sessions = new HashMap<>();

  @BeforeAll
  void twoTownsWithTheirCyclesRunning() throws Exception {
    var loaded = Http.as(port, "demo").post("/api/plans", "application/json", plan().getBytes(StandardCharsets.UTF_8));
    assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
    user(B_STAFF, B + "-env-staff");
    user(B_SECRETARIAT, B + "-secretariat");
    auditorOfTownA();

    CycleFixture.startNow(port, runtime, management, YEAR);
    cycle = CycleFixture.startNow(port, runtime, management, B_SECRETARIAT, B, YEAR);
    var draft = CycleFixture.await(tasks, B_DRAFT, TASK_ENTER);
    CycleFixture.await(tasks, A + ":" + YEAR + ":env", TASK_ENTER);
    task = draft.getId();
    instance = draft.getProcessInstanceId();
    DraftReport.prepare(reports, B, YEAR, B_SECRETARIAT);
  }

  /** Town B: two departments of the demo city's codes (so that only the tenant tells the groups' towns apart). */
  private static String plan() {
    return """
        {"municipality": {"code": "%s", "name": "となり町", "baseYear": 2013},
         "departments": [{"code": "env", "name": "環境課"}, {"code": "waste", "name": "ごみ対策課"}],
         "measures": [{"code": "TB-01", "department": "env", "name": "太陽光発電の補助", "sector": "HOUSEHOLD",
                       "kind": "IMPLEMENTATION"},
                      {"code": "TB-02", "department": "waste", "name": "生ごみの減量", "sector": "WASTE",
                       "kind": "IMPLEMENTATION"}],
         "indicators": [{"code": "TB-SOLAR", "name": "太陽光の補助件数", "unit": "件", "measure": "TB-01",
                         "direction": "HIGHER", "baseYear": 2020, "baseValue": 10, "targetYear": 2030, "targetValue": 60}]}
        """.formatted(B);
  }

  private void user(String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      var user = identity.newUser(id);
      user.setFirstName(id);
      user.setLastName("となり町");
      user.setPassword(Http.PASSWORD);
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }

  /** A group of town A's tenant with grants on every task, process instance and definition's history, and Cockpit. */
  private void auditorOfTownA() {
    if (identity.createGroupQuery().groupId(AUDITORS).count() > 0) {
      return;
    }
    var group = identity.newGroup(AUDITORS);
    group.setName("監査");
    identity.saveGroup(group);
    identity.createTenantGroupMembership(A, AUDITORS);
    user(AUDITOR, AUDITORS);
    grant(Resources.TASK, "*", Permissions.READ);
    grant(Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    grant(Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_INSTANCE);
    grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS);
  }

  private void grant(Resources resource, String id, Permission... permissions) {
    var auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    auth.setGroupId(AUDITORS);
    auth.setResource(resource);
    auth.setResourceId(id);
    for (var permission : permissions) {
      auth.addPermission(permission);
    }
    authorizations.saveAuthorization(auth);
  }

  Stream<Arguments> engine() {
    var cases = new ArrayList<Arguments>();
    for (var door : List.of("/engine-rest", "/camunda/api/engine")) {
      for (var line : ENGINE.strip().split("\n")) {
        var cells = line.strip().split("\\s+");
        for (int i = 0; i < USERS.size(); i++) {
          if (!"-".equals(cells[3 + i])) {
            cases.add(Arguments.of(USERS.get(i), door, cells[0], cells[1], cells[2], cells[3 + i]));
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} → {5}")
  @MethodSource("engine")
  void townAsUsersGetNothingOfTownBThroughTheEngine(String user, String door, String method, String path, String body,
      String expected) throws Exception {
    var url = path.replace("{task}", task).replace("{instance}", instance).replace("{cycle}", cycle)
        .replace("B_DRAFT", B_DRAFT).replace("B_CYCLE", B_CYCLE).replace("tenantIdIn=B", "tenantIdIn=" + B);
    var before = snapshot();
    var response = send(user, door, method, url, "-".equals(body) ? null : body(body, user));
    if ("HOLD".equals(expected)) {
      assertThat(response.status()).as(response.toString()).isEqualTo(204);
      tasks.setAssignee(task, null);
      return;
    }
    var parts = expected.split(":");
    assertThat(response.status()).as(user + " " + method + " " + door + url + ": " + response)
        .isEqualTo(Integer.parseInt(parts[0]));
    if (parts.length > 1) {
      var size = parts[1].startsWith("c") ? response.json().path("count").asInt() : response.json().size();
      var wanted = parts[1].replace("c", "");
      if ("+".equals(wanted)) {
        assertThat(size).as(response.toString()).isPositive();
      } else {
        assertThat(size).as(response.toString()).isEqualTo(Integer.parseInt(wanted));
      }
    }
    if (parts[0].equals("403")) {
      // refused for the tenant (TenantRefusals) or for want of a grant, never a server error's wording
      assertThat(response.json().path("type").asText()).as(response.toString()).isEqualTo("AuthorizationException");
    }
    if (parts[0].equals("400") && url.endsWith("/comment/create")) {
      assertThat(response.json().path("message").asText()).as(response.toString()).startsWith("No task found");
    }
    assertThat(snapshot()).as("nothing changed").isEqualTo(before);
  }

  /** What town A's users must not change: the draft's assignee, comments, variables, and the cycle's state. */
  private List<Object> snapshot() {
    var draft = tasks.createTaskQuery().taskId(task).singleResult();
    return List.of(String.valueOf(draft.getAssignee()), tasks.getTaskComments(task).size(),
        runtime.getVariables(instance), runtime.createProcessInstanceQuery().processInstanceId(cycle).count(),
        history.createHistoricTaskInstanceQuery().processInstanceId(instance).finished().count());
  }

  private Http.Response send(String user, String door, String method, String url, String body) throws Exception {
    var contentType = body == null ? null : "application/json";
    var bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    if ("/engine-rest".equals(door)) {
      var prefix = "default".equals(engineName) ? "/engine-rest" : "/engine-rest/engine/" + engineName;
      return Http.as(port, user).send(method, prefix + url, contentType, bytes);
    }
    var session = sessions.get(user);
    if (session == null) {
      session = WebappSession.logIn(port, user, engineName);
      sessions.put(user, session);
    }
    var response = session.send(method, "/api/engine/engine/" + engineName + url, contentType, bytes);
    return new Http.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), null,
        response.body());
  }

  private static String body(String name, String user) {
    return switch (name) {
      case "CLAIM" -> Http.write(Map.of("userId", user));
      case "EMPTY_FORM" -> Http.write(Map.of("variables", Map.of()));
      case "COMMENT" -> Http.write(Map.of("message", "他の町から"));
      default -> throw new IllegalArgumentException(name);
    };
  }

  Stream<Arguments> api() {
    var cases = new ArrayList<Arguments>();
    var townA = USERS.subList(0, 6);
    for (var line : API.strip().split("\n")) {
      var cells = line.strip().split("\\s+");
      for (var user : townA) {
        cases.add(Arguments.of(user, cells[0], cells[1], cells[2], cells[3]));
      }
      if (!"-".equals(cells[4])) {
        cases.add(Arguments.of(B_SECRETARIAT, cells[0], cells[1], cells[2], cells[4]));
      }
      if (!"-".equals(cells[5])) {
        cases.add(Arguments.of("demo", cells[0], cells[1], cells[2], cells[5]));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2} → {4}")
  @MethodSource("api")
  void townAsUsersGetNothingOfTownBThroughTheApi(String user, String method, String path, String body, String expected) {
    var url = path.replace("/B/", "/" + B + "/").replace("/B", "/" + B);
    var before = List.of(reports.versions(B, YEAR).toString(), Http.as(port, "demo").get("/api/indicators/" + B + "/"
        + YEAR).body());
    var response = switch (body) {
      case "-" -> Http.as(port, user).send(method, url, null, null);
      case "CSV" -> Http.as(port, user).post(url, "text/csv",
          "部門,小部門,燃料,活動量,単位,出典,ガス\n家庭,,,3000,t-CO2,県の按分推計,CO2\n".getBytes(StandardCharsets.UTF_8));
      default -> Http.as(port, user).send(method, url, "application/json",
          apiBody(body).getBytes(StandardCharsets.UTF_8));
    };
    assertThat(response.status()).as(user + " " + method + " " + url + ": " + response)
        .isEqualTo(Integer.parseInt(expected));
    if (response.status() >= 400) {
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
    if (USERS.contains(user) && !"demo".equals(user)) {
      assertThat(List.of(reports.versions(B, YEAR).toString(), Http.as(port, "demo").get("/api/indicators/" + B + "/"
          + YEAR).body())).as("nothing changed").isEqualTo(before);
    }
  }

  private static String apiBody(String name) {
    return switch (name) {
      case "CYCLE" -> Http.write(Map.of("municipality", B, "fiscalYear", YEAR));
      case "ACTUAL" -> Http.write(Map.of("value", 20, "source", "町の集計"));
      case "CALCULATION" -> Http.write(Map.of("reason", "初回算定"));
      case "LOCAL_FACTOR" -> Http.write(Map.of("code", "ELECTRICITY", "gas", "CO2", "factor", 0.5, "validFrom", 2059,
          "source", "町の調査"));
      case "PLAN" -> plan();
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** The list of municipalities names only one's own towns; the administrator sees both. */
  @Test
  void eachUserListsOnlyTheirOwnMunicipality() {
    assertThat(codes(Http.as(port, "jimukyoku").get("/api/municipalities").json())).contains(A).doesNotContain(B);
    assertThat(codes(Http.as(port, B_STAFF).get("/api/municipalities").json())).containsExactly(B);
    assertThat(codes(Http.as(port, "demo").get("/api/municipalities").json())).contains(A, B);
  }

  private static List<String> codes(JsonNode list) {
    var codes = new ArrayList<String>();
    list.forEach(m -> codes.add(m.path("code").asText()));
    return codes;
  }

  /**
   * Tasklist's filters, as a logged-in session asks them: town A's department sees its own draft, town B's
   * its own, each nothing of the other town; the auditor's list of every task holds town A's tasks only;
   * the administrator's holds both towns'.
   */
  @Test
  void tasklistsFiltersCountAndListOnlyTheOwnTenantsTasks() throws Exception {
    var filter = filterId("グループのタスク");
    for (var user : List.of("env-staff", B_STAFF)) {
      var session = WebappSession.logIn(port, user, engineName);
      var path = "/api/engine/engine/" + engineName + "/filter/" + filter;
      var list = parse(session.post(path + "/list?firstResult=0&maxResults=200", "{}", "application/json"));
      var count = parse(session.post(path + "/count", "{}", "application/json")).json().path("count").asLong();
      var own = "env-staff".equals(user) ? A : B;
      assertThat(tenants(list.json())).as(user + " " + list).isNotEmpty().containsOnly(own);
      assertThat(count).as(user).isEqualTo(list.json().size());
    }
    // everything the auditor's grants reach: the whole of its own tenant, nothing of the other
    var auditor = WebappSession.logIn(port, AUDITOR, engineName);
    var all = parse(auditor.get("/api/engine/engine/" + engineName + "/task?maxResults=100000"));
    assertThat(tenants(all.json())).as(all.toString()).isNotEmpty().containsOnly(A);
    var ownDraft = parse(WebappSession.logIn(port, B_STAFF, engineName).post("/api/engine/engine/"
        + engineName + "/filter/" + filter + "/list?firstResult=0&maxResults=200", "{}", "application/json"));
    assertThat(ownDraft.json().findValuesAsText("id")).contains(task);
    var auditorCount = Http.as(port, AUDITOR).get(engineRest("/task/count")).json().path("count").asLong();
    assertThat(auditorCount).isEqualTo(tasks.createTaskQuery().tenantIdIn(A).count()).isPositive();
    var admin = Http.as(port, "demo").get(engineRest("/task?tenantIdIn=" + A + "," + B + "&maxResults=100000"));
    assertThat(tenants(admin.json())).contains(A, B);
  }

  /**
   * Cockpit's view: every instance of both towns carries its tenant (an administrator's query by tenant), and
   * town A's auditor, who may open Cockpit and holds grants on every process instance, sees town A's only.
   */
  @Test
  void processInstancesCarryTheirTenantAndANonAdministratorSeesOnlyItsOwn() throws Exception {
    var admin = Http.as(port, "demo");
    var ofB = admin.get(engineRest("/process-instance?tenantIdIn=" + B)).json();
    assertThat(ofB.findValuesAsText("businessKey")).contains(B_CYCLE, B_DRAFT);
    assertThat(tenants(ofB)).containsOnly(B);
    var ofA = admin.get(engineRest("/process-instance?tenantIdIn=" + A)).json();
    assertThat(ofA.findValuesAsText("businessKey")).contains(A + ":" + YEAR, A + ":" + YEAR + ":env");
    assertThat(admin.get(engineRest("/process-instance?withoutTenantId=true")).json().size()).isZero();
    assertThat(tenants(admin.get(engineRest("/history/process-instance?tenantIdIn=" + B)).json())).containsOnly(B);

    var cockpit = WebappSession.logIn(port, AUDITOR, engineName);
    var seen = parse(cockpit.get("/api/engine/engine/" + engineName + "/process-instance?maxResults=100000"))
        .json();
    assertThat(tenants(seen)).containsOnly(A);
    assertThat(seen.findValuesAsText("businessKey")).contains(A + ":" + YEAR).doesNotContain(B_CYCLE);
    var historic = parse(cockpit.get("/api/engine/engine/" + engineName
        + "/history/process-instance?maxResults=100000")).json();
    assertThat(tenants(historic)).containsOnly(A);
    assertThat(Http.as(port, AUDITOR).get(engineRest("/process-instance/count?tenantIdIn=" + B)).json()
        .path("count").asLong()).isZero();
  }

  private String filterId(String name) throws Exception {
    var filters = Http.as(port, "demo").get(engineRest("/filter?name=" + java.net.URLEncoder.encode(name,
        StandardCharsets.UTF_8))).json();
    return filters.get(0).path("id").asText();
  }

  private static List<String> tenants(JsonNode list) {
    var tenants = new ArrayList<String>();
    list.forEach(item -> tenants.add(item.path("tenantId").asText()));
    return tenants;
  }

  private static Http.Response parse(java.net.http.HttpResponse<String> response) {
    return new Http.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), null,
        response.body());
  }

  private String engineRest(String path) {
    return ("default".equals(engineName) ? "/engine-rest" : "/engine-rest/engine/" + engineName) + path;
  }
}
