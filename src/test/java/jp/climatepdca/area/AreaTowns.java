package jp.climatepdca.area;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_SECRETARIAT_REVIEW;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMPILE_CHECK;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_HEADQUARTERS_EVALUATION;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.SecretariatEmissions;
import jp.climatepdca.testing.TasklistClient;
import jp.climatepdca.testing.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationContext;

/**
 * The member towns of an area test: each town's plan (one measure {@code M-01}, {@code M-02}, … per
 * department) and users ({@code <town>-<dept>-staff|head}, {@code -jimukyoku}, {@code -honbu}), and a town's
 * year up to its headquarters' approval completed by those users through /engine-rest.
 */
record AreaTowns(int port, List<String> departments, ApplicationContext context) {

  /**
   * The area file, loaded by an administrator through POST /api/areas (its tenant and groups come with
   * it; the towns' plans here name no area, and a lead's secretariat may list only towns whose plans name
   * the area: AreaSecurityTest), and a user for each of the area's secretariat, liaison meeting and committee
   * ({@code <area>-jimukyoku}, {@code -renraku}, {@code -iinkai}).
   */
  void area(String code, String name, String lead, List<String> members, List<Map<String, Object>> measures) {
    var loaded = Http.as(port, "demo").post("/api/areas", areaFile(code, name, lead, members, measures));
    assertThat(loaded.status()).as(loaded.toString()).isIn(200, 201);
    user(code + "-jimukyoku", GroupNames.secretariat(code));
    user(code + "-renraku", GroupNames.liaison(code));
    user(code + "-iinkai", GroupNames.committee(code));
  }

  /** The area file of {@link #area}: plan period 2030–2040, results due 10-31. */
  static Map<String, Object> areaFile(String code, String name, String lead, List<String> members,
      List<Map<String, Object>> measures) {
    return Map.of(
        "area", Map.of("code", code, "name", name, "lead", lead, "firstYear", 2030, "lastYear", 2040,
            "baseYear", 2013, "resultDeadline", "10-31"),
        "members", members.stream().map(m -> Map.of("code", m)).toList(),
        "measures", measures);
  }

  /** A shared measure every member implements with its own {@code M-01}. */
  static Map<String, Object> implementedByAll(String code, String name, boolean keyProject, List<String> members) {
    return Map.of("code", code, "name", name, "sector", "HOUSEHOLD", "keyProject", keyProject, "members",
        members.stream().map(m -> Map.of("municipality", m, "kind", "IMPLEMENTATION", "measure", "M-01")).toList());
  }

  void town(String code) {
    town(code, null);
  }

  /** The town, its plan naming its area ({@code municipality.area}), which an area file listing it requires. */
  void town(String code, String area) {
    var departmentList = new ArrayList<Map<String, Object>>();
    var measures = new ArrayList<Map<String, Object>>();
    for (var i = 0; i < departments.size(); i++) {
      var d = departments.get(i);
      departmentList.add(Map.of("code", d, "name", d + "課"));
      var measure = new LinkedHashMap<String, Object>();
      measure.put("code", String.format("M-%02d", i + 1));
      measure.put("department", d);
      measure.put("name", i == 0 ? "住宅の省エネ支援" : "公共交通の利用促進（" + d + "）");
      measure.put("sector", i == 0 ? "HOUSEHOLD" : "TRANSPORT");
      measure.put("kind", "IMPLEMENTATION");
      measures.add(measure);
    }
    context.getBean(PlanImportService.class).importPlan(new ByteArrayInputStream(Http.write(Map.of(
        "municipality", area == null ? Map.of("code", code, "name", "町" + code, "baseYear", 2013)
            : Map.of("code", code, "name", "町" + code, "baseYear", 2013, "area", area),
        "departments", departmentList, "measures", measures)).getBytes(StandardCharsets.UTF_8)));
    for (var d : departments) {
      user(code + "-" + d + "-staff", GroupNames.departmentStaff(code, d));
      user(code + "-" + d + "-head", GroupNames.departmentHead(code, d));
    }
    user(code + "-jimukyoku", GroupNames.secretariat(code));
    user(code + "-honbu", GroupNames.headquarters(code));
  }

  void user(String id, String group) {
    TestUsers.add(context.getBean(IdentityService.class), id, id, "試験", group);
  }

  TasklistClient as(String user) {
    return new TasklistClient(port, user, engineRest());
  }

  /**
   * /engine-rest of this context's engine: the plain address serves the engine named "default", which a
   * context on PostgreSQL (an engine of its own name, engines being JVM-wide) does not own.
   */
  String engineRest() {
    var name = context.getBean(org.camunda.bpm.engine.ProcessEngine.class).getName();
    return "default".equals(name) ? "/engine-rest" : "/engine-rest/engine/" + name;
  }

  /** A town's year up to headquarters' approval, by its own users; the hand-in to its area follows as a job. */
  void handsIn(String town, int year) {
    var cycle = town + ":" + year;
    var runtime = context.getBean(RuntimeService.class);
    var management = context.getBean(ManagementService.class);
    var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(cycle)
        .processDefinitionKey(FiscalYearCycleProcess.KEY).singleResult();
    for (var timer : List.of(FiscalYearCycleProcess.EVENT_APRIL_CHECK_DATE,
        FiscalYearCycleProcess.EVENT_JULY_CALCULATION_DATE)) {
      management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).timers()
          .activityId(timer).singleResult().getId());
    }
    var secretariat = as(town + "-jimukyoku");
    for (var d : departments) {
      var key = cycle + ":" + d;
      var staff = as(town + "-" + d + "-staff");
      var entry = staff.claim(key, TASK_ENTER);
      var rows = TasklistClient.rows(staff.form(entry).get("measures"));
      rows.forEach(row -> {
        row.put("progress", "ON_TRACK");
        row.put("achievements", row.get("measureName") + "を計画どおり実施した");
      });
      staff.complete(entry, Map.of("measures", rows));
      var head = as(town + "-" + d + "-head");
      head.complete(head.claim(key, TASK_HEAD_APPROVAL), Map.of("decision", "APPROVE", "comment", ""));
      secretariat.complete(secretariat.claim(key, TASK_SECRETARIAT_REVIEW), Map.of("decision", "APPROVE", "comment", ""));
    }
    SecretariatEmissions.enterAndAccept(secretariat, cycle);
    secretariat.complete(secretariat.claim(cycle, TASK_COMPILE_CHECK), Map.of("summary", town + " の点検・評価の総括"));
    opinionWindowCloses(town, year);
    headquartersApproves(town, year);
  }

  /**
   * The citizens' opinion window of a far year is still open when the Check forks (docs/opinion-triage.md): its
   * close is fired here as on its day; with no opinion there is no triage and the Check goes on to the area.
   */
  void opinionWindowCloses(String town, int year) {
    var runtime = context.getBean(RuntimeService.class);
    var management = context.getBean(ManagementService.class);
    var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(town + ":" + year)
        .processDefinitionKey(FiscalYearCycleProcess.KEY).singleResult();
    management.createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(FiscalYearCycleProcess.EVENT_OPINION_WINDOW_CLOSED).list()
        .forEach(timer -> management.executeJob(timer.getId()));
  }

  void headquartersApproves(String town, int year) {
    var headquarters = as(town + "-honbu");
    headquarters.complete(headquarters.claim(town + ":" + year, TASK_HEADQUARTERS_EVALUATION),
        Map.of("decision", "APPROVE", "comment", "", "evaluation", "庁内評価: 概ね順調"));
  }
}
