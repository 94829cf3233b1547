package jp.climatepdca.taskdraft;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import jp.climatepdca.testing.TestUsers;
import jp.climatepdca.testing.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drafts of a task's form on the server (docs/tasklist.md, "Drafts on the server") through the Tasklist session,
 * as custom/task-drafts.js sends them: a department saves, a colleague of the same group sees who saved it,
 * nobody else reads or writes it (another department, another town, a colleague outside the group, a colleague
 * while the task is claimed, no login, a foreign page, no CSRF token), bad and oversized bodies are refused, and
 * in every refusal the stored draft stays as it was; the draft never becomes a variable and goes when the task is
 * completed or deleted. Towns 963501 (kankyo, kotsu) and 963502; fiscal year 2031.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaskDraftApiTest {

  static final String TOWN = "963501";
  static final String OTHER_TOWN = "963502";
  static final int YEAR = 2031;
  private static final String KEY = TOWN + ":" + YEAR + ":kankyo";
  private static final String STAFF = TOWN + "-kankyo-staff";
  private static final String COLLEAGUE = TOWN + "-kankyo-staff2";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  PlanImportService plans;

  @Autowired
  IdentityService identity;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  TaskService tasks;

  @Autowired
  JdbcTemplate db;

  private String entry;

  @BeforeAll
  void townsWithTheirCyclesOpen() {
    for (var town : List.of(TOWN, OTHER_TOWN)) {
      town(town);
      CycleFixture.startNow(port, runtime, management, town + "-jimukyoku", town, YEAR);
    }
    TestUsers.add(identity, COLLEAGUE, "kankyo", "担当二", GroupNames.departmentStaff(TOWN, "kankyo"));
    entry = new TasklistClient(port, STAFF).await(KEY, TASK_ENTER);
  }

  private void town(String code) {
    var plan = """
        {"municipality": {"code": "%s", "name": "町%s", "baseYear": 2013},
         "departments": [{"code": "kankyo", "name": "環境課"}, {"code": "kotsu", "name": "交通課"}],
         "measures": [
           {"code": "M-01", "department": "kankyo", "name": "住宅用太陽光発電の補助", "sector": "HOUSEHOLD",
            "kind": "IMPLEMENTATION"},
           {"code": "M-02", "department": "kotsu", "name": "公共交通の利用促進", "sector": "TRANSPORT",
            "kind": "IMPLEMENTATION"},
           {"code": "M-03", "department": "kankyo", "name": "省エネ診断の普及", "sector": "COMMERCIAL",
            "kind": "STUDY"}]}
        """.formatted(code, code);
    plans.importPlan(new ByteArrayInputStream(plan.getBytes(StandardCharsets.UTF_8)));
    for (var d : List.of("kankyo", "kotsu")) {
      TestUsers.add(identity, code + "-" + d + "-staff", d, "担当", GroupNames.departmentStaff(code, d));
      TestUsers.add(identity, code + "-" + d + "-head", d, "所属長", GroupNames.departmentHead(code, d));
    }
    TestUsers.add(identity, code + "-jimukyoku", "事務局", "担当", GroupNames.secretariat(code));
  }

  static String path(String taskId) {
    return "/api/climate-pdca/task-drafts/" + taskId;
  }

  /** The values form-js would save of a half-filled self-assessment: the first measure's row filled in. */
  private static String halfFilled(String achievements) {
    return """
        {"measures": [
          {"measureCode": "M-01", "measureName": "住宅用太陽光発電の補助", "progress": "DELAYED",
           "achievements": "%s", "issues": null, "nextSteps": null},
          {"measureCode": "M-03", "measureName": "省エネ診断の普及", "progress": null,
           "achievements": null, "issues": null, "nextSteps": null}]}
        """.formatted(achievements);
  }

  private static HttpResponse<String> put(WebappSession session, String taskId, String json) throws Exception {
    return session.send("PUT", path(taskId), "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private Map<String, Object> stored() {
    return db.queryForMap("select task_id, tenant_id, saved_by, form_values from task_draft where task_id = ?", entry);
  }

  @Test
  @Order(1)
  void theDepartmentSavesAndAColleagueOfTheGroupSeesWhoSavedItAndWhen() throws Exception {
    var staff = WebappSession.logIn(port, STAFF);
    assertThat(staff.get(path(entry)).statusCode()).as("no draft yet").isEqualTo(204);

    var saved = put(staff, entry, halfFilled("説明会を2回開催した"));

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(json(saved).path("message").asText()).matches("下書きを保存しました（kankyo 担当・\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}）");
    var row = stored();
    assertThat(row.get("tenant_id")).isEqualTo(TOWN);
    assertThat(row.get("saved_by")).isEqualTo(STAFF);

    var seen = WebappSession.logIn(port, COLLEAGUE).get(path(entry));
    assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
    var draft = json(seen);
    assertThat(draft.path("savedBy").asText()).isEqualTo(STAFF);
    assertThat(draft.path("savedByName").asText()).isEqualTo("kankyo 担当");
    assertThat(draft.path("savedAtText").asText()).matches("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}");
    assertThat(draft.path("values")).isEqualTo(JSON.readTree(halfFilled("説明会を2回開催した")));
    assertThat(seen.headers().firstValue("Cache-Control")).hasValue("no-store");

    // a draft is no variable: the task's form still shows what the engine holds
    var variables = tasks.getVariables(entry);
    assertThat(JSON.writeValueAsString(variables)).doesNotContain("説明会を2回開催した");
    assertThat(variables).doesNotContainKey("task_draft");

    // the colleague saves over it: one draft per task, the last one counts
    var over = put(WebappSession.logIn(port, COLLEAGUE), entry, halfFilled("説明会を3回開催した"));
    assertThat(over.statusCode()).as(over.body()).isEqualTo(200);
    assertThat(stored().get("saved_by")).isEqualTo(COLLEAGUE);
    assertThat(db.queryForObject("select count(*) from task_draft where task_id = ?", Integer.class, entry)).isEqualTo(1);
  }

  @Test
  @Order(2)
  void nobodyElseReadsOrWritesTheDraftAndARefusalStoresNothing() throws Exception {
    var before = stored();
    var hostile = halfFilled("書き換えた");
    record Refused(String who, HttpResponse<String> response, int status, String words) {}
    var otherDepartment = WebappSession.logIn(port, TOWN + "-kotsu-staff");
    var otherTown = WebappSession.logIn(port, OTHER_TOWN + "-kankyo-staff");
    var head = WebappSession.logIn(port, TOWN + "-kankyo-head");
    var secretariat = WebappSession.logIn(port, TOWN + "-jimukyoku");
    var staff = WebappSession.logIn(port, STAFF);
    var big = "{\"measures\": \"" + "あ".repeat(90_000) + "\"}";
    var refused = List.of(
        new Refused("another department reads", otherDepartment.get(path(entry)), 404, "見つかりません"),
        new Refused("another department writes", put(otherDepartment, entry, hostile), 404, "見つかりません"),
        new Refused("another department discards", otherDepartment.send("DELETE", path(entry), null, null), 404, "見つかりません"),
        new Refused("another town reads", otherTown.get(path(entry)), 404, "見つかりません"),
        new Refused("another town writes", put(otherTown, entry, hostile), 404, "見つかりません"),
        new Refused("another town discards", otherTown.send("DELETE", path(entry), null, null), 404, "見つかりません"),
        new Refused("the department head (not the task's group) writes", put(head, entry, hostile), 404, "見つかりません"),
        new Refused("the secretariat writes", put(secretariat, entry, hostile), 404, "見つかりません"),
        new Refused("no login reads", anonymousGet(), 401, "ログインが必要です"),
        new Refused("HTTP Basic is no Tasklist login", basicGet(), 401, "ログインが必要です"),
        new Refused("a foreign page", WebappSession.logIn(port, STAFF).from("https://evil.example")
            .send("PUT", path(entry), "application/json", hostile.getBytes(StandardCharsets.UTF_8)), 403, ""),
        // Camunda's filter ends a session that sent no token: each in a session of its own
        new Refused("no CSRF token", WebappSession.logIn(port, STAFF).send("PUT", path(entry), "application/json",
            hostile.getBytes(StandardCharsets.UTF_8), false), 403, ""),
        new Refused("no CSRF token discards", WebappSession.logIn(port, STAFF).send("DELETE", path(entry), null, null,
            false), 403, ""),
        new Refused("over 256 KB", put(staff, entry, big), 413, "256 KB 以下"),
        new Refused("not JSON", put(staff, entry, "measures=1"), 400, "JSON"),
        new Refused("a list, not the form's object", put(staff, entry, "[1, 2]"), 400, "JSON オブジェクト"),
        new Refused("a key twice", put(staff, entry, "{\"a\": 1, \"a\": 2}"), 400, "2回以上"),
        new Refused("an empty body", put(staff, entry, ""), 400, "JSON"),
        new Refused("a variable the form's text shows", put(staff, entry, "{\"departmentName\": \"偽の課\"}"), 400,
            "「departmentName」はこのフォームの項目ではありません"),
        new Refused("an unknown task", put(staff, "no-such-task", hostile), 404, "見つかりません"));
    for (var r : refused) {
      assertThat(r.response().statusCode()).as(r.who() + ": " + r.response().body()).isEqualTo(r.status());
      assertThat(r.response().body()).as(r.who()).contains(r.words());
    }
    assertThat(big.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(TaskDrafts.MAX_BYTES);
    assertThat(stored()).as("the draft as it was").isEqualTo(before);
    assertThat(db.queryForObject("select count(*) from task_draft where task_id = 'no-such-task'", Integer.class)).isZero();
  }

  private HttpResponse<String> anonymousGet() throws Exception {
    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://localhost:" + port + "/camunda" + path(entry))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The staff's password as HTTP Basic, as /api takes it: the drafts take only the Tasklist login. */
  private HttpResponse<String> basicGet() throws Exception {
    var basic = java.util.Base64.getEncoder().encodeToString((STAFF + ":" + Http.PASSWORD).getBytes(StandardCharsets.UTF_8));
    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://localhost:" + port + "/camunda" + path(entry)))
        .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(3)
  void whileTheTaskIsClaimedOnlyItsAssigneeWorksOnTheDraft() throws Exception {
    tasks.claim(entry, COLLEAGUE);
    try {
      var staff = WebappSession.logIn(port, STAFF);
      var read = staff.get(path(entry));
      assertThat(read.statusCode()).as(read.body()).isEqualTo(403);
      assertThat(read.body()).contains("別の担当者が引き受けています");
      var write = put(staff, entry, halfFilled("横から書いた"));
      assertThat(write.statusCode()).as(write.body()).isEqualTo(403);
      assertThat(write.body()).contains("下書きを保存できるのは担当者だけです");
      assertThat(stored().get("form_values").toString()).doesNotContain("横から書いた");
      assertThat(WebappSession.logIn(port, COLLEAGUE).get(path(entry)).statusCode()).isEqualTo(200);
    } finally {
      tasks.setAssignee(entry, null);
    }
  }

  @Test
  @Order(4)
  void aDraftNearTheLimitIsKeptWholeAndDiscardingRemovesTheDraft() throws Exception {
    var staff = WebappSession.logIn(port, STAFF);
    // 85,000 Japanese characters: 249 KB of UTF-8, just under the 256 KB limit
    var large = halfFilled("長".repeat(85_000));
    assertThat(large.getBytes(StandardCharsets.UTF_8).length).isBetween(240 * 1024, TaskDrafts.MAX_BYTES);
    var saved = put(staff, entry, large);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(json(staff.get(path(entry))).path("values")).isEqualTo(JSON.readTree(large));

    var discarded = staff.send("DELETE", path(entry), null, null);
    assertThat(discarded.statusCode()).as(discarded.body()).isEqualTo(204);
    assertThat(staff.get(path(entry)).statusCode()).isEqualTo(204);
    assertThat(db.queryForObject("select count(*) from task_draft where task_id = ?", Integer.class, entry)).isZero();
    // discarding nothing is no error
    assertThat(staff.send("DELETE", path(entry), null, null).statusCode()).isEqualTo(204);
  }

  @Test
  @Order(5)
  void completingTheTaskRemovesItsDraftButARefusedCompletionKeepsIt() throws Exception {
    var staff = WebappSession.logIn(port, STAFF);
    assertThat(put(staff, entry, halfFilled("下書きの文")).statusCode()).isEqualTo(200);
    var client = new TasklistClient(port, STAFF);
    var rows = TasklistClient.rows(client.form(entry).get("measures"));
    // a completion the task's listener refuses (no 進捗状況) rolls back, and the draft with it stays
    var refused = client.submit(entry, Map.of("measures", rows));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(db.queryForObject("select count(*) from task_draft where task_id = ?", Integer.class, entry)).isEqualTo(1);
    for (var row : rows) {
      row.put("progress", "ON_TRACK");
      row.put("achievements", "完了時に入力した文");
    }
    client.complete(entry, Map.of("measures", rows));

    assertThat(db.queryForObject("select count(*) from task_draft where task_id = ?", Integer.class, entry)).isZero();
    var saved = db.queryForList("select achievements from self_assessment where municipality_code = ? and fiscal_year = ?"
        + " and department_code = 'kankyo'", String.class, TOWN, YEAR);
    assertThat(saved).containsOnly("完了時に入力した文");
    assertThat(staff.get(path(entry)).statusCode()).as("the task has ended").isEqualTo(404);
  }

  @Test
  @Order(6)
  void aTaskDeletedWithItsProcessTakesItsDraftAlongEvenWhenListenersAreSkipped() throws Exception {
    var otherKey = OTHER_TOWN + ":" + YEAR + ":kankyo";
    var task = new TasklistClient(port, OTHER_TOWN + "-kankyo-staff").await(otherKey, TASK_ENTER);
    var saved = put(WebappSession.logIn(port, OTHER_TOWN + "-kankyo-staff"), task, halfFilled("消える下書き"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);

    var cycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(OTHER_TOWN + ":" + YEAR).singleResult();
    runtime.deleteProcessInstance(cycle.getId(), "テストで取り消し", true);

    assertThat(db.queryForObject("select count(*) from task_draft where task_id = ?", Integer.class, task)).isZero();
  }
}
