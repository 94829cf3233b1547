package jp.climatepdca.evaluation;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL;
import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_SECRETARIAT_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.LargePlan;
import jp.climatepdca.testing.SecretariatEmissions;
import jp.climatepdca.testing.TasklistClient;
import jp.climatepdca.testing.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationContext;

/**
 * A generated city's cycle of FY2026 (reviews 2025) worked through /engine-rest up to the secretariat's
 * compile check, every department answering as {@link #progress} and {@link #actual} say, so that the review
 * forms have known exceptions:
 * measure 3 of every third department 遅れ, measure 7 of every fifth 未着手, measure 4's indicator of every
 * fourth department 120 (遅れ: the path of 2025 is 150), measure 10's 200 (達成), the others' 160 (順調).
 * Users: {@code <city>-<department>-staff/-head}, {@code <city>-jimukyoku}, {@code -honbu}, {@code -iinkai}.
 */
final class ReviewFormsFixture {

  static final int YEAR = 2026;

  private final int port;
  private final LargePlan plan;
  private final ApplicationContext context;

  ReviewFormsFixture(int port, LargePlan plan, ApplicationContext context) {
    this.port = port;
    this.plan = plan;
    this.context = context;
  }

  String cycle() {
    return plan.municipality() + ":" + YEAR;
  }

  String user(String role) {
    return plan.municipality() + "-" + role;
  }

  static String progress(String measureCode) {
    var department = Integer.parseInt(measureCode.substring(1, 3));
    var measure = Integer.parseInt(measureCode.substring(measureCode.length() - 2));
    if (measure == 3 && department % 3 == 0) {
      return "DELAYED";
    }
    if (measure == 7 && department % 5 == 0) {
      return "NOT_STARTED";
    }
    return measure == 1 ? "COMPLETED" : "ON_TRACK";
  }

  static int actual(String indicatorCode) {
    var department = Integer.parseInt(indicatorCode.substring(1, 3));
    var measure = Integer.parseInt(indicatorCode.substring(5, 7));
    return measure == 4 && department % 4 == 0 ? 120 : measure == 10 ? 200 : 160;
  }

  /** Imports the plan, adds the users, starts the year and works it up to the compile check. */
  void toCompileCheck() {
    context.getBean(PlanImportService.class)
        .importPlan(new ByteArrayInputStream(plan.jsonWithIndicators().getBytes(StandardCharsets.UTF_8)));
    var m = plan.municipality();
    var identity = context.getBean(IdentityService.class);
    for (var d : plan.departmentCodes()) {
      TestUsers.add(identity, user(d + "-staff"), d, "担当者", GroupNames.departmentStaff(m, d));
      TestUsers.add(identity, user(d + "-head"), d, "所属長", GroupNames.departmentHead(m, d));
    }
    TestUsers.add(identity, user("jimukyoku"), "事務局", "点検", GroupNames.secretariat(m));
    TestUsers.add(identity, user("honbu"), "推進本部", "点検", GroupNames.headquarters(m));
    TestUsers.add(identity, user("iinkai"), "推進委員会", "点検", GroupNames.committee(m));
    var started = Http.as(port, user("jimukyoku")).post("/api/cycles", Map.of("municipality", m, "fiscalYear", YEAR));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    CycleFixture.fire(context.getBean(RuntimeService.class), context.getBean(ManagementService.class), cycle(),
        FiscalYearCycleProcess.EVENT_APRIL_CHECK_DATE);
    var secretariat = new TasklistClient(port, user("jimukyoku"));
    for (var d : plan.departmentCodes()) {
      var key = cycle() + ":" + d;
      var staff = new TasklistClient(port, user(d + "-staff"));
      var entry = staff.claim(key, TASK_ENTER);
      var form = staff.form(entry);
      var measures = TasklistClient.rows(form.get("measures"));
      measures.forEach(row -> {
        var progress = progress((String) row.get("measureCode"));
        row.put("progress", progress);
        row.put("achievements", "補助を実施した");
        if (progress.equals("DELAYED") || progress.equals("NOT_STARTED")) {
          row.put("issues", "予算の制約で着手が遅れた");
          row.put("nextSteps", "来年度に前倒しで実施する");
        }
      });
      var indicators = TasklistClient.rows(form.get("indicators"));
      indicators.forEach(row -> {
        row.put("actualValue", actual((String) row.get("indicatorCode")));
        row.put("actualSource", "課の集計");
      });
      staff.complete(entry, Map.of("measures", measures, "indicators", indicators));
      var head = new TasklistClient(port, user(d + "-head"));
      head.complete(head.claim(key, TASK_HEAD_APPROVAL), Map.of("decision", "APPROVE", "comment", ""));
      secretariat.complete(secretariat.claim(key, TASK_SECRETARIAT_REVIEW), Map.of("decision", "APPROVE", "comment", ""));
    }
    CycleFixture.fire(context.getBean(RuntimeService.class), context.getBean(ManagementService.class), cycle(),
        FiscalYearCycleProcess.EVENT_JULY_CALCULATION_DATE);
    SecretariatEmissions.enterAndAccept(secretariat, cycle());
  }
}
