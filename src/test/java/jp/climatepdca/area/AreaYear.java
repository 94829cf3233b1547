package jp.climatepdca.area;

import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_ACTION_DECISIONS;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMPILE_CHECK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.climatepdca.publication.AnnualReportPublicationProcess;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;

/**
 * A whole area year through the REST API with the real delegates, each step by the users whose step it is:
 * every town's departments, secretariat and headquarters up to the hand-in (AreaTowns), the area's
 * secretariat for a late member (reminded, then it hands in), the compilation check, the liaison meeting
 * returning one member who hands in again, the committee's opinions, the responses, the area's Action, the
 * approval; then every town's own Action step and publication. Used by AreaYearEndToEndTest (H2, a few
 * departments) and AreaYearBenchmark (PostgreSQL, 18 × 8). Tenant checks are the test's, not here.
 */
final class AreaYear {

  final String area;
  final List<String> members;
  final int year;
  final AreaTowns towns;
  final String late;
  final String returned;
  private final RuntimeService runtime;
  private final ManagementService management;

  AreaYear(AreaTowns towns, String area, List<String> members, int year) {
    this.towns = towns;
    this.area = area;
    this.members = members;
    this.year = year;
    this.late = members.get(members.size() - 1);
    this.returned = members.get(1);
    this.runtime = towns.context().getBean(RuntimeService.class);
    this.management = towns.context().getBean(ManagementService.class);
  }

  /** The members' plans and users, the area file (two shared measures, one a key project) and the area's users. */
  void setUp() {
    members.forEach(m -> towns.town(m, area));
    towns.area(area, "結合試験連携都市圏" + area, members.get(0), members, List.of(
        AreaTowns.implementedByAll("AM-01", "住宅の省エネルギー化", true, members),
        Map.of("code", "AM-02", "name", "公共交通の利用促進", "sector", "TRANSPORT", "keyProject", false, "members",
            members.stream().map(m -> Map.of("municipality", m, "kind", "STUDY", "measure", "M-02")).toList())));
  }

  String key() {
    return area + ":" + year;
  }

  TasklistClient secretariat() {
    return towns.as(area + "-jimukyoku");
  }

  /** POST /api/area-cycles as the area's secretariat; the area cycle's process instance. */
  String start() {
    var started = Http.as(towns.port(), area + "-jimukyoku").post("/api/area-cycles",
        Map.of("area", area, "fiscalYear", year));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    assertThat(started.location()).isEqualTo("/api/area-cycles/" + area + "/" + year);
    return started.json().path("processInstanceId").asText();
  }

  /** The deadline passes for the late member (its timer fired now), and the secretariat reminds it. */
  void remindLateMember(String instance) {
    var timers = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery()
        .processInstanceId(instance).timers().activityId(AreaCycleProcess.EVENT_RESULT_DEADLINE).list(),
        jobs -> jobs.size() == members.size());
    var timer = timers.stream().filter(j -> late.equals(runtime.getVariable(j.getExecutionId(), AreaCycleProcess.MEMBER)))
        .findFirst().orElseThrow();
    management.executeJob(timer.getId());
    var secretariat = secretariat();
    var task = secretariat.claim(key(), AreaCycleProcess.TASK_HANDLE_LATE_MEMBER);
    secretariat.complete(task, Map.of("lateDecision", "REMIND", "newDeadline", (year) + "-11-15",
        "lateNote", "11月15日までの提出を電話で依頼した"));
  }

  /** Every member but the late one hands in (each town's own users), then the late one. */
  void membersHandIn() {
    members.stream().filter(m -> !m.equals(late)).forEach(m -> towns.handsIn(m, year));
    towns.handsIn(late, year);
  }

  /** The secretariat checks the compilation; the agenda pack starts from it. Returns the agenda as shown. */
  String checkCompilation() {
    var secretariat = secretariat();
    var task = secretariat.claim(key(), AreaCycleProcess.TASK_CHECK_AREA_COMPILATION);
    var agenda = secretariat.form(task).get("agendaSummary").asText();
    secretariat.complete(task, Map.of("agendaSummary", agenda));
    return agenda;
  }

  /** The liaison meeting: everyone attends; it returns {@link #returned} with a comment, or accepts. */
  Map<String, com.fasterxml.jackson.databind.JsonNode> liaisonMeeting(boolean returnOne) {
    var liaison = towns.as(area + "-renraku");
    var task = liaison.claim(key(), AreaCycleProcess.TASK_AREA_LIAISON_MEETING);
    var form = liaison.form(task);
    var attendance = TasklistClient.rows(form.get("attendance"));
    attendance.forEach(row -> {
      row.put("attended", true);
      row.put("attendee", "環境担当課長");
    });
    var fields = new java.util.LinkedHashMap<String, Object>(Map.of("attendance", attendance,
        "minutes", "各市町村の進捗と圏域の排出量を確認した。", "decisions", "重点事業を継続する\n公共交通の検討を進める"));
    if (returnOne) {
      fields.putAll(Map.of("outcome", "RETURN_MEMBER", "returnedMember", returned,
          "returnComment", "住宅の省エネ支援の実績件数を記載してください"));
    } else {
      fields.put("outcome", "ACCEPT");
    }
    liaison.complete(task, fields);
    return form;
  }

  /** The returned member's secretariat reads the comment, compiles again, its headquarters approves again. */
  String returnedMemberHandsInAgain() {
    var secretariat = towns.as(returned + "-jimukyoku");
    var task = secretariat.claim(returned + ":" + year, TASK_COMPILE_CHECK);
    var notice = secretariat.form(task).get("returnNotice").asText();
    secretariat.complete(task, Map.of("summary", returned + " の点検・評価の総括（実績件数を追記）"));
    towns.opinionWindowCloses(returned, year);
    towns.headquartersApproves(returned, year);
    return notice;
  }

  /** The committee's two opinions, the secretariat's responses, the area's Action and its approval. */
  void committeeToApproval() {
    var committee = towns.as(area + "-iinkai");
    committee.complete(committee.claim(key(), AreaCycleProcess.TASK_AREA_COMMITTEE_OPINIONS), Map.of("opinions", List.of(
        Map.of("subject", "AM-01", "member", "学識経験者", "opinion", "断熱改修の補助を周知してほしい"),
        Map.of("subject", "", "member", "市民代表", "opinion", "圏域の排出量をわかりやすく公表してほしい")),
        "noOpinions", false));
    var secretariat = secretariat();
    var respond = secretariat.claim(key(), AreaCycleProcess.TASK_RESPOND_TO_OPINIONS);
    var responses = TasklistClient.rows(secretariat.form(respond).get("responses"));
    responses.forEach(row -> row.put("response", "ご意見を踏まえて次年度に対応します（" + row.get("subject") + "）"));
    secretariat.complete(respond, Map.of("responses", responses));
    var action = secretariat.claim(key(), AreaCycleProcess.TASK_AREA_ACTION_DECISIONS);
    var measures = TasklistClient.rows(secretariat.form(action).get("measures"));
    measures.forEach(row -> {
      var modify = "AM-02".equals(row.get("measureCode"));
      row.put("decision", modify ? "MODIFY" : "CONTINUE");
      row.put("reason", modify ? "バス路線の再編と合わせて検討する" : "計画どおり進んでいる");
    });
    secretariat.complete(action, Map.of("measures", measures));
    var approve = secretariat.claim(key(), AreaCycleProcess.TASK_APPROVE_AREA_REPORT);
    // the check box as Tasklist sends it: a Boolean (TasklistClient sends text fields)
    var approved = Http.as(towns.port(), area + "-jimukyoku").post(towns.engineRest() + "/task/" + approve + "/submit-form",
        Map.of("variables", Map.of("approved", Map.of("value", true, "type", "Boolean"),
            "approvalNote", Map.of("value", "", "type", "String"))));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(204);
  }

  /** After the area's decisions: every member's own Action step and publication by its own users. */
  List<Map<String, com.fasterxml.jackson.databind.JsonNode>> membersFinish() {
    var actionForms = new ArrayList<Map<String, com.fasterxml.jackson.databind.JsonNode>>();
    for (var m : members) {
      var cycle = m + ":" + year;
      var secretariat = towns.as(m + "-jimukyoku");
      var action = secretariat.claim(cycle, TASK_ACTION_DECISIONS);
      var form = secretariat.form(action);
      actionForms.add(form);
      var rows = TasklistClient.rows(form.get("measures"));
      rows.forEach(row -> row.put("decision", "CONTINUE"));
      secretariat.complete(action, Map.of("measures", rows));
      var reportKey = cycle + AnnualReportPublicationProcess.BUSINESS_KEY_SUFFIX;
      var prepare = secretariat.claim(reportKey, AnnualReportPublicationProcess.TASK_PREPARE_REPORT);
      var opinions = secretariat.form(prepare).get("responses");
      var responses = opinions == null ? List.<Map<String, Object>>of() : TasklistClient.rows(opinions);
      secretariat.complete(prepare, Map.of("summary", m + " の年次報告", "changeNote", "", "responses", responses));
      var headquarters = towns.as(m + "-honbu");
      headquarters.complete(headquarters.claim(reportKey, AnnualReportPublicationProcess.TASK_APPROVE_PUBLICATION),
          Map.of("decision", "APPROVE", "comment", ""));
      secretariat.complete(secretariat.claim(reportKey, AnnualReportPublicationProcess.TASK_PUBLISH_REPORT),
          Map.of("decision", "APPROVE", "comment", ""));
    }
    return actionForms;
  }

  /** Waits until no process instance of the area's year or any member's year runs (their jobs done). */
  void awaitAllEnded() {
    var keys = new ArrayList<String>(List.of(key()));
    members.forEach(m -> keys.add(m + ":" + year));
    Awaitility.await("every cycle of " + key() + " ends").atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200)).until(() -> keys.stream()
            .allMatch(k -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(k).count() == 0));
  }

  /** Completed user tasks of the year in the area's and the members' tenants. */
  long completedTasks() {
    var history = towns.context().getBean(HistoryService.class);
    var tenants = new ArrayList<>(members);
    tenants.add(area);
    return history.createHistoricTaskInstanceQuery().tenantIdIn(tenants.toArray(String[]::new)).finished().count();
  }
}
