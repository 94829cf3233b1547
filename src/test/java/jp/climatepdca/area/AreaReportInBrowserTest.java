package jp.climatepdca.area;

import static jp.climatepdca.area.ReportArea.AREA;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

/**
 * A citizen opens the area's published report on a phone's screen (375 px) in a real (headless) browser: both
 * charts are drawn, and the page is no wider than the screen (wide tables scroll inside their box).
 * Screenshots go to target/browser/.
 */
@AppTest
class AreaReportInBrowserTest {

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  AreaReportService reports;

  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theChartsAreDrawnAndThePageFitsAPhone() {
    ReportArea.ensure(port, context);
    // the complete year: AreaReportPublicationTest counts the versions of the other one
    var year = ReportArea.COMPLETE_YEAR;
    if (reports.published(AREA, year).isEmpty()) {
      reports.publish(AREA, year, ReportArea.AREA_USER);
    }
    browser = Browser.start();
    browser.manage().window().setSize(new Dimension(375, 812));
    var wait = Browser.waiting(browser);
    browser.get("http://localhost:" + port + "/public/areas/" + AREA + "/" + year);
    var js = (JavascriptExecutor) browser;
    for (var id : List.of("chart-members", "chart-progress")) {
      wait.until(d -> "true".equals(d.findElement(By.id(id)).getAttribute("data-rendered")));
      var painted = (Boolean) js.executeScript("var c = document.getElementById(arguments[0]);"
          + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
          + "for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; } return false;", id);
      assertThat(painted).as(id).isTrue();
    }
    assertThat(browser.findElement(By.id("members")).getText()).contains("東町", "西町", "南村", "圏域合計");
    var pageWidth = (Long) js.executeScript("return document.documentElement.scrollWidth");
    var screenWidth = (Long) js.executeScript("return document.documentElement.clientWidth");
    assertThat((Long) js.executeScript("return window.innerWidth")).as("the window is a phone's").isEqualTo(375L);
    assertThat(pageWidth).as("the page scrolls sideways on a phone").isLessThanOrEqualTo(screenWidth)
        .isLessThanOrEqualTo(375L);
    Browser.keepEvidence(browser, "public-area-report-phone");
  }
}
