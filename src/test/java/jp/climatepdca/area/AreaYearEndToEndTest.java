package jp.climatepdca.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Http;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue #18's end-to-end test: an area of 18 members (two departments each) through the REST API with the
 * real delegates, every task completed by the users whose task it is, from POST /api/area-cycles to the
 * public page of the area's report listing all 18 members, its PDF and CSV, and every member's cycle ended
 * after its own Action step and publication. Along the way: a late member reminded, the liaison meeting
 * returning one member who hands in again, and a town's users refused the other towns' and the area's tasks.
 */
@AppTest
class AreaYearEndToEndTest {

  private final String area = areaCode();
  private final List<String> members = memberCodes();
  private final int fiscalYear = fiscalYear();

  /** The area, its members (the lead first) and the year: AreaYearEndToEndPostgresTest runs a smaller area. */
  String areaCode() {
    return "area961";
  }

  List<String> memberCodes() {
    return IntStream.rangeClosed(1, 18).mapToObj(i -> String.format("961%03d", 100 + i)).toList();
  }

  int fiscalYear() {
    return 2037;
  }

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  TaskService taskService;

  @Autowired
  HistoryService history;

  /** The members' staff meeting of the year (18市町村担当者会議), run by the area's secretariat. */
  private void staffMeeting(AreaTowns towns) {
    var started = Http.as(port, area + "-jimukyoku").post("/api/areas/" + area + "/staff-meetings",
        Map.of("fiscalYear", fiscalYear, "title", "第1回 担当者会議"));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    var key = started.json().path("businessKey").asText();
    var secretariat = towns.as(area + "-jimukyoku");
    secretariat.complete(secretariat.claim(key, AreaStaffMeetingProcess.TASK_PREPARE_AGENDA), Map.of(
        "plannedOn", fiscalYear + "-05-20", "place", "市役所", "agenda", List.of(Map.of("title", "連絡会議の議題について",
            "materials", ""))));
    var record = secretariat.claim(key, AreaStaffMeetingProcess.TASK_RECORD_MEETING);
    var attendance = jp.climatepdca.testing.TasklistClient.rows(secretariat.form(record).get("attendance"));
    attendance.forEach(row -> row.put("attended", true));
    secretariat.complete(record, Map.of("heldOn", fiscalYear + "-05-20", "attendance", attendance,
        "minutes", "連絡会議の議題を確認した。", "decisions", List.of(Map.of("decision", "太陽光の共同調達を検討する")),
        "setUpWorkingGroup", false));
  }

  @Test
  void anAreaRunsItsYearThroughTheApi() {
    var towns = new AreaTowns(port, List.of("kankyo", "kensetsu"), context);
    var year = new AreaYear(towns, area, members, fiscalYear);
    year.setUp();
    var first = members.get(0);
    var other = members.get(2);

    // a member town's secretariat cannot start the area's year, nor read it
    assertThat(Http.as(port, first + "-jimukyoku").post("/api/area-cycles", Map.of("area", area, "fiscalYear", fiscalYear))
        .status()).isEqualTo(403);
    var instance = year.start();
    var status = Http.as(port, area + "-jimukyoku").get("/api/area-cycles/" + area + "/" + fiscalYear);
    assertThat(status.json().path("members")).hasSize(members.size());
    assertThat(status.json().path("emissionsTotal").isNull()).as("nothing compiled yet").isTrue();
    assertThat(Http.as(port, first + "-jimukyoku").get("/api/area-cycles/" + area + "/" + fiscalYear).status()).isEqualTo(403);

    year.remindLateMember(instance);
    // the area's late-member task was the area secretariat's: no town user saw it
    assertThat(towns.as(year.late + "-jimukyoku").tasks(year.key())).isEmpty();

    assertThat(Http.as(port, first + "-jimukyoku").get("/api/cycles/" + other + "/" + fiscalYear).status()).isIn(403, 404);

    staffMeeting(towns);
    year.membersHandIn();
    var agenda = year.checkCompilation();
    // the agenda pack is the compilation Task_CompileArea stored: the area's total and every member
    assertThat(agenda).contains("圏域合計", "◎【重点事業】AM-01");
    members.forEach(m -> assertThat(agenda).contains("町" + m));

    // the area's total beside every member's, from the compilation
    var compiled = Http.as(port, area + "-jimukyoku").get("/api/area-cycles/" + area + "/" + fiscalYear).json();
    assertThat(compiled.path("emissionsTotal").isNumber()).as(compiled.toString()).isTrue();
    assertThat(compiled.path("members")).allSatisfy(m -> assertThat(m.path("emissionsTotal").isNumber()).isTrue());
    var sum = new java.math.BigDecimal(0);
    for (var m : compiled.path("members")) {
      sum = sum.add(m.path("emissionsTotal").decimalValue());
    }
    assertThat(sum).isEqualByComparingTo(compiled.path("emissionsTotal").decimalValue());

    // the liaison meeting sees the secretariat's agenda and returns one member
    var liaisonForm = year.liaisonMeeting(true);
    assertThat(liaisonForm.get("agendaSummary").asText()).contains("圏域合計");
    // the area's liaison task was never a town's
    var liaisonTask = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(year.key())
        .taskDefinitionKey(AreaCycleProcess.TASK_AREA_LIAISON_MEETING).singleResult().getId();
    assertThat(Http.as(port, first + "-jimukyoku").get(towns.engineRest() + "/history/task?taskId=" + liaisonTask).body())
        .isEqualTo("[]");
    // a town's users see and complete only their own town's tasks: the returned member's compile check
    var returnedKey = year.returned + ":" + fiscalYear;
    var returnedTask = towns.as(year.returned + "-jimukyoku").await(returnedKey, FiscalYearCycleProcess.TASK_COMPILE_CHECK);
    for (var intruder : List.of(first + "-jimukyoku", first + "-kankyo-staff", first + "-honbu")) {
      assertThat(towns.as(intruder).tasks(returnedKey)).as(intruder).isEmpty();
      assertThat(Http.as(port, intruder).post(towns.engineRest() + "/task/" + returnedTask + "/claim",
          Map.of("userId", intruder)).status()).as(intruder).isIn(403, 404);
      assertThat(towns.as(intruder).submit(returnedTask, Map.of("summary", "他の町が書いた総括")).status())
          .as(intruder).isIn(403, 404);
    }
    var notice = year.returnedMemberHandsInAgain();
    assertThat(notice).contains("住宅の省エネ支援の実績件数を記載してください");
    year.checkCompilation();
    year.liaisonMeeting(false);
    year.committeeToApproval();

    // a town's user cannot act on the area's tasks (all done by now) nor reach the compilation
    assertThat(Http.as(port, first + "-jimukyoku").get("/api/area-cycles/" + area + "/" + fiscalYear + "/compilation")
        .status()).isEqualTo(403);

    var actionForms = year.membersFinish();
    // each member's Action step showed the area's decisions on the shared measures it takes part in
    assertThat(actionForms).allSatisfy(form -> assertThat(form.get("areaDecisions").toString())
        .contains("AM-01", "継続", "AM-02", "修正して継続"));
    year.awaitAllEnded();
    for (var m : members) {
      var cycle = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(m + ":" + fiscalYear)
          .processDefinitionKey(FiscalYearCycleProcess.KEY).singleResult();
      assertThat(cycle.getEndTime()).as(m).isNotNull();
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(cycle.getId())
          .activityId(FiscalYearCycleProcess.TASK_ACTION_DECISIONS).finished().count()).as(m).isEqualTo(1);
      assertThat(Http.anonymous(port).get("/public/" + m + "/" + fiscalYear).status()).as(m).isEqualTo(200);
    }
    assertThat(taskService.createTaskQuery().tenantIdIn(area).count()).isZero();

    // the public page lists every member, with the meetings' record, the Action and the returned member
    var page = Http.anonymous(port).get("/public/areas/" + area + "/" + fiscalYear);
    assertThat(page.status()).isEqualTo(200);
    members.forEach(m -> assertThat(page.body()).contains("町" + m));
    var all = members.size() + "/" + members.size() + "団体";
    assertThat(page.body()).contains("各市町村の進捗と圏域の排出量を確認した。", "重点事業を継続する", "出席: " + all,
        "断熱改修の補助を周知してほしい", "ご意見を踏まえて次年度に対応します", "圏域の共通施策の見直し", "修正して継続",
        "バス路線の再編と合わせて検討する", "住宅の省エネ支援の実績件数を記載してください", "再提出済み",
        "担当者会議の開催状況", "第1回", "連絡会議の議題について", "太陽光の共同調達を検討する");
    var pdf = Http.anonymous(port).get("/public/areas/" + area + "/" + fiscalYear + ".pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.contentType()).startsWith("application/pdf");
    var csv = Http.anonymous(port).get("/public/areas/" + area + "/" + fiscalYear + ".csv");
    assertThat(csv.status()).isEqualTo(200);
    members.forEach(m -> assertThat(csv.body()).contains("町" + m));
    assertThat(csv.body().getBytes(StandardCharsets.UTF_8).length).isPositive();
  }
}
