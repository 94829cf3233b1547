package jp.climatepdca.evaluation;

import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMMITTEE_REVIEW;
import static jp.climatepdca.cycle.FiscalYearCycleProcess.TASK_COMPILE_CHECK;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.LargePlan;
import jp.climatepdca.testing.TasklistClient;
import jp.climatepdca.testing.TasklistPage;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The headquarters' form of a national-scale plan (40 departments, 400 measures, 200 indicators) in Tasklist
 * with a Japanese browser: the variables Tasklist loads stay small enough, the exceptions are at the top, the
 * full list pages through, the page's height is measured (docs/guide.md), and the task is completed with
 * submit-form. {@link ReviewFormsFixture}: 13 departments have a 遅れ, 8 a 未着手, 10 an indicator 遅れ.
 */
@AppTest
class ReviewFormsInTasklistTest {

  private static final LargePlan CITY = new LargePlan("963302", "全国規模市", 40, 10, false);
  /**
   * What Tasklist loads for the form (GET form-variables, every variable as text), with 400 measures: measured
   * 201,874 bytes in all, the list of every measure 105,024, the exceptions 10,159 (77 KB before the list;
   * docs/guide.md). A bound with room, far below what a browser takes in one response.
   */
  private static final int MAX_FORM_VARIABLES_BYTES = 400 * 1024;
  /**
   * Measured 5,776 px (4,985 before the measures' list, with counts and the delayed measures only; 6,366 with
   * the list but form-js's own 120 px table columns, which this bound catches).
   */
  private static final int MAX_FORM_HEIGHT_PX = 6200;

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  HistoryService history;

  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      Browser.keepEvidence(browser, "review-forms-last");
      browser.quit();
    }
  }

  @Test
  void headquartersReadsTheExceptionsOf400MeasuresFirstAndCompletesTheForm() {
    browser = Browser.start();
    var fixture = new ReviewFormsFixture(port, CITY, context);
    fixture.toCompileCheck();
    var secretariat = new TasklistClient(port, fixture.user("jimukyoku"));
    var check = secretariat.claim(fixture.cycle(), TASK_COMPILE_CHECK);
    var loaded = Http.as(port, fixture.user("jimukyoku"))
        .get("/engine-rest/task/" + check + "/form-variables?deserializeValues=false");
    assertThat(loaded.status()).isEqualTo(200);
    var total = loaded.body().getBytes(StandardCharsets.UTF_8).length;
    var list = loaded.json().path(MeasureReviewTable.ALL).path("value").asText().getBytes(StandardCharsets.UTF_8).length;
    var exceptions = loaded.json().path(MeasureReviewTable.EXCEPTIONS).path("value").asText()
        .getBytes(StandardCharsets.UTF_8).length;
    System.out.printf("review forms, 400 measures: form-variables %,d bytes; %s %,d bytes; %s %,d bytes%n", total,
        MeasureReviewTable.ALL, list, MeasureReviewTable.EXCEPTIONS, exceptions);
    assertThat(total).isLessThan(MAX_FORM_VARIABLES_BYTES);
    secretariat.complete(check, Map.of("summary", "遅れている施策の原因を部署ごとに確認した。"));

    var tasklist = new TasklistPage(browser, port);
    tasklist.logIn(fixture.user("honbu"));
    var id = tasklist.open(TasklistPage.GROUP_TASKS, "庁内評価（推進本部）");
    tasklist.claimIfOffered();
    Browser.waiting(browser).until(d -> tasklist.formText().contains("全施策の一覧"));
    var js = (JavascriptExecutor) browser;
    var height = ((Number) js.executeScript("return document.querySelector('.fjs-form').scrollHeight")).intValue();
    System.out.printf("review forms, 400 measures: the headquarters form is %,d px tall%n", height);
    Browser.keepEvidence(browser, "review-forms-headquarters");

    // the exceptions come first: above the departments' counts, the full list and the indicators
    var text = tasklist.formText();
    assertThat(text.indexOf("要確認の施策")).isGreaterThan(0).isLessThan(text.indexOf("部署別の進捗状況"));
    assertThat(text.indexOf("部署別の進捗状況")).isLessThan(text.indexOf("全施策の一覧"));
    assertThat(text.indexOf("全施策の一覧")).isLessThan(text.indexOf("指標の一覧"));
    assertThat(text).contains("全400施策（40部署）のうち、要確認の施策は31件（24部署）です。");
    var exceptionRows = rows("要確認の施策");
    assertThat(exceptionRows).hasSize(15);
    assertThat(exceptionRows.get(0)).contains("d03-M03", "進捗が「遅れ」", "予算の制約で着手が遅れた");
    assertThat(exceptionRows.get(1)).contains("d04-M04", "指標が「遅れ」", "目標経路 150");
    assertThat(pager("要確認の施策")).isEqualTo("1 / 3");
    // the full list: 15 a page, the first department with an exception first, the pager works
    assertThat(rows("全施策の一覧").get(0)).contains("d03-M03");
    assertThat(pager("全施策の一覧")).isEqualTo("1 / 27");
    tasklist.click(browser.findElement(By.xpath(table("全施策の一覧") + "//button[@aria-label='次のページ']")));
    Browser.waiting(browser).until(d -> pager("全施策の一覧").equals("2 / 27"));
    assertThat(String.join("\n", rows("全施策の一覧"))).contains("第05部 第一課");
    assertThat(height).isLessThan(MAX_FORM_HEIGHT_PX);

    tasklist.type("推進本部の庁内評価", "遅れている31施策について、各部署に原因と対策の報告を求める。");
    tasklist.pick("評価の確定", "評価を確定し委員会へ報告する");
    tasklist.complete();
    Browser.waiting(browser).withMessage(() -> "completed; Tasklist shows: " + tasklist.shownError())
        .until(d -> history.createHistoricTaskInstanceQuery().taskId(id).finished().count() == 1);
    new TasklistClient(port, fixture.user("iinkai")).await(fixture.cycle(), TASK_COMMITTEE_REVIEW);
  }

  private static String table(String label) {
    return "//div[contains(@class, 'fjs-form-field-table')][.//label[starts-with(normalize-space(), '" + label + "')]]";
  }

  private List<String> rows(String label) {
    return browser.findElements(By.xpath(table(label) + "//tbody/tr")).stream().map(r -> r.getText()).toList();
  }

  private String pager(String label) {
    return browser.findElement(By.xpath(table(label) + "//*[contains(@class, 'fjs-table-nav-label')]")).getText()
        .replaceAll("\\s+", " ").strip();
  }
}
