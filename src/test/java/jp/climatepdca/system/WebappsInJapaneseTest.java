package jp.climatepdca.system;

import static jp.climatepdca.assessment.DepartmentSelfAssessmentProcess.TASK_ENTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.climatepdca.testing.AppTest;
import jp.climatepdca.testing.Browser;
import jp.climatepdca.testing.CycleFixture;
import jp.climatepdca.testing.Http;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Japanese office browser (Chromium, ja-JP) walks through Welcome, Cockpit, Admin and Tasklist and reads
 * every visible text: no English word may be left but names (Camunda and its apps) and our own data as
 * the engine holds it (process keys, element ids, user, group and tenant ids, variable names), which
 * Cockpit and Admin show as they are. Screenshots and HTML of every page stay in target/browser/.
 * Fiscal year 2059.
 */
@AppTest
class WebappsInJapaneseTest {

  private static final int YEAR = 2059;
  private static final String KEY = CycleFixture.CITY + ":" + YEAR + ":env";
  private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z]{2,}");
  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern NOT_A_WORD = Pattern.compile("[A-Za-z0-9]+(?:[-_:.][A-Za-z0-9]+)+");
  /** Names that read the same in a Japanese manual, and units. */
  private static final Set<String> NAMES = Set.of("Camunda", "Platform", "Cockpit", "Tasklist", "Admin",
      "Welcome", "BPMN", "DMN", "CMMN", "Asia", "Tokyo", "JST", "UTC", "null", "bpmn", "io", "Optimize",
      // the plan's own vocabulary, as in 前年度の見直し（Action）の結果
      "PDCA", "Plan", "Check", "Action",
      // a product staff know by its name (the self-assessment form: Excelで記入して登録)
      "Excel");

  @LocalServerPort
  int port;

  @Autowired
  RuntimeService runtime;

  @Autowired
  ManagementService management;

  @Autowired
  TaskService tasks;

  @Autowired
  RepositoryService repository;

  @Autowired
  IdentityService identity;

  @Autowired
  org.camunda.bpm.engine.AuthorizationService authorizations;

  private WebDriver browser;

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void everyScreenStaffAndAdministratorsSeeIsJapanese() {
    browser = Browser.start();
    CycleFixture.startNow(port, runtime, management, YEAR);
    var task = CycleFixture.await(tasks, KEY, TASK_ENTER);
    var instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
    var ours = ourData();
    var english = new LinkedHashMap<String, Set<String>>();
    var camunda = "http://localhost:" + port + "/camunda/app/";

    logIn(camunda + "welcome/default/", "demo");
    visit(english, ours, "welcome", camunda + "welcome/default/#!/welcome", "アプリケーション");
    visit(english, ours, "cockpit-dashboard", camunda + "cockpit/default/#/dashboard", "実行中のプロセスインスタンス");
    visit(english, ours, "cockpit-processes", camunda + "cockpit/default/#/processes", "プロセス定義");
    visit(english, ours, "cockpit-process-definition",
        camunda + "cockpit/default/#/process-definition/" + instance.getProcessDefinitionId() + "/runtime", "定義ID");
    visit(english, ours, "cockpit-process-instance",
        camunda + "cockpit/default/#/process-instance/" + instance.getId() + "/runtime", "インスタンスID");
    visit(english, ours, "cockpit-deployments", camunda + "cockpit/default/#/repository", "デプロイ");
    visit(english, ours, "admin-users", camunda + "admin/default/#/users", "ユーザー一覧");
    visit(english, ours, "admin-user", camunda + "admin/default/#/users/env-staff?tab=profile", "プロフィール");
    visit(english, ours, "admin-groups", camunda + "admin/default/#/groups", "グループ一覧");
    visit(english, ours, "admin-tenants", camunda + "admin/default/#/tenants", "テナント一覧");
    visit(english, ours, "admin-authorizations", camunda + "admin/default/#/authorization?resource=0", "認可");
    visit(english, ours, "admin-system", camunda + "admin/default/#/system?section=system-settings-general", "全般設定");

    browser.manage().deleteAllCookies();
    logIn(camunda + "tasklist/default/", "env-staff");
    visit(english, ours, "tasklist-list", camunda + "tasklist/default/#/", "フィルター");
    visit(english, ours, "tasklist-form", camunda + "tasklist/default/#/?task=" + task.getId(), "取組実績");
    // a required field left empty: form-js's own message, in Japanese
    Browser.waiting(browser).until(ExpectedConditions.elementToBeClickable(
        By.xpath("//button[normalize-space()='担当する']"))).click();
    var achievements = Browser.waiting(browser).until(ExpectedConditions.elementToBeClickable(By.xpath(
        "(//div[contains(@class, 'fjs-form-field-textarea')][.//label[contains(., '取組実績')]]//textarea)[1]")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", achievements);
    achievements.sendKeys("x", org.openqa.selenium.Keys.BACK_SPACE, org.openqa.selenium.Keys.TAB);
    var error = Browser.waiting(browser).until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".fjs-form-field-error li")));
    Browser.waiting(browser).until(d -> !error.getText().isBlank());
    assertThat(error.getText()).isEqualTo("入力してください（必須項目です）。");
    read(english, ours, "tasklist-form-error", "必須項目です");

    assertThat(english).as("English words on the Japanese screens (see target/browser/webapps-*.png)").isEmpty();
  }

  /** Opens the page, waits for its Japanese heading and its data, keeps the evidence and reads the text. */
  private void visit(Map<String, Set<String>> english, Set<String> ours, String name, String url, String shown) {
    browser.get(url);
    read(english, ours, name, shown);
  }

  /** The page as it is now: its Japanese heading, the banner, the Actions head, every visible word. */
  private void read(Map<String, Set<String>> english, Set<String> ours, String name, String shown) {
    var wait = Browser.waiting(browser);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[contains(normalize-space(.), '" + shown + "')]")));
    // lists and diagrams arrive after the heading; there is no single element that says "done"
    Browser.pause(Duration.ofMillis(2500));
    // On a loaded machine a pager can still show its translation keys (FIRST, PAGINATION…) for a moment:
    // read again until the words settle, so only English that stays on the page fails the test.
    var text = visibleText();
    for (int attempt = 0; attempt < 10 && !englishWords(text, ours).isEmpty(); attempt++) {
      Browser.pause(Duration.ofMillis(1000));
      text = visibleText();
    }
    Browser.keepEvidence(browser, "webapps-" + name);
    // Camunda 8 banner: rendered by every app's header, hidden by our user-styles.css
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).as(name + ": migration banner")
        .noneMatch(banner -> banner.isDisplayed());
    // the variables table's "Actions" head, replaced by CSS (text shown through ::before)
    var heads = ((JavascriptExecutor) browser).executeScript(
        "return Array.prototype.map.call(document.querySelectorAll('thead td.actions'),"
        + " function (td) { return getComputedStyle(td, '::before').content; });");
    assertThat((java.util.List<?>) heads).as(name + ": variables table head").allMatch("\"操作\""::equals);
    var found = englishWords(text, ours);
    if (!found.isEmpty()) {
      english.put(name, found);
    }
  }

  private String visibleText() {
    return (String) ((JavascriptExecutor) browser).executeScript(
        "var t = document.body.innerText;"
        + " document.querySelectorAll('input[placeholder], textarea[placeholder]').forEach(function (e) {"
        + "   if (e.offsetParent) { t += '\\n' + e.getAttribute('placeholder'); } });"
        + " return t;");
  }

  static Set<String> englishWords(String text, Set<String> ours) {
    var found = new TreeSet<String>();
    // ids of instances, tasks and deployments (UUIDs) are not words either
    text = UUID.matcher(text).replaceAll(" ");
    // identifiers such as Task_EnterSelfAssessment, env-staff or 999999:2059:env are data, not words
    var words = NOT_A_WORD.matcher(text).replaceAll(match -> ours.contains(match.group()) ? " " : match.group());
    var matcher = WORD.matcher(words);
    while (matcher.find()) {
      var word = matcher.group();
      if (!NAMES.contains(word) && !ours.contains(word)) {
        found.add(word);
      }
    }
    return found;
  }

  /** Every identifier and name the engine holds for us, and the words they are made of. */
  private Set<String> ourData() {
    var data = new TreeSet<String>();
    repository.createProcessDefinitionQuery().list().forEach(definition -> {
      Stream.of(definition.getKey(), definition.getId(), definition.getName(), definition.getResourceName(),
          definition.getTenantId()).forEach(value -> add(data, value));
      repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(
          repository.getBpmnModelInstance(definition.getId()).getModel()
              .getType(org.camunda.bpm.model.bpmn.instance.BaseElement.class))
          .forEach(element -> add(data, ((ModelElementInstance) element).getAttributeValue("id")));
    });
    repository.createDeploymentQuery().list().forEach(deployment -> {
      add(data, deployment.getName());
      add(data, deployment.getSource());
      repository.getDeploymentResourceNames(deployment.getId()).forEach(resource -> add(data, resource));
    });
    identity.createUserQuery().list().forEach(user -> Stream.of(user.getId(), user.getFirstName(),
        user.getLastName(), user.getEmail()).forEach(value -> add(data, value)));
    identity.createGroupQuery().list().forEach(group -> Stream.of(group.getId(), group.getName(), group.getType())
        .forEach(value -> add(data, value)));
    identity.createTenantQuery().list().forEach(tenant -> {
      add(data, tenant.getId());
      add(data, tenant.getName());
    });
    runtime.createVariableInstanceQuery().list().forEach(variable -> {
      add(data, variable.getName());
      add(data, variable.getTypeName());
      // Cockpit shows a value as it is, Json ones with their field names
      add(data, String.valueOf(variable.getValue()));
    });
    // authorizations are listed by resource id and Camunda's permission names
    authorizations.createAuthorizationQuery().list().forEach(authorization -> {
      add(data, authorization.getResourceId());
      Stream.of(authorization.getPermissions(org.camunda.bpm.engine.authorization.Permissions.values()))
          .forEach(permission -> add(data, permission.getName()));
    });
    // our application's name, which Tasklist shows as its vendor
    add(data, "climate-pdca");
    // Camunda's variable types and the engine's name, as Cockpit lists them
    Stream.of("String", "Json", "Boolean", "Integer", "Long", "Double", "Date", "Object", "default", "Xml",
        "Bytes", "File", "Short").forEach(data::add);
    return data;
  }

  private static void add(Set<String> data, String value) {
    if (value == null) {
      return;
    }
    data.add(value);
    var words = Pattern.compile("[A-Za-z0-9]+").matcher(value);
    while (words.find()) {
      data.add(words.group());
    }
  }

  private void logIn(String app, String user) {
    browser.get(app);
    var wait = Browser.waiting(browser);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']"))).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(Http.PASSWORD);
    browser.findElement(By.xpath("//button[@type='submit'][normalize-space()='ログイン']")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
  }
}
