package jp.climatepdca.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.Http;
import jp.climatepdca.testing.TasklistPage;
import jp.climatepdca.testing.TestUsers;
import jp.climatepdca.testing.WebappSession;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Which of Camunda's webapps a person is offered and let into. Camunda 7.24 decides both from APPLICATION
 * authorizations: {@code GET /camunda/api/admin/auth/user/default} answers the apps the user may ACCESS
 * ({@code authorizedApps}), the header's app menu lists only those, and the webapps' security filter answers
 * 403 for an app's page without the grant. Groups get ACCESS to {@code tasklist} only (TenantDirectory);
 * {@code camunda-admin} ALL on every application. Department staff (town 963601) see neither Cockpit nor
 * Admin in Tasklist and are refused both; an administrator is offered and let into both.
 */
@AppTest
class WebappMenuByRoleTest {

  static final String TOWN = "963601";
  static final String STAFF = TOWN + "-kankyo-staff";

  @LocalServerPort
  int port;

  @Autowired
  IdentityService identity;

  @Autowired
  AuthorizationService authorizations;

  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  private synchronized void town() {
    if (identity.createUserQuery().userId(STAFF).count() > 0) {
      return;
    }
    var plan = Map.of("municipality", Map.of("code", TOWN, "name", "もみじ町"),
        "departments", List.of(Map.of("code", "kankyo", "name", "環境課")),
        "measures", List.of(Map.of("code", "K-1", "department", "kankyo", "name", "省エネルギーの推進",
            "sector", "HOUSEHOLD", "kind", "IMPLEMENTATION")));
    var loaded = Http.as(port, "demo").post("/api/plans", plan);
    assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
    TestUsers.add(identity, STAFF, "環境課", "職員", GroupNames.departmentStaff(TOWN, "kankyo"));
  }

  @Test
  void departmentStaffAreOfferedTasklistOnlyAndRefusedCockpitAndAdmin() throws Exception {
    town();
    var session = WebappSession.logIn(port, STAFF);
    var apps = new ObjectMapper().readTree(session.get("/api/admin/auth/user/default").body()).path("authorizedApps");
    assertThat(List.of(new ObjectMapper().treeToValue(apps, String[].class))).containsExactlyInAnyOrder("welcome", "tasklist");
    assertThat(session.get("/app/cockpit/default/").statusCode()).isEqualTo(403);
    assertThat(session.get("/app/admin/default/").statusCode()).isEqualTo(403);
    // Cockpit's own API checks only the login (Camunda's security filter rules); its queries answer what the
    // user's authorizations allow, which for a department is nothing
    var statistics = session.get("/api/cockpit/plugin/base/default/process-definition/statistics");
    assertThat(statistics.body()).as(statistics.toString()).isEqualTo("[]");

    browser = Browser.start();
    var tasklist = new TasklistPage(browser, port);
    tasklist.logIn(STAFF);
    Browser.pause(Duration.ofSeconds(1));
    assertThat(browser.findElements(By.cssSelector("li.app-switch"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("a[href*='/app/cockpit/'], a[href*='/app/admin/']"))).isEmpty();
    Browser.keepEvidence(browser, "tasklist-menu-staff");

    // Cockpit's own login refuses them: the shell stays at its login, nothing of Cockpit opens
    browser.manage().deleteAllCookies();
    Browser.logInToCockpit(browser, port, STAFF);
    Browser.pause(Duration.ofSeconds(2));
    Browser.keepEvidence(browser, "cockpit-login-staff");
    assertThat(browser.findElements(By.cssSelector("input[ng-model='username']"))).isNotEmpty();
    assertThat(browser.findElements(By.linkText("年度サイクル"))).isEmpty();
  }

  @Test
  void anAdministratorIsOfferedAndLetIntoCockpitAndAdmin() throws Exception {
    var session = WebappSession.logIn(port, "demo");
    assertThat(session.get("/app/cockpit/default/").statusCode()).isEqualTo(200);
    assertThat(session.get("/app/admin/default/").statusCode()).isEqualTo(200);

    browser = Browser.start();
    var tasklist = new TasklistPage(browser, port);
    tasklist.logIn("demo");
    var wait = Browser.waiting(browser);
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.app-switch > a"))).click();
    assertThat(browser.findElement(By.cssSelector("li.app-switch li.admin a")).getAttribute("href")).contains("/app/admin/default/");
    Browser.keepEvidence(browser, "tasklist-menu-admin");
    browser.findElement(By.cssSelector("li.app-switch li.cockpit a")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText("年度サイクル")));
  }

  /**
   * The root of both: no group but camunda-admin and no single user holds an APPLICATION grant beyond
   * Tasklist, and no global one exists (it would offer Cockpit to everybody).
   */
  @Test
  void onlyAdministratorsMayAccessAnyApplicationButTasklist() {
    town();
    var grants = authorizations.createAuthorizationQuery().resourceType(Resources.APPLICATION).list();
    assertThat(grants).isNotEmpty();
    assertThat(grants).allSatisfy(grant -> {
      assertThat(grant.getAuthorizationType()).as(grant.toString()).isNotEqualTo(Authorization.AUTH_TYPE_GLOBAL);
      if (!GroupNames.ADMIN.equals(grant.getGroupId())) {
        assertThat(grant.getResourceId()).as(grant.toString()).isEqualTo(TenantDirectory.TASKLIST);
      }
    });
  }
}
