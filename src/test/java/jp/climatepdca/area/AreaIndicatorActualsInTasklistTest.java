package jp.climatepdca.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.TasklistPage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The area's compilation check in Tasklist (Chromium, ja-JP, form-js 1.8): the secretariat sees the area's
 * indicators to enter (not the compiled tonnes one), leaves a source out and is refused under the form with the
 * indicator named, then enters the values, picks the stage and completes; the values are stored and graded in
 * a new compilation. Area974 of towns 963721 and 963722.
 */
@AppTest
class AreaIndicatorActualsInTasklistTest {

  private static final String AREA = "area974";

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  TaskService tasks;

  @Autowired
  HistoryService history;

  @Autowired
  AreaCompilationService compilations;

  @Autowired
  JdbcTemplate db;

  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      Browser.keepEvidence(browser, "area-indicator-actuals-last");
      browser.quit();
    }
  }

  @Test
  void theSecretariatEntersTheAreasIndicatorsInItsCompilationCheck() {
    var towns = new AreaTowns(port, List.of("kankyo"), context);
    var check = AreaIndicatorActualsTest.openCheck(towns, port, AREA, List.of("963721", "963722"), runtime, management,
        tasks);
    var compiled = db.queryForObject("select count(*) from area_compilation where area_code = ?", Long.class, AREA);

    browser = Browser.start();
    var tasklist = new TasklistPage(browser, port);
    tasklist.logIn(AREA + "-jimukyoku");
    tasklist.open(TasklistPage.GROUP_TASKS, "圏域のとりまとめ結果の確認（事務局）");
    tasklist.claimIfOffered();
    assertThat(tasklist.formText()).contains("圏域の指標の実績値", "2033年度の実績値と出典", "圏域の重点事業の進捗段階");
    // the read-only fields of the lists hold the rows the listener loaded: not the compiled tonnes indicator
    assertThat(tasklist.fields("指標名（単位）").stream().map(f -> f.getAttribute("value")))
        .containsExactly("共同講座の開催（回/年）", "圏域のみどり率（%）");
    assertThat(tasklist.fields("今年度の予定段階").get(0).getAttribute("value")).isEqualTo("検討中（2032年度〜）");
    tasklist.type("連絡会議の議題・要旨", "圏域の指標を含めて点検した");
    number(0, "3");
    tasklist.type("出典（実績値を入力した場合は必須）", 0, "講座の開催記録");
    number(1, "22.4");
    tasklist.choose("実績の段階", 0, "検討中");
    Browser.keepEvidence(browser, "area-indicator-actuals-filled");
    tasklist.complete();
    // the second value has no source: refused under the form, naming the indicator, nothing stored
    Browser.waiting(browser).until(d -> d.findElements(By.cssSelector(".notifications .alert-danger")).stream()
        .anyMatch(e -> e.getText().contains("入力内容を確認してください: 指標 AMAINT: 実績値の出典を入力してください")));
    assertThat(db.queryForObject("select count(*) from area_indicator_actual where area_code = ?", Long.class, AREA))
        .isZero();

    tasklist.type("出典（実績値を入力した場合は必須）", 1, "緑被率調査（2033年度）");
    // Tasklist's error message stays over the form's 完了 button: a person reads it and moves on; the test
    // takes it off the page so the click reaches the button
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "document.querySelectorAll('.notifications .alert').forEach(e => e.remove())");
    tasklist.complete();
    Browser.waiting(browser).withMessage(() -> "completed; Tasklist shows: " + tasklist.shownError())
        .until(d -> history.createHistoricTaskInstanceQuery().taskId(check).finished().count() == 1);
    Browser.keepEvidence(browser, "area-indicator-actuals-done");
    AreaIndicatorActualsTest.assertStoredAndGraded(db, compilations, AREA, AREA + "-jimukyoku", compiled);
  }

  /** Types into the n-th number field 実績値 (form-js renders it as a text input of its own class). */
  private void number(int index, String value) {
    var fields = browser.findElements(By.xpath("//div[contains(@class, 'fjs-form-field-number')]"
        + "[.//label[contains(., '実績値')]]//input"));
    var field = fields.get(index);
    new TasklistPage(browser, port).click(field);
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, value);
    Browser.waiting(browser).withTimeout(Duration.ofSeconds(10)).until(d -> value.equals(browser.findElements(
        By.xpath("//div[contains(@class, 'fjs-form-field-number')][.//label[contains(., '実績値')]]//input"))
        .get(index).getAttribute("value")));
  }
}
