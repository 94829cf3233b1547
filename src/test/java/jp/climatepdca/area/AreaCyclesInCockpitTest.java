package jp.climatepdca.area;

import static jp.climatepdca.area.CockpitAreas.AREA;
import static jp.climatepdca.area.CockpitAreas.ENDED_YEAR;
import static jp.climatepdca.area.CockpitAreas.LATE;
import static jp.climatepdca.area.CockpitAreas.LEAD;
import static jp.climatepdca.area.CockpitAreas.THIS_YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.WebappSession;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The areas' cycles in Cockpit's 年度サイクル page (GET /camunda/api/climate-pdca/cockpit/area-cycles): an
 * administrator sees area971's running year with its members, the late one and what it waits for, and its ended
 * year with the history link; through the API and in Chromium (ja-JP) through Cockpit's own login. Anyone else
 * is refused.
 */
@AppTest
class AreaCyclesInCockpitTest {

  private static final String LIST = "/api/climate-pdca/cockpit/area-cycles";

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  RuntimeService runtime;

  private WebDriver browser;

  @BeforeEach
  void area() {
    CockpitAreas.ensure(context, port);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anAdministratorSeesTheAreasCyclesWithMembersAndTheLateOne() throws Exception {
    var admin = WebappSession.logIn(port, "demo");
    var response = admin.get(LIST);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    var ours = ours(new ObjectMapper().readTree(response.body()));
    assertThat(ours).extracting(c -> c.path("businessKey").asText())
        .containsExactly(AREA + ":" + THIS_YEAR, AREA + ":" + ENDED_YEAR);

    var running = ours.get(0);
    assertThat(running.path("areaName").asText()).isEqualTo("試験もみじ圏域");
    assertThat(running.path("state").asText()).isEqualTo("RUNNING");
    assertThat(running.path("phaseLabel").asText()).isEqualTo("提出遅延への対応（事務局）");
    var members = running.path("members");
    assertThat(members).hasSize(2);
    assertThat(members.get(0).path("municipality").asText()).isEqualTo(LEAD);
    assertThat(members.get(0).path("lead").asBoolean()).isTrue();
    assertThat(members.get(0).path("late").asBoolean()).isFalse();
    assertThat(members.get(1).path("municipality").asText()).isEqualTo(LATE);
    assertThat(members.get(1).path("late").asBoolean()).isTrue();
    assertThat(members.get(1).path("result").asText()).isEqualTo("未提出");
    assertThat(members.get(1).path("deadline").asText()).isEqualTo(THIS_YEAR + "-10-31");

    var ended = ours.get(1);
    assertThat(ended.path("state").asText()).isEqualTo("COMPLETED");
    assertThat(ended.path("phaseLabel").asText()).isEqualTo("完了");
    assertThat(ended.path("endedAt").asText()).isNotBlank();
    var steps = admin.get(LIST + "/" + ended.path("processInstanceId").asText() + "/steps");
    assertThat(steps.statusCode()).as(steps.body()).isEqualTo(200);
    assertThat(steps.body()).contains("圏域サイクル完了");

    assertThat(admin.get(LIST + "?fiscalYear=" + ENDED_YEAR).body()).doesNotContain(AREA + ":" + THIS_YEAR);
    // only an area cycle's instance: a town's cycle or a member's is not one
    var member = runtime.createProcessInstanceQuery().processInstanceBusinessKey(LEAD + ":" + THIS_YEAR).singleResult();
    assertThat(admin.get(LIST + "/" + member.getId() + "/steps").statusCode()).isEqualTo(404);
  }

  @Test
  void nobodyButAnAdministratorGetsTheList() throws Exception {
    var secretariat = WebappSession.logIn(port, CockpitAreas.SECRETARIAT);
    var refused = secretariat.get(LIST);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("管理者（camunda-admin）だけです").doesNotContain(AREA + ":");
    assertThat(WebappSession.logIn(port, LEAD + "-kankyo-staff").get(LIST).statusCode()).isEqualTo(403);
    assertThat(Http.as(port, "demo").get("/camunda" + LIST).status()).isEqualTo(401);
  }

  @Test
  void anAdministratorSeesTheAreasCyclesInCockpit() {
    browser = Browser.start();
    var wait = Browser.waiting(browser);
    Browser.logInToCockpit(browser, port, "demo");
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText("年度サイクル"))).click();
    // a laptop's short screen: the areas' cycles are below the towns' and must be reached by scrolling the page
    // (Cockpit's frame hid them once the list grew: CI, with every test's cycles in the list)
    browser.manage().window().setSize(new Dimension(1400, 600));

    var running = row(AREA + ":" + THIS_YEAR);
    Browser.keepEvidence(browser, "cockpit-area-cycles");
    assertThat(running.getText()).contains("試験もみじ圏域", "町" + LEAD + "（幹事）", "実行中", "提出遅延への対応（事務局）");
    assertThat(running.findElement(By.cssSelector(".climate-pdca-late-member")).getText())
        .contains("町" + LATE, "未提出", THIS_YEAR + "-10-31");
    assertThat(row(AREA + ":" + ENDED_YEAR).getText()).contains("完了");

    var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(AREA + ":" + THIS_YEAR)
        .processDefinitionKey(AreaCycleProcess.KEY).singleResult().getId();
    open(AREA + ":" + THIS_YEAR);
    wait.until(ExpectedConditions.urlContains("#/process-instance/" + instance + "/runtime"));

    browser.navigate().back();
    open(AREA + ":" + ENDED_YEAR);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".climate-pdca-steps table"),
        "圏域サイクル完了"));
    Browser.keepEvidence(browser, "cockpit-area-cycle-steps");
  }

  private WebElement row(String businessKey) {
    return Browser.row(browser, rowCss(businessKey));
  }

  private void open(String businessKey) {
    Browser.clickInRow(browser, rowCss(businessKey), "a.climate-pdca-instance");
  }

  private static String rowCss(String businessKey) {
    return "tr.climate-pdca-area-cycle[data-business-key='" + businessKey + "']";
  }

  private static List<JsonNode> ours(JsonNode all) {
    var ours = new ArrayList<JsonNode>();
    all.forEach(c -> {
      if (c.path("area").asText().equals(AREA)) {
        ours.add(c);
      }
    });
    return ours;
  }
}
