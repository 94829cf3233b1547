package jp.climatepdca.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium and its chromedriver (test tools cannot download browsers here). Without
 * them the browser tests are skipped on a developer's machine, and fail on CI (CI=true), where .ci/run
 * installs them.
 */
public final class Browser {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path EVIDENCE = Path.of("target", "browser");

  private Browser() {}

  public static WebDriver start() {
    var installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI needs " + CHROMIUM + " and " + CHROMEDRIVER
          + " (apt-get install chromium chromium-driver; .ci/run does this)");
    }
    Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed: browser test skipped");
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1400,1100", "--lang=ja-JP");
    // a Japanese office PC: Tasklist picks its language from the browser's
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "ja,ja-JP"));
    var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  /**
   * Opens Cockpit and types the user and the tests' password into its own login (Cockpit's session, not
   * Tasklist's); whether it lets the user in is the caller's to check.
   */
  public static void logInToCockpit(WebDriver driver, int port, String user) {
    driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
    waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
        .sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(Http.PASSWORD);
    driver.findElement(By.xpath("//button[@type='submit'][normalize-space()='ログイン']")).click();
  }

  /**
   * Waits up to 30 s. Tasklist's Angular and form-js replace elements while they render (a status line
   * re-drawn between finding it and reading its text), so a stale element means "ask again", not failure.
   */
  public static WebDriverWait waiting(WebDriver driver) {
    var wait = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(200));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** Waits a moment for a page whose data arrives after its heading (there is no element that says done). */
  public static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The visible element of a page that loads its rows itself (Cockpit's 年度サイクル); when it does not come, the
   * failure says what the page shows instead (its error line, say) and the evidence keeps the page.
   */
  public static WebElement row(WebDriver driver, String css) {
    try {
      return waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    } catch (TimeoutException e) {
      keepEvidence(driver, "missing-row");
      throw new AssertionError("no " + css + " on the page, which shows: "
          + driver.findElement(By.tagName("body")).getText(), e);
    }
  }

  /**
   * Clicks {@code link} inside the row {@code row}, both found afresh until the click lands: a list drawn again
   * when its data arrives (Cockpit's 年度サイクル pages after 戻る) replaces the row found in its first drawing.
   */
  public static void clickInRow(WebDriver driver, String row, String link) {
    waiting(driver).until(d -> {
      d.findElement(By.cssSelector(row + " " + link)).click();
      return true;
    });
  }

  /** A screenshot and the page's HTML under target/browser/, to see what the browser saw. */
  public static void keepEvidence(WebDriver driver, String name) {
    try {
      Files.createDirectories(EVIDENCE);
      Files.write(EVIDENCE.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      Files.writeString(EVIDENCE.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
