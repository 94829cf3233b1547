package jp.climatepdca.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.climatepdca.cycle.FiscalYearCycleProcess;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.LargePlan;
import jp.climatepdca.testing.TasklistPage;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue #20: the Action step of a city with 400 measures (40 departments × 10), worked in Tasklist in a ja-JP
 * browser as the secretariat would: the form opens, the overview is filtered by a department and a grade,
 * five exceptions are marked, and the task completes; every other measure is recorded 継続 by default. The
 * clicks the test makes are counted and the form's height measured (docs/performance.md). The cycle is
 * started through /api and moved to the Action step by process-instance modification (the year's earlier
 * steps are covered by the whole-year tests; what this test is about is the form's size).
 */
@AppTest
class ActionOf400InTasklistTest {

  private static final String CITY = "963401";
  private static final int YEAR = 2071;
  private static final String SECRETARIAT = CITY + "-jimukyoku";
  private static final String TASK_NAME = "施策の見直し（継続・修正・廃止）";

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  TaskService tasks;

  @Autowired
  EvaluationService evaluations;

  @Autowired
  IndicatorService indicators;

  private WebDriver browser;
  private int clicks;

  @AfterEach
  void close() {
    if (browser != null) {
      Browser.keepEvidence(browser, "action-400-after");
      browser.quit();
    }
  }

  @Test
  void fourHundredMeasuresDecidedWithFiveExceptions() throws Exception {
    setUpCityAtAction();

    browser = Browser.start();
    var tasklist = new TasklistPage(browser, port);
    tasklist.logIn(SECRETARIAT);
    tasklist.open(TasklistPage.GROUP_TASKS, TASK_NAME);
    clicks += 2; // the filter and the task in the list
    var opened = System.nanoTime();
    Browser.waiting(browser).withTimeout(Duration.ofSeconds(300))
        .until(d -> !d.findElements(By.cssSelector(".fjs-form")).isEmpty());
    System.out.printf("action-400: form rendered after %d ms%n", (System.nanoTime() - opened) / 1_000_000);
    tasklist.claimIfOffered();
    clicks += 1;
    var before = tasklist.formText();
    var height = formHeight();
    System.out.printf("action-400: form height when opened %d px%n", height);
    Browser.keepEvidence(browser, "action-400-opened");
    assertThat(before).contains("継続以外とする施策", "施策の一覧");

    // the overview: a department, then a grade
    choose(tasklist, "部署で絞り込む", "第03部 第一課");
    assertThat(overviewCodes()).isNotEmpty().allMatch(code -> code.startsWith("d03-"));
    choose(tasklist, "評価で絞り込む", "未達成");
    assertThat(overviewCodes()).containsExactly("d03-M02");
    Browser.keepEvidence(browser, "action-400-filtered");

    // five exceptions; the rest continue
    exception(tasklist, 0, "d03-M02", "修正して継続", "指標が未達成のため、補助対象を事業者に広げる");
    exception(tasklist, 1, "d01-M01", "廃止", "国の制度に統合されたため");
    exception(tasklist, 2, "d01-M04", "実施事業へ移行（検討事業のみ）", "検討を終え、来年度から実施する");
    exception(tasklist, 3, "d20-M07", "修正して継続", "対象地域を市全域に広げる");
    exception(tasklist, 4, "d40-M10", "廃止", "目的を達成したため");
    var filled = formHeight();
    System.out.printf("action-400: form height with five exceptions %d px%n", filled);
    tasklist.complete();
    clicks += 1;
    awaitCompleted(tasklist);
    System.out.printf("action-400: clicks %d%n", clicks);

    var decided = evaluations.decisions(CITY, YEAR);
    assertThat(decided).hasSize(400);
    var byCode = decided.stream().collect(Collectors.toMap(MeasureDecisionView::measureCode, d -> d));
    assertThat(byCode.get("d03-M02").decision()).isEqualTo(ActionDecision.MODIFY);
    assertThat(byCode.get("d03-M02").note()).isEqualTo("指標が未達成のため、補助対象を事業者に広げる");
    assertThat(byCode.get("d01-M01").decision()).isEqualTo(ActionDecision.DISCARD);
    assertThat(byCode.get("d01-M04").decision()).isEqualTo(ActionDecision.PROMOTE);
    assertThat(byCode.get("d20-M07").decision()).isEqualTo(ActionDecision.MODIFY);
    assertThat(byCode.get("d40-M10").decision()).isEqualTo(ActionDecision.DISCARD);
    assertThat(decided).filteredOn(d -> d.decision() == ActionDecision.CONTINUE).hasSize(395)
        .allMatch(d -> ActionDecisionRows.DEFAULT_NOTE.equals(d.note()))
        .allMatch(d -> SECRETARIAT.equals(d.decidedBy()));
    assertThat(height).as("the form with 400 measures is a page or two, not 400 blocks").isLessThan(5000);
    assertThat(clicks).isLessThan(60);
  }

  /**
   * The city (40 departments, 400 measures, a quarter study measures), indicators on d03's measures of which
   * one falls short of its target, and the cycle of {@link #YEAR} at its Action step.
   */
  private void setUpCityAtAction() throws Exception {
    var mapper = new ObjectMapper();
    var plan = (ObjectNode) mapper.readTree(new LargePlan(CITY, "市" + CITY, 40, 10, false).json());
    var reviewYear = indicators.reviewYear(YEAR);
    var list = plan.putArray("indicators");
    for (var m = 1; m <= 3; m++) {
      var indicator = list.addObject();
      indicator.put("code", "I-d03-M0" + m);
      indicator.put("name", "d03 の施策" + m + "の補助件数");
      indicator.put("unit", "件");
      indicator.put("measure", "d03-M0" + m);
      indicator.put("kind", "AT_LEAST");
      indicator.putArray("targets").addObject().put("year", reviewYear + 4).put("value", 100);
    }
    ActionStep.town(context, CITY, mapper.writeValueAsString(plan));
    var secretariat = Http.as(port, SECRETARIAT);
    for (var m = 1; m <= 2; m++) {
      var saved = secretariat.put("/api/indicators/" + CITY + "/I-d03-M0" + m + "/actuals/" + reviewYear,
          Map.of("value", m == 1 ? 120 : 40, "source", "補助金交付実績"));
      assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }
    ActionStep.reach(context, port, CITY, YEAR);
  }

  private void choose(TasklistPage tasklist, String label, String option) {
    tasklist.choose(label, 0, option);
    clicks += 2;
    Browser.pause(Duration.ofMillis(500));
  }

  /** One row of 継続以外とする施策: add it, pick the measure by typing its code, the decision, the reason. */
  private void exception(TasklistPage tasklist, int row, String code, String decision, String reason) {
    tasklist.addRow("継続以外とする施策");
    clicks += 1;
    var select = browser.findElements(By.xpath("//div[contains(@class, 'fjs-form-field-select')]"
        + "[.//label[contains(., '対象の施策')]]")).get(row);
    tasklist.click(select.findElement(By.cssSelector("input")));
    clicks += 1;
    select.findElement(By.cssSelector("input")).sendKeys(code);
    Browser.pause(Duration.ofMillis(400));
    var option = select.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(o -> o.getText().contains(" " + code + " ")).findFirst().orElseThrow();
    option.click();
    clicks += 1;
    tasklist.choose("見直し区分", row, decision);
    clicks += 2;
    tasklist.type("理由（見直しの内容）", row, reason);
    clicks += 1;
  }

  /** The measure codes the overview table shows on its current page. */
  private List<String> overviewCodes() {
    return browser.findElements(By.xpath("//div[contains(@class, 'fjs-form-field-table')][.//label[contains(., '施策の一覧')]]"
        + "//tbody/tr/td[3]")).stream().map(WebElement::getText).map(String::strip).toList();
  }

  /** The height of the whole form as laid out (form-js's container), as the issue measured it. */
  private long formHeight() {
    return ((Number) ((JavascriptExecutor) browser).executeScript(
        "var c = document.querySelector('.fjs-container'); return c ? c.scrollHeight : document.body.scrollHeight;"))
        .longValue();
  }

  /** Tasklist sent the form and the server took it: the Action task is gone (else what Tasklist shows). */
  private void awaitCompleted(TasklistPage tasklist) {
    try {
      Browser.waiting(browser).withTimeout(Duration.ofSeconds(60)).until(d -> tasks.createTaskQuery()
          .processInstanceBusinessKey(CITY + ":" + YEAR).taskDefinitionKey(FiscalYearCycleProcess.TASK_ACTION_DECISIONS)
          .count() == 0);
    } catch (RuntimeException e) {
      throw new AssertionError("the task did not complete; Tasklist shows: " + tasklist.shownError(), e);
    }
  }
}
