package app.confio.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.generator.HistoryGenerator;
import app.confio.testing.Browser;
import app.confio.testing.Deployments;
import app.confio.testing.Http;
import app.confio.testing.TestEnvironment;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's headless Chromium): sign-in, tiles equal to the admin
 * API's numbers, charts drawn by Chart.js, the users behind a tile and their CSV. The screenshot it
 * takes is the one in the README.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashboardIT {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Path DOWNLOADS = Path.of("target", "downloads");

  @ArquillianResource URL base;

  static ChromeDriver browser;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @BeforeAll
  static void startBrowser() throws Exception {
    Browser.ensureInstalled();
    browser = Browser.start(DOWNLOADS);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  /**
   * The demo data of {@code mvn -Prun}: 2,000 generated users with two years of history, turned
   * into activity by a backfill through the admin API, as an operator would; the daily snapshots
   * follow the backfill.
   */
  void loadDemoData() throws Exception {
    new HistoryGenerator(TestEnvironment.dataSource(), 42).generate(2_000, line -> {});
    var admin = Http.admin(base);
    var started = admin.post("api/admin/backfill?days=730");
    assertEquals(202, started.statusCode(), started.body());
    var deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (((JsonObject) admin.json("api/admin/backfill")).getBoolean("running")) {
      assertTrue(System.nanoTime() < deadline, "backfill still running");
      Thread.sleep(250);
    }
    assertEquals("FINISHED", ((JsonObject) admin.json("api/admin/backfill")).getString("status"));
    // The backfill recomputes the snapshots in the background; the test does it in the foreground.
    Http.json(
        admin.post(
            "api/admin/metrics/history/rebuild?from="
                + java.time.LocalDate.now(TestEnvironment.ZONE).minusDays(90)));
  }

  WebDriverWait waitFor() {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  void signIn(String password) {
    signIn("admin", password);
  }

  void signIn(String username, String password) {
    browser.get(base + "admin/");
    waitFor().until(ExpectedConditions.urlContains("/admin/login.xhtml"));
    browser.findElement(By.id("login:username")).clear();
    browser.findElement(By.id("login:username")).sendKeys(username);
    browser.findElement(By.id("login:password")).sendKeys(password);
    clickAndWaitForNextPage(By.id("login:submit"));
  }

  /**
   * Clicks what submits a non-AJAX form and waits until the browser shows the next document. The
   * old document is marked first; the wait ends when the marker is gone and the new document has
   * loaded. (Waiting for the button to go stale asks Chromium about a node that may be half torn
   * down, which it sometimes answers with an "unknown error" instead of a stale element.)
   */
  void clickAndWaitForNextPage(By button) {
    var js = (JavascriptExecutor) browser;
    js.executeScript("window.confioPreviousPage = true;");
    browser.findElement(button).click();
    waitFor()
        .ignoring(WebDriverException.class)
        .until(
            driver ->
                Boolean.TRUE.equals(
                    js.executeScript(
                        "return window.confioPreviousPage === undefined"
                            + " && document.readyState === 'complete';")));
  }

  @Test
  void anAdminSignsInSeesTheNumbersAndChartsAndDownloadsTheUsers() throws Exception {
    loadDemoData();

    signIn("not the password");
    waitFor()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("login"), "Wrong username or password"));
    assertTrue(browser.getCurrentUrl().contains("/admin/login.xhtml"));
    for (var attempt = 1; attempt <= 6; attempt++) {
      signIn("mallory", "guess " + attempt);
      waitFor()
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("login"),
                  attempt <= 5
                      ? "Wrong username or password"
                      : "Too many failed sign-ins; try again in 15 minutes"));
    }

    signIn(TestEnvironment.adminPassword());
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-metric]")));
    var api = (JsonObject) Http.admin(base).json("api/admin/metrics");
    assertEquals(
        number(api.getJsonNumber("eligible").longValue()),
        browser.findElement(By.id("eligible")).getText());
    for (var figures : api.getJsonArray("policies").getValuesAs(JsonObject.class)) {
      var policy = figures.getString("policy");
      for (var metric : List.of("dau", "wau", "mau")) {
        var label = policy + "-" + metric.toUpperCase();
        var tile = browser.findElement(By.cssSelector("[data-metric='" + label + "']")).getText();
        assertEquals(number(figures.getJsonNumber(metric).longValue()), tile, label);
        var percent =
            browser.findElement(By.cssSelector("[data-percent='" + label + "']")).getText();
        assertTrue(
            percent.startsWith(
                figures.getJsonNumber(metric + "Percent").bigDecimalValue().toPlainString() + " %"),
            label + ": " + percent);
      }
    }

    for (var chart : List.of("activityChart", "transactingChart", "stickinessChart")) {
      var points =
          browser.executeScript(
              "const c = Chart.getChart(document.querySelector('[id$=\""
                  + chart
                  + "\"] canvas'));"
                  + " return c ? c.data.datasets.map(d => d.data.length) : null;");
      assertTrue(
          points instanceof List<?> lengths && !lengths.isEmpty(), chart + " not drawn: " + points);
      for (var length : (List<?>) points) {
        assertEquals(90L, ((Number) length).longValue(), chart);
      }
    }
    Files.createDirectories(SCREENSHOTS);
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        SCREENSHOTS.resolve("dashboard.png"),
        StandardCopyOption.REPLACE_EXISTING);

    browser.findElement(By.cssSelector("[data-metric='APP_ACTIVE-MAU']")).click();
    waitFor().until(ExpectedConditions.urlContains("/admin/users.xhtml"));
    var page =
        (JsonObject)
            Http.admin(base).json("api/admin/metrics/users?policy=APP_ACTIVE&days=30&size=1");
    var total = page.getJsonNumber("total").longValue();
    waitFor()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("users"), total + " users"));
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        SCREENSHOTS.resolve("users.png"),
        StandardCopyOption.REPLACE_EXISTING);

    try (var old = Files.list(DOWNLOADS)) {
      for (var file : old.toList()) {
        Files.delete(file);
      }
    }
    browser.findElement(By.id("filter:csv")).click();
    var csv = new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> downloaded());
    var lines = Files.readAllLines(csv);
    assertEquals(
        "id,phone,display_name,kind,created_at,last_activity_at,last_transaction_at", lines.get(0));
    assertEquals(total, lines.size() - 1);

    browser.get(base + "admin/trust.xhtml");
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("backfill:start")));
    browser.findElement(By.id("backfill:start")).click();
    Thread.sleep(3000);
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        SCREENSHOTS.resolve("debug.png"),
        StandardCopyOption.REPLACE_EXISTING);
    waitFor()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "FINISHED"));
    var run = (JsonObject) Http.admin(base).json("api/admin/backfill");
    assertTrue(
        browser
            .findElement(By.id("status"))
            .getText()
            .contains("Run " + run.getJsonNumber("runId")),
        "the dashboard shows the latest run");
    browser.findElement(By.id("checks:validate")).click();
    waitFor()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("checks"), "Validation: passed"));
    browser.findElement(By.id("checks:compare")).click();
    waitFor()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("checks"), "old method against new"));
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        SCREENSHOTS.resolve("trust.png"),
        StandardCopyOption.REPLACE_EXISTING);

    browser.findElement(By.id("signout:logout")).click();
    waitFor().until(ExpectedConditions.urlContains("/admin/login.xhtml"));
    browser.get(base + "admin/index.xhtml");
    waitFor().until(ExpectedConditions.urlContains("/admin/login.xhtml"));
  }

  private static Path downloaded() {
    try (var files = Files.list(DOWNLOADS)) {
      return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static String number(long value) {
    return String.format(java.util.Locale.US, "%,d", value);
  }

  static WebDriver driver() {
    return browser;
  }
}
