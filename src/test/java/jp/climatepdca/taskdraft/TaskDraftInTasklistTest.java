package jp.climatepdca.taskdraft;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import jp.climatepdca.identity.GroupNames;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.TasklistClient;
import jp.climatepdca.testing.TasklistPage;
import jp.climatepdca.testing.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A department's self-assessment half filled in one browser and finished in another (Chromium, ja-JP, each with a
 * fresh profile): 下書きを保存 keeps the first measure's row (進捗状況 and 取組実績, fields of the dynamic list),
 * 下書きを破棄 opens the form again with the task's values, a change after a new save is saved on its own a few
 * seconds later, and the second browser opens the task with both
 * restored and the note 「下書きを復元しました（保存者・日時）」; completing it stores the answers and removes the
 * draft. Town 963503 (kankyo); fiscal year 2031.
 */
@AppTest
class TaskDraftInTasklistTest {

  private static final String TOWN = "963503";
  private static final int YEAR = 2031;
  private static final String KEY = TOWN + ":" + YEAR + ":kankyo";
  private static final String STAFF = TOWN + "-kankyo-staff";
  private static final String TASK_NAME = "自己点検・自己評価の入力（環境課）";

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
  HistoryService history;

  @Autowired
  JdbcTemplate db;

  private WebDriver first;
  private WebDriver second;

  @AfterEach
  void closeBrowsers() {
    for (var browser : new WebDriver[] {first, second}) {
      if (browser != null) {
        Browser.keepEvidence(browser, "task-draft-after");
        browser.quit();
      }
    }
  }

  private void townWithItsCycleOpen() {
    var plan = """
        {"municipality": {"code": "%s", "name": "町%s", "baseYear": 2013},
         "departments": [{"code": "kankyo", "name": "環境課"}],
         "measures": [
           {"code": "M-01", "department": "kankyo", "name": "住宅用太陽光発電の補助", "sector": "HOUSEHOLD",
            "kind": "IMPLEMENTATION"},
           {"code": "M-03", "department": "kankyo", "name": "省エネ診断の普及", "sector": "COMMERCIAL",
            "kind": "STUDY"}]}
        """.formatted(TOWN, TOWN);
    plans.importPlan(new ByteArrayInputStream(plan.getBytes(StandardCharsets.UTF_8)));
    TestUsers.add(identity, STAFF, "環境", "花子", GroupNames.departmentStaff(TOWN, "kankyo"));
    TestUsers.add(identity, TOWN + "-jimukyoku", "事務局", "担当", GroupNames.secretariat(TOWN));
    CycleFixture.startNow(port, runtime, management, TOWN + "-jimukyoku", TOWN, YEAR);
  }

  @Test
  void aHalfFilledFormSurvivesAChangeOfBrowserAndIsCompletedInTheOther() {
    first = Browser.start();
    townWithItsCycleOpen();
    var taskId = new TasklistClient(port, STAFF).await(KEY, TASK_ENTER);

    var page = new TasklistPage(first, port);
    page.logIn(STAFF);
    page.open(TasklistPage.GROUP_TASKS, TASK_NAME);
    page.claimIfOffered();
    var save = Browser.waiting(first).until(d -> d.findElements(By.xpath("//button[normalize-space()='下書きを保存']"))
        .stream().filter(b -> b.isDisplayed()).findFirst().orElse(null));
    // Tasklist's own save (一時保存) kept the values in this browser only: hidden beside the server's
    assertThat(first.findElements(By.xpath("//button[normalize-space()='一時保存']")).stream()
        .noneMatch(b -> b.isDisplayed())).isTrue();

    // half of the form: the first measure's row only
    page.choose("進捗状況", 0, "遅れ");
    page.type("取組実績", 0, "補助の説明会を2回開催した（下書き）");
    page.click(save);
    var status = By.cssSelector(".task-drafts-status");
    Browser.waiting(first).until(d -> d.findElement(status).getText().startsWith("下書きを保存しました（環境 花子・"));
    Browser.keepEvidence(first, "task-draft-saved");
    var stored = db.queryForObject("select form_values from task_draft where task_id = ?", String.class, taskId);
    assertThat(stored).contains("補助の説明会を2回開催した（下書き）", "\"progress\":\"DELAYED\"");

    // discarded (pressed twice: the second press confirms): the form opens again with what the task holds
    page.click(first.findElement(By.xpath("//button[normalize-space()='下書きを破棄']")));
    Browser.waiting(first).until(d -> d.findElement(status).getText().contains("元に戻せません"));
    page.click(first.findElement(By.xpath("//button[normalize-space()='もう一度押すと破棄します']")));
    Browser.waiting(first).until(d -> d.findElements(status).stream()
        .anyMatch(e -> e.getText().equals("下書きを破棄しました")));
    Browser.waiting(first).until(d -> !page.fields("取組実績").isEmpty()
        && page.fields("取組実績").get(0).getAttribute("value").isEmpty());
    assertThat(db.queryForObject("select count(*) from task_draft where task_id = ?", Integer.class, taskId)).isZero();
    // and written again
    page.choose("進捗状況", 0, "遅れ");
    page.type("取組実績", 0, "補助の説明会を2回開催した（下書き）");
    page.click(Browser.waiting(first).until(d -> d.findElement(By.xpath("//button[normalize-space()='下書きを保存']"))));
    Browser.waiting(first).until(d -> d.findElement(status).getText().startsWith("下書きを保存しました（環境 花子・"));

    // a change after that is saved on its own, without a click
    page.type("課題", 0, "申請が年度末に集中する");
    Browser.waiting(first).withTimeout(Duration.ofSeconds(30)).until(d -> db.queryForObject(
        "select form_values from task_draft where task_id = ?", String.class, taskId).contains("申請が年度末に集中する"));
    Browser.waiting(first).until(d -> d.findElement(status).getText().startsWith("自動で下書きを保存しました"));
    // the draft is no variable
    assertThat(String.valueOf(tasks.getVariables(taskId))).doesNotContain("補助の説明会を2回開催した");
    first.quit();
    first = null;

    // another PC: a new browser with an empty profile
    second = Browser.start();
    var other = new TasklistPage(second, port);
    other.logIn(STAFF);
    other.open(TasklistPage.MY_TASKS, TASK_NAME);
    other.formShown();
    Browser.waiting(second).until(d -> d.findElement(status).getText()
        .matches("下書きを復元しました（環境 花子・\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}）"));
    Browser.waiting(second).until(d -> "補助の説明会を2回開催した（下書き）".equals(
        other.fields("取組実績").get(0).getAttribute("value")));
    assertThat(other.fields("課題").get(0).getAttribute("value")).isEqualTo("申請が年度末に集中する");
    assertThat(other.fields("取組実績").get(1).getAttribute("value")).isEmpty();
    var progress = second.findElements(By.xpath(
        "//div[contains(@class, 'fjs-form-field-select')][.//label[contains(., '進捗状況')]]"));
    assertThat(progress.get(0).getText()).contains("遅れ");
    assertThat(second.findElement(By.xpath("//button[normalize-space()='下書きを破棄']")).isDisplayed()).isTrue();
    Browser.keepEvidence(second, "task-draft-restored");

    // the rest, and complete
    other.choose("進捗状況", 1, "順調");
    other.type("取組実績", 1, "事業者10社で診断を実施した");
    other.complete();
    Browser.waiting(second).withTimeout(Duration.ofSeconds(60))
        .until(d -> history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() == 1);
    var saved = db.queryForList("select measure_code, progress, achievements, issues from self_assessment"
        + " where municipality_code = ? and fiscal_year = ? and department_code = 'kankyo' order by measure_code",
        TOWN, YEAR);
    assertThat(saved).extracting(r -> r.get("measure_code"), r -> r.get("progress"), r -> r.get("achievements"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("M-01", "DELAYED", "補助の説明会を2回開催した（下書き）"),
            org.assertj.core.groups.Tuple.tuple("M-03", "ON_TRACK", "事業者10社で診断を実施した"));
    assertThat(saved.get(0).get("issues")).isEqualTo("申請が年度末に集中する");
    // the draft went with the task, and no late autosave (within its 4 s throttle) brought it back
    Browser.pause(Duration.ofSeconds(6));
    assertThat(db.queryForObject("select count(*) from task_draft where task_id = ?", Integer.class, taskId)).isZero();
  }
}
