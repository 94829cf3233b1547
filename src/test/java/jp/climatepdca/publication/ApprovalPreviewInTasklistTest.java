package jp.climatepdca.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.TasklistPage;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * 公表の承認 in Tasklist, in a Japanese browser, as headquarters of ゆずりは町 (961805) does it: the form links to
 * the report as it will be published; a click opens the preview with the Tasklist login (no password asked
 * again, none sent), which shows the draft's mark, the town's measures and the chart, and whose PDF, CSV and
 * JSON open with the same session; back in Tasklist the approval completes. Screenshots go to target/browser/.
 */
@AppTest
class ApprovalPreviewInTasklistTest {

  static final String TOWN = "961805";
  static final int YEAR = 2026;

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  HistoryService history;

  @Autowired
  AnnualReportService reports;

  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void headquartersOpensThePreviewFromTheFormAndApproves() {
    ReadableTown.ensure(context, port, TOWN, "ゆずりは町", YEAR);
    ReadableTown.prepared(context, TOWN, YEAR);
    var user = TOWN + "-honbu";

    browser = Browser.start();
    var page = new TasklistPage(browser, port);
    page.logIn(user);
    var task = page.open(TasklistPage.GROUP_TASKS, "公表の承認（推進本部）");
    page.claimIfOffered();
    assertThat(page.formText()).contains("公表される年次報告書の確認", "公表ページのプレビュー（下書き）",
        "年次報告書のPDF（下書き）", "ゆずりは町");
    var draft = "/camunda/api/climate-pdca/report-drafts/" + TOWN + "/" + YEAR;
    var link = browser.findElement(By.linkText("公表ページのプレビュー（下書き）"));
    assertThat(link.getAttribute("href")).isEqualTo("http://localhost:" + port + draft);
    assertThat(browser.findElement(By.linkText("年次報告書のPDF（下書き）")).getAttribute("href"))
        .isEqualTo("http://localhost:" + port + draft + "/report.pdf");
    assertThat(page.formText()).doesNotContain("パスワード");
    Browser.keepEvidence(browser, "approval-form-with-preview");

    // the preview opens with the Tasklist session: the browser sends no password, none is asked for
    var tasklist = browser.getWindowHandle();
    var before = browser.getWindowHandles();
    page.click(link);
    var wait = Browser.waiting(browser);
    wait.until(d -> d.getWindowHandles().size() > before.size() || d.getCurrentUrl().contains(draft));
    var opened = new ArrayList<>(browser.getWindowHandles());
    opened.removeAll(before);
    if (!opened.isEmpty()) {
      browser.switchTo().window(opened.get(0));
      wait.until(d -> d.getCurrentUrl().contains(draft));
    }
    assertThat(browser.getCurrentUrl()).isEqualTo("http://localhost:" + port + draft);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("draft-banner")));
    assertThat(browser.getTitle()).isEqualTo("【下書き・未公表】ゆずりは町 年次報告書 2026年度（令和8年度）");
    assertThat(browser.findElement(By.id("draft-banner")).getText()).contains("下書き・未公表");
    assertThat(browser.findElement(By.cssSelector("table.measures")).getText())
        .contains("地域の脱炭素化に向けた住宅・建築物の省エネルギー性能の向上と再生可能エネルギー設備の導入支援事業（その1）");
    wait.until(d -> "true".equals(d.findElement(By.id("chart-trend")).getAttribute("data-rendered")));
    Browser.keepEvidence(browser, "approval-preview");
    // the page's downloads are at the same door and open with the same session, without a password
    var pdfLink = browser.findElement(By.cssSelector("a[href$='/report.pdf']"));
    assertThat(pdfLink.getAttribute("href")).isEqualTo("http://localhost:" + port + draft + "/report.pdf");
    for (var file : java.util.List.of("/report.pdf", "/measures.csv", "/report.json")) {
      var status = ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
          + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status), e => done(String(e)));",
          draft + file);
      assertThat(status).as(file).isEqualTo(200L);
    }

    if (!opened.isEmpty()) {
      browser.close();
      browser.switchTo().window(tasklist);
    } else {
      browser.navigate().back();
      page.open(TasklistPage.GROUP_TASKS, "公表の承認（推進本部）");
    }
    page.formShown();
    page.pick("推進本部としての判断", "公表を承認する");
    page.complete();
    wait.withTimeout(java.time.Duration.ofSeconds(60))
        .until(d -> history.createHistoricTaskInstanceQuery().taskId(task).finished().count() == 1);
    assertThat(reports.versions(TOWN, YEAR).get(0).status()).isEqualTo("APPROVED");
    assertThat(reports.versions(TOWN, YEAR).get(0).approvedBy()).isEqualTo(user);
  }
}
