package jp.climatepdca.publication;

import static jp.climatepdca.publication.PublishedTown.CODE;
import static jp.climatepdca.publication.PublishedTown.IMG;
import static jp.climatepdca.publication.PublishedTown.SCRIPT;
import static jp.climatepdca.publication.PublishedTown.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.climatepdca.assessment.SelfAssessmentService;
import jp.climatepdca.evaluation.EvaluationService;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A citizen opens the published report in a real (headless) browser without logging in: every chart is
 * drawn by Chart.js from the webjar, a department's markup shows as text and no script of it runs.
 * Screenshots go to target/browser/.
 */
@AppTest
class PublicReportInBrowserTest {

  @LocalServerPort
  int port;

  @Autowired
  PlanService plan;

  @Autowired
  PlanImportService importer;

  @Autowired
  SelfAssessmentService assessments;

  @Autowired
  EvaluationService evaluations;

  @Autowired
  AnnualReportService reports;

  private WebDriver browser;

  @BeforeEach
  void town() {
    PublishedTown.ensure(port, plan, importer, assessments, evaluations, reports);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theChartsAreDrawnAndTheMarkupStaysText() {
    browser = Browser.start();
    var wait = Browser.waiting(browser);
    browser.get("http://localhost:" + port + "/public/" + CODE + "/" + YEAR);
    // charts.js marks a canvas once Chart.js has finished drawing it
    var charts = List.of("chart-trend", "chart-sectors", "chart-progress", "chart-indicators");
    for (var id : charts) {
      wait.until(d -> "true".equals(d.findElement(By.id(id)).getAttribute("data-rendered")));
    }
    var js = (JavascriptExecutor) browser;
    for (var id : charts) {
      // something was painted: not every pixel of the canvas is transparent
      var painted = (Boolean) js.executeScript("var c = document.getElementById(arguments[0]);"
          + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
          + "for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; } return false;", id);
      assertThat(painted).as(id).isTrue();
      assertThat((Boolean) js.executeScript("return Chart.getChart(arguments[0]) !== undefined", id)).as(id).isTrue();
    }
    Browser.keepEvidence(browser, "public-report");

    // the department's answer is on the page as the characters it typed, and none of it became an element
    var table = browser.findElement(By.cssSelector("table.measures")).getText();
    assertThat(table).contains(SCRIPT).contains(IMG);
    assertThat(browser.findElements(By.cssSelector("main script, main img"))).isEmpty();
    assertThat((Long) js.executeScript("return document.querySelectorAll('script').length")).isEqualTo(2L);

    browser.get("http://localhost:" + port + "/public/" + CODE + "/compare");
    wait.until(d -> "true".equals(d.findElement(By.id("chart-compare")).getAttribute("data-rendered")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("年度比較");
    Browser.keepEvidence(browser, "public-compare");
  }
}
