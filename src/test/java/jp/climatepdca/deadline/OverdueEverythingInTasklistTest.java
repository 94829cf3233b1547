package jp.climatepdca.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import jp.climatepdca.assessment.DepartmentSelfAssessmentProcess;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistPage;
import jp.climatepdca.testing.TestUsers;
import jp.climatepdca.testing.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The secretariat sees everything overdue at a glance in Tasklist (「期限超過（全部署）」, GET
 * /camunda/api/climate-pdca/overdue with the Tasklist session): its town's overdue tasks, the departments'
 * included, not another town's, and still none of a department's draft through the engine. A department sees no
 * such entry, is refused the address and sees only its own tasks. Towns 963621 (環境課, 都市計画課) and 963622.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverdueEverythingInTasklistTest {

  private static final String TOWN = "963621";
  private static final String OTHER_TOWN = "963622";
  private static final int YEAR = 2061;
  private static final String PATH = "/api/climate-pdca/overdue";

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  TaskService tasks;

  @Autowired
  ManagementService management;

  @Autowired
  IdentityService identity;

  private String kankyoTask;
  private String toshiTask;
  private WebDriver browser;

  @BeforeAll
  void towns() {
    load(TOWN, "ふじ町", List.of(Map.of("code", "kankyo", "name", "環境課"), Map.of("code", "toshi", "name", "都市計画課")));
    load(OTHER_TOWN, "すぎ村", List.of(Map.of("code", "kankyo", "name", "住民環境課")));
    TestUsers.add(identity, TOWN + "-jimukyoku", "事務局", "ふじ町", GroupNames.secretariat(TOWN));
    TestUsers.add(identity, TOWN + "-kankyo-staff", "環境課", "ふじ町", GroupNames.departmentStaff(TOWN, "kankyo"));
    TestUsers.add(identity, OTHER_TOWN + "-jimukyoku", "事務局", "すぎ村", GroupNames.secretariat(OTHER_TOWN));
    start(TOWN);
    start(OTHER_TOWN);
    kankyoTask = overdue(TOWN + ":" + YEAR + ":kankyo", 3);
    toshiTask = overdue(TOWN + ":" + YEAR + ":toshi", 1);
    overdue(OTHER_TOWN + ":" + YEAR + ":kankyo", 2);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  @Test
  void theSecretariatGetsEveryOverdueTaskOfItsTownButNoDraft() throws Exception {
    var session = WebappSession.logIn(port, TOWN + "-jimukyoku");
    var response = session.get(PATH);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    var lists = new ObjectMapper().readTree(response.body());
    assertThat(lists).hasSize(1);
    var list = lists.get(0);
    assertThat(list.path("municipality").asText()).isEqualTo(TOWN);
    assertThat(list.path("fiscalYear").asInt()).isEqualTo(YEAR);
    var ids = new ArrayList<String>();
    list.path("tasks").forEach(t -> ids.add(t.path("taskId").asText()));
    // most overdue first; the other town's is not there
    assertThat(ids).containsExactly(kankyoTask, toshiTask);
    assertThat(list.path("tasks").get(0).path("department").path("name").asText()).isEqualTo("環境課");
    assertThat(response.body()).doesNotContain(OTHER_TOWN).doesNotContain("\"measures\"");

    // the other town's secretariat: its own town only
    var other = new ObjectMapper().readTree(WebappSession.logIn(port, OTHER_TOWN + "-jimukyoku").get(PATH).body());
    assertThat(other).hasSize(1);
    assertThat(other.get(0).path("municipality").asText()).isEqualTo(OTHER_TOWN);
    assertThat(other.get(0).path("tasks")).hasSize(1);
    assertThat(other.toString()).doesNotContain(kankyoTask, toshiTask);

    // the engine still keeps the draft to its department: neither the task nor its variables for the secretariat
    var secretariat = Http.as(port, TOWN + "-jimukyoku");
    assertThat(secretariat.get("/engine-rest/task/" + kankyoTask).status()).isEqualTo(404);
    assertThat(secretariat.get("/engine-rest/task/" + kankyoTask + "/variables").status()).isEqualTo(403);
    assertThat(secretariat.get("/engine-rest/task/" + kankyoTask + "/form-variables").status()).isEqualTo(403);
    assertThat(secretariat.get("/engine-rest/variable-instance?taskIdIn=" + kankyoTask).json()).isEmpty();

    // what it costs: one call of the panel (the overdue query of each running cycle), median of 11
    var times = new ArrayList<Long>();
    for (var i = 0; i < 11; i++) {
      var began = System.nanoTime();
      assertThat(session.get(PATH).statusCode()).isEqualTo(200);
      times.add((System.nanoTime() - began) / 1_000);
    }
    times.sort(null);
    System.out.printf("overdue panel: median %.1f ms over 11 calls (H2, %d overdue tasks)%n",
        times.get(5) / 1000.0, ids.size());
  }

  @Test
  void aDepartmentIsRefusedAndSeesOnlyItsOwnTasks() throws Exception {
    var staff = WebappSession.logIn(port, TOWN + "-kankyo-staff");
    var refused = staff.get(PATH);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("事務局だけ").doesNotContain(toshiTask);
    // its own overdue task, not the other department's
    var own = Http.as(port, TOWN + "-kankyo-staff").get("/engine-rest/task?dueBefore=2099-01-01T00:00:00.000%2B0900");
    var ids = new ArrayList<String>();
    own.json().forEach(t -> ids.add(t.path("id").asText()));
    assertThat(ids).contains(kankyoTask).doesNotContain(toshiTask);
    assertThat(Http.anonymous(port).get("/camunda" + PATH).status()).isEqualTo(401);
  }

  @Test
  void theSecretariatOpensEverythingOverdueInTasklist() {
    browser = Browser.start();
    var tasklist = new TasklistPage(browser, port);
    tasklist.logIn(TOWN + "-jimukyoku");
    var wait = Browser.waiting(browser);
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.climate-pdca-overdue-open"))).click();
    var panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("climate-pdca-overdue-panel")));
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("tr.climate-pdca-overdue-task"), 2));
    Browser.keepEvidence(browser, "overdue-everything");
    assertThat(panel.getText()).contains("期限超過（全部署）", "ふじ町", "環境課", "都市計画課", "営業日超過")
        .doesNotContain("すぎ村", "住民環境課");
    panel.findElement(By.cssSelector(".climate-pdca-overdue-close")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("climate-pdca-overdue-panel")));

    // a department has no such entry
    tasklist.logIn(TOWN + "-kankyo-staff");
    Browser.pause(Duration.ofSeconds(2));
    assertThat(browser.findElements(By.cssSelector("a.climate-pdca-overdue-open"))).isEmpty();
  }

  private void load(String code, String name, List<Map<String, String>> departments) {
    var plan = Map.of("municipality", Map.of("code", code, "name", name), "departments", departments,
        "measures", departments.stream().map(d -> Map.of("code", "K-" + d.get("code"), "department", d.get("code"),
            "name", d.get("name") + "の省エネルギー推進", "sector", "HOUSEHOLD", "kind", "IMPLEMENTATION")).toList());
    var loaded = Http.as(port, "demo").post("/api/plans", plan);
    assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
  }

  /** Started as an administrator starts it, and past its April timer: the departments are at work. */
  private void start(String code) {
    CycleFixture.startNow(port, runtime, management, "demo", code, YEAR);
  }

  /** The department's entry task, due {@code days} ago (the server's date moved back, as time passing does). */
  private String overdue(String businessKey, int days) {
    var task = CycleFixture.await(tasks, businessKey, DepartmentSelfAssessmentProcess.TASK_ENTER);
    task.setDueDate(Date.from(new Date().toInstant().minus(Duration.ofDays(days))));
    tasks.saveTask(task);
    return task.getId();
  }
}
