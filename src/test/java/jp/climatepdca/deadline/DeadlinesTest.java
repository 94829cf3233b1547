package jp.climatepdca.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import jp.climatepdca.assessment.DepartmentSelfAssessmentProcess;
import jp.climatepdca.calendar.BusinessCalendar;
import jp.climatepdca.cycle.CycleStarter;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistPage;
import jp.climatepdca.testing.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Due dates on real tasks through the engine, and the secretariat's overdue list (docs/deadlines.md). Town 961501's
 * plan puts the self-assessment's due date on みどりの日 (2026-05-04, Golden Week): the tasks are due on the next
 * business day, Thursday 05-07 17:00, whatever the diagram's own expression says (05-04 09:00), followed up on
 * 04-24 (five business days before, over 昭和の日). FY2026's tasks are overdue today (the test runs after
 * September 2026), so the timers of 04-01 and 07-01 fire as soon as the cycle starts.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadlinesTest {

  private static final String TOWN = "961501";
  private static final String OTHER_TOWN = "961502";
  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final String PLAN = """
      {"municipality": {"code": "%s", "name": "%s", "baseYear": 2013},
       "departments": [{"code": "kankyo", "name": "環境課"}, {"code": "somu", "name": "総務課"}],
       "measures": [{"code": "M-1", "department": "kankyo", "name": "省エネ診断", "sector": "HOUSEHOLD", "kind": "実施事業"},
                    {"code": "M-2", "department": "somu", "name": "庁舎のLED化", "sector": "COMMERCIAL", "kind": "実施事業"}],
       "governance": {"schedule": {"aprilCheck": "04-01", "selfAssessmentDue": "05-04", "checkDue": "09-22"}}}
      """;

  @LocalServerPort
  int port;

  @Autowired
  CycleStarter starter;

  @Autowired
  TaskService tasks;

  @Autowired
  RuntimeService runtime;

  @Autowired
  RepositoryService repository;

  @Autowired
  BusinessCalendar calendar;

  @BeforeAll
  void twoTownsWithTheirCycles(@Autowired PlanImportService plans, @Autowired IdentityService identity) {
    for (var town : new String[] {TOWN, OTHER_TOWN}) {
      plans.importPlan(new ByteArrayInputStream(PLAN.formatted(town, town.equals(TOWN) ? "ききょう町" : "りんどう村")
          .getBytes(StandardCharsets.UTF_8)));
      starter.start(town, 2026, "test"); // the April timer (2026-04-01) is due: the job executor fires it
      for (var department : new String[] {"kankyo", "somu"}) {
        CycleFixture.await(tasks, town + ":2026:" + department, DepartmentSelfAssessmentProcess.TASK_ENTER);
      }
    }
    TestUsers.add(identity, "dl-jimu", "事務局", "ききょう", TOWN + "-secretariat");
    TestUsers.add(identity, "dl-kankyo", "担当", "ききょう", TOWN + "-kankyo-staff");
    TestUsers.add(identity, "dl-honbu", "本部", "ききょう", TOWN + "-headquarters");
    TestUsers.add(identity, "dl-other-jimu", "事務局", "りんどう", OTHER_TOWN + "-secretariat");
  }

  @Test
  void aDueDateOnAHolidayMovesToTheNextBusinessDayAndTheFollowUpIsFiveBusinessDaysBefore() {
    for (var department : new String[] {"kankyo", "somu"}) {
      var entry = entry(TOWN, department);
      assertThat(entry.getDueDate()).as(department).isEqualTo(at(2026, 5, 7, 17));
      assertThat(entry.getFollowUpDate()).as(department).isEqualTo(at(2026, 4, 24, 9));
    }
  }

  /** A diagram without any date, its task due from a variable: the server's date wins, counted from creation. */
  @Test
  void aTaskWithoutAScheduleStepIsDueTenBusinessDaysAfterItWasCreated() {
    var model = Bpmn.createExecutableProcess("deadline-test").camundaHistoryTimeToLive(1).startEvent()
        .userTask("Task_Anything").name("何かの確認").camundaDueDate("${attackerDue}").endEvent().done();
    var deployment = repository.createDeployment().addModelInstance("deadline-test.bpmn", model).deploy();
    try {
      var instance = runtime.startProcessInstanceByKey("deadline-test", TOWN + ":2026:test",
          java.util.Map.of("attackerDue", at(2099, 1, 1, 9)));
      var task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
      var created = LocalDate.ofInstant(task.getCreateTime().toInstant(), JAPAN);
      var due = calendar.plusBusinessDays(created, 10);
      assertThat(calendar.isBusinessDay(due)).isTrue();
      assertThat(task.getDueDate()).isEqualTo(at(due.getYear(), due.getMonthValue(), due.getDayOfMonth(), 17));
      var followUp = calendar.plusBusinessDays(due, -5);
      assertThat(task.getFollowUpDate())
          .isEqualTo(at(followUp.getYear(), followUp.getMonthValue(), followUp.getDayOfMonth(), 9));
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void theSecretariatSeesEveryOverdueTaskOfItsTownWithDepartmentGroupAndBusinessDaysLate() {
    var answer = Http.as(port, "dl-jimu").get("/api/cycles/" + TOWN + "/2026/overdue");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    var json = answer.json();
    assertThat(json.get("municipalityName").asText()).isEqualTo("ききょう町");
    assertThat(json.get("count").asInt()).isEqualTo(3);
    assertThat(json.get("summary").asText()).isEqualTo("期限超過のタスク 3件");
    var today = LocalDate.now(JAPAN);
    int late = 0;
    for (var day = LocalDate.of(2026, 5, 8); !day.isAfter(today); day = day.plusDays(1)) {
      late += calendar.isBusinessDay(day) ? 1 : 0;
    }
    // the July timer (07-01) has fired too: the secretariat's activity data, due at checkDue 09-22 (国民の休日),
    // moved over 秋分の日 to Thursday 09-24, comes last (most overdue first)
    var activityData = json.get("tasks").get(2);
    assertThat(activityData.get("name").asText()).isEqualTo("活動量データの入力");
    assertThat(activityData.get("dueDay").asText()).isEqualTo("2026-09-24");
    assertThat(activityData.get("department").isNull()).isTrue();
    assertThat(activityData.get("waitingFor").asText()).isEqualTo("ききょう町 事務局（環境政策担当）");
    var departments = new java.util.TreeSet<String>();
    for (var task : java.util.List.of(json.get("tasks").get(0), json.get("tasks").get(1))) {
      assertThat(task.get("name").asText()).startsWith("自己点検・自己評価の入力（");
      assertThat(task.get("businessKey").asText()).startsWith(TOWN + ":2026:");
      assertThat(task.get("dueDay").asText()).isEqualTo("2026-05-07");
      assertThat(task.get("dueLabel").asText()).isEqualTo("2026年5月7日（木）17:00");
      assertThat(task.get("businessDaysOverdue").asInt()).isEqualTo(late);
      assertThat(task.get("overdueLabel").asText()).isEqualTo(late + "営業日超過");
      var department = task.get("department");
      departments.add(department.get("code").asText() + " " + department.get("name").asText());
      assertThat(task.get("candidateGroups").get(0).get("id").asText())
          .isEqualTo(TOWN + "-" + department.get("code").asText() + "-staff");
      assertThat(task.get("waitingFor").asText()).isEqualTo(department.get("name").asText() + " 担当者");
    }
    assertThat(departments).containsExactly("kankyo 環境課", "somu 総務課");
    assertThat(Http.as(port, "dl-jimu").get("/api/cycles/" + TOWN + "/2025/overdue").json().get("count").asInt())
        .as("another year of the town").isZero();
  }

  @Test
  void onlyTheTownsSecretariatAndAnAdministratorGetTheList() {
    var path = "/api/cycles/" + TOWN + "/2026/overdue";
    assertThat(Http.as(port, "demo").get(path).json().get("count").asInt()).as("administrator").isEqualTo(3);
    Http.as(port, "dl-kankyo").get(path).assertProblem(403, "事務局または管理者");
    Http.as(port, "dl-honbu").get(path).assertProblem(403, "事務局または管理者");
    Http.as(port, "dl-other-jimu").get(path).assertProblem(403, "事務局または管理者");
    assertThat(Http.anonymous(port).get(path).status()).isEqualTo(401);
    Http.as(port, "demo").get("/api/cycles/961599/2026/overdue").assertProblem(404, "961599");
    Http.as(port, "dl-jimu").get("/api/cycles/" + TOWN + "/1800/overdue").assertProblem(400);
    Http.as(port, "dl-jimu").get("/api/cycles/" + TOWN + "/abc/overdue").assertProblem(400);
    assertThat(Http.as(port, "dl-other-jimu").get("/api/cycles/" + OTHER_TOWN + "/2026/overdue").json()
        .get("tasks").findValuesAsText("businessKey")).allMatch(key -> key.startsWith(OTHER_TOWN + ":"));
  }

  /**
   * The secretariat's filter 「期限超過」 in a Japanese Chromium: the town's overdue secretariat task with its 期限 and
   * フォローアップ dates in the list, nothing of the other town (same task name, same dates); a department's staff
   * has no such filter.
   */
  @Test
  void theOverdueFilterInTasklistShowsTheTownsOverdueTasksWithTheirDueDates() {
    var browser = Browser.start();
    try {
      var tasklist = new TasklistPage(browser, port);
      tasklist.logIn("dl-jimu");
      var id = tasklist.open("期限超過", "活動量データの入力");
      var own = tasks.createTaskQuery().processInstanceBusinessKey(TOWN + ":2026")
          .taskDefinitionKey("Task_EnterActivityData").singleResult();
      assertThat(id).isEqualTo(own.getId());
      var list = browser.findElement(By.cssSelector("[cam-tasks]")).getText();
      assertThat(list).contains("期限").contains("フォローアップ");
      assertThat(browser.findElements(By.xpath("//*[@cam-tasks]//li[contains(@class, 'task')]"))).as(list).hasSize(1);
      assertThat(tasklist.dueDateText()).contains("2026");
      Browser.keepEvidence(browser, "overdue-filter");
      tasklist.logIn("dl-kankyo");
      assertThat(browser.findElements(By.xpath("//*[contains(@class, 'task-filter')]//h4[@uib-tooltip='期限超過']")))
          .isEmpty();
    } finally {
      browser.quit();
    }
  }

  @Test
  void businessDaysOverdueSkipTheYearEndClosure() {
    var overdue = new OverdueTasks(null, null, null, null, null, calendar);
    assertThat(overdue.businessDaysAfter(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 5))).isEqualTo(3);
    assertThat(overdue.businessDaysAfter(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 7))).isEqualTo(1);
    assertThat(overdue.businessDaysAfter(LocalDate.of(2026, 5, 7), LocalDate.of(2026, 5, 7))).isZero();
  }

  private Task entry(String town, String department) {
    return tasks.createTaskQuery().processInstanceBusinessKey(town + ":2026:" + department)
        .taskDefinitionKey(DepartmentSelfAssessmentProcess.TASK_ENTER).singleResult();
  }

  private static Date at(int year, int month, int day, int hour) {
    return Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(JAPAN).toInstant());
  }
}
