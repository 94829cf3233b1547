package jp.climatepdca.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistClient;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A department's staff member in Camunda Tasklist, in a real (headless) browser: logs in, opens the
 * self-assessment task, fills the Japanese form for every measure and the department's indicator (a number
 * field inside a second dynamic list) and completes it.
 */
@AppTest
class SelfAssessmentInTasklistTest {

  private static final String CITY = "999999";
  private static final int YEAR = 2023;
  private static final String DEPARTMENT = "parks";

  @LocalServerPort
  int port;

  @Autowired
  PlanService plan;

  @Autowired
  JdbcTemplate db;

  @Autowired
  HistoryService history;

  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      Browser.keepEvidence(browser, "tasklist-after");
      browser.quit();
    }
  }

  @Test
  void staffCompleteTheirSelfAssessmentInTasklist() {
    browser = Browser.start();
    var started = Http.as(port, "jimukyoku").post("/api/cycles", Map.of("municipality", CITY, "fiscalYear", YEAR));
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    var businessKey = CITY + ":" + YEAR + ":" + DEPARTMENT;
    var taskId = new TasklistClient(port, DEPARTMENT + "-staff").await(businessKey, DepartmentSelfAssessmentProcess.TASK_ENTER);
    var measures = plan.activeMeasures(CITY, DEPARTMENT);
    var wait = Browser.waiting(browser);

    logIn(DEPARTMENT + "-staff");
    // the group filter lists the department's task; open it from the list as a person would
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(), 'グループのタスク')]"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//a[contains(@href, '" + taskId + "')] | //li[contains(@class, 'task')]//*[contains(text(), '自己点検・自己評価の入力')]")))
        .click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='担当する']"))).click();

    // the Japanese form: one block per measure, each with 進捗状況 and 取組実績
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(text(), '自己点検・自己評価の入力')]")));
    var progressFields = wait.until(ExpectedConditions.numberOfElementsToBe(
        By.xpath("//div[contains(@class, 'fjs-form-field-select')][.//label[contains(., '進捗状況')]]"), measures.size()));
    Browser.keepEvidence(browser, "tasklist-form");
    for (int i = 0; i < progressFields.size(); i++) {
      choose(progressFields.get(i), i == 0 ? "遅れ" : "順調");
    }
    var achievements = browser.findElements(
        By.xpath("//div[contains(@class, 'fjs-form-field-textarea')][.//label[contains(., '取組実績')]]//textarea"));
    assertThat(achievements).hasSize(measures.size());
    for (var field : achievements) {
      ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
      field.sendKeys("説明会を3回開催し、市民120人が参加した。");
    }
    // the department's indicator (PRK-01-1, 都市公園面積): the actual value of the reviewed year and its source
    var value = browser.findElement(By.xpath(
        "//div[contains(@class, 'fjs-form-field-number')][.//label[contains(., '実績値')]]//input"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", value);
    value.sendKeys("9.25");
    // form-js renders the row again after the number changes: type the source into the field as it is then
    var sourceField = By.xpath("//div[contains(@class, 'fjs-form-field-textfield')][.//label[contains(., '出典')]]//input");
    wait.until(d -> {
      var source = d.findElement(sourceField);
      ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", source);
      source.click();
      source.clear();
      source.sendKeys("都市公園等整備現況調査");
      // form-js commits typed text after a debounce (300 ms); a re-render caused by the number's own
      // debounced change can still replace the field then, so the value must survive that window
      sleep(Duration.ofMillis(800));
      return "都市公園等整備現況調査".equals(d.findElement(sourceField).getAttribute("value"));
    });
    Browser.keepEvidence(browser, "tasklist-filled");
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='完了']"))));

    wait.until(d -> history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() == 1);
    var saved = db.queryForList("select measure_code, progress, achievements, updated_by from self_assessment"
        + " where municipality_code = ? and fiscal_year = ? and department_code = ? order by measure_code",
        CITY, YEAR, DEPARTMENT);
    assertThat(saved).hasSize(measures.size());
    assertThat(saved).allSatisfy(row -> {
      assertThat(row.get("achievements")).isEqualTo("説明会を3回開催し、市民120人が参加した。");
      assertThat(row.get("updated_by")).isEqualTo(DEPARTMENT + "-staff");
    });
    assertThat(saved).extracting(row -> row.get("progress")).containsOnly("DELAYED", "ON_TRACK").contains("DELAYED");
    var actual = db.queryForMap("select indicator_code, value_year, actual_value, source, entered_by from indicator_actual"
        + " where municipality_code = ? and value_year = ?", CITY, YEAR - 1);
    assertThat(actual.get("indicator_code")).isEqualTo("PRK-01-1");
    assertThat((java.math.BigDecimal) actual.get("actual_value")).isEqualByComparingTo("9.25");
    assertThat(actual.get("source")).isEqualTo("都市公園等整備現況調査");
    assertThat(actual.get("entered_by")).isEqualTo(DEPARTMENT + "-staff");
    // and the head of the department now has it to approve
    new TasklistClient(port, DEPARTMENT + "-head").await(businessKey, DepartmentSelfAssessmentProcess.TASK_HEAD_APPROVAL);
  }

  private void logIn(String user) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    var wait = Browser.waiting(browser);
    var name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    name.sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']"))
        .sendKeys(Http.PASSWORD);
    browser.findElement(By.xpath("//button[@type='submit'][normalize-space()='ログイン']")).click();
  }

  /** form-js 1.8 renders a select as its own dropdown: open it, pick the option by its label. */
  private void choose(WebElement field, String label) {
    click(field.findElement(By.cssSelector(".fjs-input-group")));
    Browser.waiting(browser).until(d -> !field.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty());
    field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(option -> option.getText().strip().equals(label)).findFirst().orElseThrow().click();
  }

  /**
   * Tasklist's footer overlaps the bottom of the form: bring the element to the middle first. On a loaded
   * machine the form may still be laying out when the click comes, so an intercepted click is retried.
   */
  private void click(WebElement element) {
    Browser.waiting(browser).ignoring(ElementClickInterceptedException.class).until(d -> {
      ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
      element.click();
      return true;
    });
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
