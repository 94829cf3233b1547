package jp.climatepdca.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import jp.climatepdca.cycle.CycleStarter;
import jp.climatepdca.plan.PlanImportService;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A citizen on a phone (Chromium in Japanese, 375 px wide) fills the opinion form of town 963121, first too
 * short (the page says why, keeps the text), then right, and sees the reference. No page scrolls sideways, not
 * even with a measure whose name runs long in the select. Screenshots go to target/browser/.
 */
@AppTest
class OpinionFormInBrowserTest {

  static final String TOWN = "963121";
  static final int PHONE = 375;
  static final String LONG_NAME = "地域の脱炭素化に向けた住宅・建築物の省エネルギー性能の向上と再生可能エネルギー設備の導入支援事業（補助金）";

  @LocalServerPort
  int port;

  @Autowired
  OpinionWindow window;

  @Autowired
  JdbcTemplate jdbc;

  private WebDriver browser;

  @AfterEach
  void close() {
    window.useClock(Clock.systemUTC());
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aCitizenSendsTheFormOnAPhoneAndSeesTheReference(@Autowired PlanImportService plans,
      @Autowired CycleStarter starter) {
    if (!starter.isKnownMunicipality(TOWN)) {
      plans.importPlan(new ByteArrayInputStream(OpinionFormTest.PLAN.formatted(TOWN, "かしわ町")
          .replace("公共施設の太陽光発電", LONG_NAME).getBytes(StandardCharsets.UTF_8)));
      starter.start(TOWN, 2026, "test");
    }
    jdbc.update("delete from public_opinion where municipality_code like '9631%'");
    var june = LocalDateTime.parse("2026-06-20T09:00:00").atZone(OpinionWindow.JAPAN).toInstant();
    window.useClock(Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), june)));

    browser = Browser.start();
    browser.manage().window().setSize(new Dimension(PHONE, 812));
    var js = (JavascriptExecutor) browser;
    var wait = Browser.waiting(browser);
    browser.get("http://localhost:" + port + "/public/opinions/" + TOWN + "/2026");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("opinion-form")));
    assertThat((Long) js.executeScript("return window.innerWidth")).as("the window is a phone's").isEqualTo(PHONE);
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("かしわ町", "ご意見");
    assertThat(browser.getPageSource()).contains("2026年4月1日（水）", "2026年9月22日（火）", "受付中");
    // the honeypot is in the form but not on the screen
    assertThat(browser.findElement(By.id("website")).getRect().getX()).isNegative();
    noSidewaysScroll(js, "opinion-form");

    browser.findElement(By.cssSelector("input[name=senderKind][value=BUSINESS]")).click();
    new Select(browser.findElement(By.id("measureCode"))).selectByVisibleText(LONG_NAME);
    // too short: the browser's own check (minlength) lets a typed short text through only on submit, so
    // remove it to see the server's Japanese message, as an old browser would
    js.executeScript("document.getElementById('body').removeAttribute('minlength')");
    browser.findElement(By.id("body")).sendKeys("短い意見");
    browser.findElement(By.id("consent")).click();
    Browser.pause(Duration.ofMillis(3500)); // a person takes longer than the minimum fill time
    browser.findElement(By.id("send")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
    assertThat(browser.getPageSource()).contains("ご意見は10文字以上で入力してください（現在4文字）");
    assertThat(browser.findElement(By.id("body")).getAttribute("value")).isEqualTo("短い意見");
    assertThat(browser.findElement(By.cssSelector("input[name=senderKind][value=BUSINESS]")).isSelected()).isTrue();
    Browser.keepEvidence(browser, "opinion-form-refused");
    noSidewaysScroll(js, "opinion-form-refused");

    browser.findElement(By.id("body")).sendKeys("ですが、補助金の申請書類をもっと簡単にしてほしいです。");
    Browser.pause(Duration.ofMillis(3500));
    browser.findElement(By.id("send")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reference")));
    assertThat(browser.findElement(By.id("reference")).getText()).isEqualTo("O-2026-0001");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ご意見を受け付けました");
    Browser.keepEvidence(browser, "opinion-thanks");
    noSidewaysScroll(js, "opinion-thanks");
    assertThat(jdbc.queryForMap("select sender_kind, measure_code, body from public_opinion where municipality_code = ?",
        TOWN)).containsEntry("SENDER_KIND", "BUSINESS").containsEntry("MEASURE_CODE", "M-2")
        .containsEntry("BODY", "短い意見ですが、補助金の申請書類をもっと簡単にしてほしいです。");
  }

  private static void noSidewaysScroll(JavascriptExecutor js, String page) {
    assertThat((Long) js.executeScript("return document.documentElement.scrollWidth")).as(page + " scrolls sideways")
        .isLessThanOrEqualTo(PHONE);
    assertThat((Long) js.executeScript("return document.body.scrollWidth")).as(page).isLessThanOrEqualTo(PHONE);
  }
}
