package jp.climatepdca.cycle;

import static jp.climatepdca.cycle.CockpitTowns.KAEDE;
import static jp.climatepdca.cycle.CockpitTowns.LAST_YEAR;
import static jp.climatepdca.cycle.CockpitTowns.SAKURA;
import static jp.climatepdca.cycle.CockpitTowns.THIS_YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * An administrator in Cockpit (Chromium, ja-JP) opens 年度サイクル from Cockpit's menu and sees both towns'
 * cycles by fiscal year, running and ended, with their phase, the late department and a link that opens the
 * instance: Cockpit's own view for a running one, the plugin's history for last year's ended one.
 */
@AppTest
class CockpitCyclesInBrowserTest {

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  RuntimeService runtime;

  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anAdministratorSeesEveryTownsCyclesInCockpit() {
    CockpitTowns.ensure(context, port);
    browser = Browser.start();
    var wait = Browser.waiting(browser);
    Browser.logInToCockpit(browser, port, "demo");

    wait.until(ExpectedConditions.elementToBeClickable(By.linkText("年度サイクル"))).click();
    var sakura = row(SAKURA + ":" + THIS_YEAR);
    Browser.keepEvidence(browser, "cockpit-cycles");
    assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("年度サイクル一覧（全自治体）");
    assertThat(sakura.getText()).contains("さくら町", "実行中", "各部署の自己点検・自己評価", "環境課", "期限");
    var kaede = row(KAEDE + ":" + THIS_YEAR);
    assertThat(kaede.getText()).contains("かえで村", "各部署の自己点検・自己評価").doesNotContain("住民環境課");
    var lastYear = row(SAKURA + ":" + LAST_YEAR);
    assertThat(lastYear.getText()).contains("さくら町", "完了");
    // the years are headed, this year's above last year's
    var page = browser.findElement(By.cssSelector(".climate-pdca-cycles")).getText();
    assertThat(page.indexOf(THIS_YEAR + "年度")).isNotNegative().isLessThan(page.indexOf(LAST_YEAR + "年度"));

    // a running cycle opens in Cockpit's own instance view
    var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(SAKURA + ":" + THIS_YEAR)
        .singleResult().getId();
    open(SAKURA + ":" + THIS_YEAR);
    wait.until(ExpectedConditions.urlContains("#/process-instance/" + instance + "/runtime"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[contains(normalize-space(.), 'インスタンスID')]")));

    // last year's ended one opens in the plugin's history (Cockpit CE opens no ended instance)
    browser.navigate().back();
    open(SAKURA + ":" + LAST_YEAR);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".climate-pdca-steps table"),
        "年度サイクル完了"));
    Browser.keepEvidence(browser, "cockpit-cycle-steps");
  }

  private WebElement row(String businessKey) {
    return Browser.row(browser, rowCss(businessKey));
  }

  private void open(String businessKey) {
    Browser.clickInRow(browser, rowCss(businessKey), "a.climate-pdca-instance");
  }

  private static String rowCss(String businessKey) {
    return "tr.climate-pdca-cycle[data-business-key='" + businessKey + "']";
  }
}
