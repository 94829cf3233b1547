package jp.climatepdca.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist 7.24 as a person uses it, in a real browser: log in, pick a filter, open a task from
 * the list by its name, claim it, fill form-js fields by their Japanese labels and complete. Every step
 * waits for what a person would wait for; nothing goes around the UI.
 */
public final class TasklistPage {

  public static final String MY_TASKS = "自分のタスク";
  public static final String GROUP_TASKS = "グループのタスク";

  private final WebDriver browser;
  private final int port;
  private final WebDriverWait wait;

  public TasklistPage(WebDriver browser, int port) {
    this.browser = browser;
    this.port = port;
    this.wait = Browser.waiting(browser);
  }

  /** A fresh session for the user (the previous user's session cookie is dropped, as by logging out). */
  public void logIn(String user) {
    // a page still loading for the previous user can swallow the typing or the click: try again then
    wait.withTimeout(Duration.ofSeconds(180)).until(d -> tryLogIn(user));
  }

  private boolean tryLogIn(String user) {
    var home = "http://localhost:" + port + "/camunda/app/tasklist/default/";
    var loginField = By.cssSelector("input[ng-model='username']");
    browser.get(home);
    browser.manage().deleteAllCookies();
    ((JavascriptExecutor) browser).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
    browser.get(home);
    var shortWait = Browser.waiting(browser).withTimeout(Duration.ofSeconds(20));
    try {
      var name = shortWait.until(ExpectedConditions.elementToBeClickable(loginField));
      sleep(Duration.ofMillis(300));
      name.clear();
      name.sendKeys(user);
      var password = browser.findElement(By.cssSelector("input[ng-model='password']"));
      password.clear();
      password.sendKeys(Http.PASSWORD);
      browser.findElement(By.xpath("//button[@type='submit'][normalize-space()='ログイン']")).click();
      shortWait.until(ExpectedConditions.presenceOfElementLocated(
          By.xpath("//*[contains(@class, 'task-filter')]//h4[@uib-tooltip='" + MY_TASKS + "']")));
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      Browser.keepEvidence(browser, "login-retry-" + user);
      return false;
    }
  }

  /**
   * Opens the task named exactly {@code taskName} from the filter's list (the name is what tells the
   * person which one it is) and returns its id; the list refreshes until it shows up.
   */
  public String open(String filter, String taskName) {
    var item = By.xpath("//*[@cam-tasks]//li[contains(@class, 'task')]//a[normalize-space()='" + taskName + "']");
    wait.withTimeout(Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class).until(d -> {
      click(d.findElement(By.xpath("//*[contains(@class, 'task-filter')]//h4[@uib-tooltip='" + filter + "']/a")));
      sleep(Duration.ofMillis(500));
      return !d.findElements(item).isEmpty();
    });
    click(browser.findElement(item));
    wait.until(ExpectedConditions.urlContains("task="));
    var url = browser.getCurrentUrl();
    var id = url.substring(url.indexOf("task=") + 5).replaceAll("[&#].*", "");
    // the header names the task the same way as the list
    wait.until(d -> headerName().equals(taskName));
    return id;
  }

  /** The task's name in the header of the task column. */
  public String headerName() {
    var names = browser.findElements(By.cssSelector(".task-details .names h2, .task-details h2.names, .task-details .names"));
    return names.isEmpty() ? "" : names.get(0).getText().strip();
  }

  /** What the header shows about the due date (relative text and its tooltip's absolute date). */
  public String dueDateText() {
    var due = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-details .due-date")));
    return due.getText() + " " + due.getAttribute("innerHTML");
  }

  /** The assignee shown in the header (display name, as Tasklist shows it). */
  public String assigneeText() {
    var shown = browser.findElements(By.cssSelector(".task-details .assignee"));
    return shown.isEmpty() ? "" : shown.get(0).getText().strip();
  }

  public void claimIfOffered() {
    var claim = browser.findElements(By.xpath("//button[normalize-space()='担当する']"));
    if (!claim.isEmpty()) {
      click(claim.get(0));
      wait.until(d -> d.findElements(By.xpath("//button[normalize-space()='担当する']")).isEmpty());
    }
    formShown();
  }

  public void formShown() {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));
  }

  /** The form's text as shown (read-only tables, notices, labels). */
  public String formText() {
    return browser.findElement(By.cssSelector(".fjs-form")).getText();
  }

  /** Types into the n-th (0-based) textarea or text field with this label. */
  public void type(String label, int index, String text) {
    // form-js commits typed text after a 300 ms debounce and renders the form again then; a click on
    // another field before that can be lost in the re-render, and on a loaded machine the re-render
    // comes late: the field is read again after it and typed once more if the text did not hold
    for (int attempt = 1; ; attempt++) {
      var fields = fields(label);
      assertThat(fields).as("fields labelled " + label).hasSizeGreaterThan(index);
      var field = fields.get(index);
      scroll(field);
      field.click();
      field.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"));
      field.sendKeys(org.openqa.selenium.Keys.DELETE);
      field.sendKeys(text);
      sleep(Duration.ofMillis(600));
      var held = text.equals(fields(label).get(index).getAttribute("value"));
      if (held || attempt == 3) {
        assertThat(held).as("the text typed into " + label + " holds after form-js renders again").isTrue();
        return;
      }
    }
  }

  public void type(String label, String text) {
    type(label, 0, text);
  }

  public List<WebElement> fields(String label) {
    // a list or group whose label contains the same words is not the field
    return browser.findElements(By.xpath("//div[contains(@class, 'fjs-form-field')]"
        + "[not(contains(@class, 'fjs-form-field-grouplike'))][./label[contains(., '" + label
        + "')] or ./*/label[contains(., '" + label + "')]]//*[self::textarea or self::input[@type='text']]"));
  }

  /** Picks the option of a radio group by the option's label, until the form shows it picked. */
  public void pick(String groupLabel, String option) {
    var group = "//div[contains(@class, 'fjs-form-field-radio')][./label[contains(., '" + groupLabel + "')]]";
    var choice = By.xpath(group + "//label[normalize-space()='" + option + "']");
    var input = By.xpath(group + "//label[normalize-space()='" + option + "']/preceding-sibling::input"
        + " | " + group + "//input[@id=" + group + "//label[normalize-space()='" + option + "']/@for]");
    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      click(d.findElement(choice));
      sleep(Duration.ofMillis(400));
      return d.findElements(input).stream().anyMatch(WebElement::isSelected);
    });
  }

  /** Picks the option of the n-th (0-based) radio group with this label: one in each row of a dynamic list. */
  public void pick(String groupLabel, int index, String option) {
    var groups = By.xpath("//div[contains(@class, 'fjs-form-field-radio')][./label[contains(., '" + groupLabel + "')]]");
    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      var group = d.findElements(groups).get(index);
      var label = group.findElement(By.xpath(".//label[normalize-space()='" + option + "']"));
      click(label);
      sleep(Duration.ofMillis(400));
      var input = d.findElements(groups).get(index).findElement(By.id(d.findElements(groups).get(index)
          .findElement(By.xpath(".//label[normalize-space()='" + option + "']")).getAttribute("for")));
      return input.isSelected();
    });
  }

  /** form-js 1.8 renders a select as its own dropdown: open the n-th with this label, pick by the option's label. */
  public void choose(String label, int index, String option) {
    var selects = browser.findElements(By.xpath(
        "//div[contains(@class, 'fjs-form-field-select')][.//label[contains(., '" + label + "')]]"));
    var field = selects.get(index);
    click(field.findElement(By.cssSelector(".fjs-input-group")));
    wait.until(d -> !field.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty());
    field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(o -> o.getText().strip().equals(option)).findFirst().orElseThrow().click();
  }

  /** Adds a row to a dynamic list that allows it (form-js's add button under the list). */
  public void addRow(String listLabel) {
    click(browser.findElement(By.xpath("//div[contains(@class, 'fjs-form-field-dynamiclist')][./label[contains(., '"
        + listLabel + "')]]/*/button[contains(@class, 'fjs-repeat-render-add')]")));
    sleep(Duration.ofMillis(400));
  }

  /**
   * Chooses a file in the form's upload field (custom/task-file-upload.js) whose button reads
   * {@code buttonText}, sends it, and answers what the form then shows under it (the message and every error).
   */
  public String upload(String buttonText, java.nio.file.Path file) {
    var widget = "//div[contains(@class, 'task-file-upload-widget')][./button[normalize-space()='" + buttonText + "']]";
    var input = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(widget + "/input[@type='file']")));
    input.sendKeys(file.toAbsolutePath().toString());
    click(browser.findElement(By.xpath(widget + "/button")));
    // after a success the form is loaded again and the widget drawn anew, with the same answer
    var result = By.xpath(widget + "/div[contains(@class, 'task-file-upload-result')]");
    return wait.withTimeout(Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class).until(d -> {
      var shown = d.findElements(result);
      var text = shown.isEmpty() ? "" : shown.get(0).getText().strip();
      return text.isEmpty() || text.contains("送信しています") ? null : text;
    });
  }

  /** Completes the form; form-js commits typed text after a short debounce, so it is given that time. */
  public void complete() {
    sleep(Duration.ofMillis(700));
    closeNotifications();
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='完了']"))));
  }

  /**
   * Closes Tasklist's notices, as staff do with their ×: a refusal's notice stays until closed, and its panel
   * lies over the 完了 button (a second completion after a corrected input could not be clicked).
   */
  public void closeNotifications() {
    for (var close : browser.findElements(By.cssSelector(".page-notifications .alert .close"))) {
      try {
        if (close.isDisplayed()) {
          close.click();
        }
      } catch (StaleElementReferenceException e) {
        // its notice went with one closed before
      }
    }
  }

  /** The error Tasklist shows when the server refused the submission, or empty. */
  public String shownError() {
    var errors = browser.findElements(By.cssSelector(".notifications .alert-danger, .alert-danger"));
    return errors.isEmpty() ? "" : errors.get(0).getText();
  }

  /**
   * Tasklist's footer overlaps the bottom of the form: bring the element to the middle first; a click
   * intercepted while the form still lays out is retried.
   */
  public void click(WebElement element) {
    wait.ignoring(ElementClickInterceptedException.class).until(d -> {
      scroll(element);
      element.click();
      return true;
    });
  }

  private void scroll(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
