package jp.climatepdca.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.plan.PlanService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A citizen reads the public pages on a phone (Chromium in Japanese, a window 375 px wide): the index, the
 * town's page, its year comparison, its report of 2026 (twelve measures whose names and answers run long, wide
 * tables) and the report of 2024 frozen before this layout existed. No page scrolls sideways; a table too wide
 * for the screen scrolls inside its own box; every chart is drawn within the screen. The area's report page is
 * measured the same way in AreaReportInBrowserTest. Screenshots go to target/browser/.
 */
@AppTest
class PhonePagesInBrowserTest {

  static final String TOWN = "961804";
  static final int YEAR = 2026;
  static final int PHONE = 375;

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  PlanService plan;

  @Autowired
  PlanImportService importer;

  @Autowired
  JdbcTemplate db;

  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void noPublicPageScrollsSidewaysAt375Pixels() throws Exception {
    ReadableTown.ensure(context, port, TOWN, "かえで町", YEAR);
    if (!context.getBean(AnnualReportService.class).isPublished(TOWN, YEAR)) {
      ReadableTown.published(context, port, TOWN, YEAR);
    }
    FrozenReportLayoutTest.ensure(plan, importer, db);

    browser = Browser.start();
    browser.manage().window().setSize(new Dimension(PHONE, 812));
    var js = (JavascriptExecutor) browser;
    var pages = List.of("/public", "/public/" + TOWN, "/public/" + TOWN + "/compare", "/public/" + TOWN + "/" + YEAR,
        "/public/" + FrozenReportLayoutTest.TOWN + "/" + FrozenReportLayoutTest.YEAR);
    for (var path : pages) {
      browser.get("http://localhost:" + port + path);
      var wait = Browser.waiting(browser);
      wait.until(d -> js.executeScript("return document.readyState").equals("complete"));
      for (var chart : browser.findElements(By.cssSelector("canvas.chart"))) {
        wait.until(d -> "true".equals(chart.getAttribute("data-rendered")));
        assertThat(((Number) js.executeScript("return arguments[0].getBoundingClientRect().right", chart)).doubleValue())
            .as(path + " " + chart.getAttribute("id") + " within the screen").isLessThanOrEqualTo(PHONE);
      }
      assertThat((Long) js.executeScript("return window.innerWidth")).as("the window is a phone's").isEqualTo(PHONE);
      var name = path.substring(1).replace('/', '-');
      Browser.keepEvidence(browser, "phone-" + name);
      assertThat((Long) js.executeScript("return document.documentElement.scrollWidth")).as(path + " scrolls sideways")
          .isLessThanOrEqualTo(PHONE);
      assertThat((Long) js.executeScript("return document.body.scrollWidth")).as(path).isLessThanOrEqualTo(PHONE);
    }

    // the report's measures: six columns of long text keep their columns and scroll inside their own box
    browser.get("http://localhost:" + port + "/public/" + TOWN + "/" + YEAR);
    var measures = browser.findElement(By.cssSelector("table.measures"));
    assertThat((Long) js.executeScript("return arguments[0].scrollWidth", measures))
        .isGreaterThan((Long) js.executeScript("return arguments[0].clientWidth", measures));
    assertThat(((Number) js.executeScript("return arguments[0].getBoundingClientRect().right", measures)).doubleValue())
        .isLessThanOrEqualTo(PHONE);
    assertThat(measures.getText()).contains("地域の脱炭素化に向けた住宅・建築物の省エネルギー性能の向上");
  }
}
