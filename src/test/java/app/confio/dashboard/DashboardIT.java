package app.confio.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.support.ui.Select;
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

    var lines = download(By.id("filter:csv"));
    assertEquals(
        "id,phone,display_name,kind,created_at,last_activity_at,last_transaction_at", lines.get(0));
    assertEquals(total, lines.size() - 1);

    growthPages();
    retentionPage();
    stickinessPage();
    userPage();

    browser.get(base + "admin/trust.xhtml");
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("backfill:start")));
    var previousRun = ((JsonObject) Http.admin(base).json("api/admin/backfill")).get("runId");
    browser.findElement(By.id("backfill:start")).click();
    var run =
        waitFor()
            .until(
                driver -> {
                  var latest = (JsonObject) Http.admin(base).json("api/admin/backfill");
                  return latest.get("runId").equals(previousRun) ? null : latest;
                });
    waitFor()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("status"), "Run " + run.getJsonNumber("runId") + " · FINISHED"));
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

  /** Clicks a download link and reads the CSV file the browser saved. */
  List<String> download(By link) throws java.io.IOException {
    try (var old = Files.list(DOWNLOADS)) {
      for (var file : old.toList()) {
        Files.delete(file);
      }
    }
    browser.findElement(link).click();
    return Files.readAllLines(waitFor().until(driver -> downloaded()));
  }

  void screenshot(String name) throws java.io.IOException {
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        SCREENSHOTS.resolve(name),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** The range the growth pages are tested on: five whole months and the one under way. */
  static final LocalDate TODAY = LocalDate.now(TestEnvironment.ZONE);

  static final LocalDate FROM = TODAY.minusMonths(5).withDayOfMonth(1);

  static final String RANGE = "policy=APP_ACTIVE&from=" + FROM + "&to=" + TODAY;

  /**
   * The growth page, its range chosen in the picker: the chart drawn with the API's periods, every
   * number of the table equal to the API's, one of them drilled into its users, the table as CSV
   * equal to the API; a bad date in the address answers the API's message on the page.
   */
  void growthPages() throws Exception {
    browser.get(base + "admin/growth.xhtml?from=" + TODAY.plusDays(1) + "-x");
    var refused =
        Http.admin(base).get("api/admin/metrics/lifecycle?from=" + TODAY.plusDays(1) + "-x");
    assertEquals(400, refused.statusCode());
    var message = ((JsonObject) Http.json(400, refused)).getString("message");
    waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), message));
    assertTrue(
        browser.findElements(By.id("lifecycleTable")).isEmpty(), "no figures for a bad range");

    set(By.id("from"), FROM.toString());
    set(By.id("to"), TODAY.toString());
    new Select(browser.findElement(By.id("policy"))).selectByValue("APP_ACTIVE");
    new Select(browser.findElement(By.id("period"))).selectByValue("month");
    clickAndWaitForNextPage(By.id("apply"));
    assertTrue(browser.findElements(By.cssSelector(".ui-messages-error")).isEmpty());

    var api =
        (JsonObject) Http.admin(base).json("api/admin/metrics/lifecycle?period=month&" + RANGE);
    var buckets = api.getJsonArray("periods").getValuesAs(JsonObject.class);
    assertEquals(6, buckets.size());
    var chart =
        (List<?>)
            browser.executeScript(
                "const c = Chart.getChart(document.querySelector('#lifecycleChart canvas'));"
                    + " return c ? c.data.datasets.map(d => d.data) : null;");
    assertEquals(5, chart.size(), "new, returning, resurrecting, dormant, quick ratio");
    var labels =
        browser.executeScript(
            "const c = Chart.getChart(document.querySelector('#lifecycleChart canvas'));"
                + " return c ? c.data.labels : null;");
    assertEquals(
        buckets.stream()
            .map(b -> b.getString("period") + (b.getBoolean("complete") ? "" : " (so far)"))
            .toList(),
        labels,
        "the period not over yet is marked on the chart");
    assertFalse(buckets.get(buckets.size() - 1).getBoolean("complete"), "this month runs");
    var active = 0L;
    for (var i = 0; i < buckets.size(); i++) {
      var bucket = buckets.get(i);
      var row = "tr[data-period='" + bucket.getString("period") + "'] ";
      for (var cell : List.of("active", "new", "returning", "resurrecting", "dormant")) {
        var value = bucket.getJsonNumber(cell.equals("new") ? "newUsers" : cell).longValue();
        assertEquals(
            number(value),
            browser.findElement(By.cssSelector(row + "[data-cell='" + cell + "']")).getText(),
            bucket.getString("period") + " " + cell);
      }
      var ratio =
          bucket.containsKey("quickRatio") && !bucket.isNull("quickRatio")
              ? String.valueOf(bucket.getJsonNumber("quickRatio").doubleValue())
              : "—";
      assertEquals(
          ratio, browser.findElement(By.cssSelector(row + "[data-cell='quickRatio']")).getText());
      assertEquals(
          -bucket.getJsonNumber("dormant").longValue(),
          ((Number) ((List<?>) chart.get(3)).get(i)).longValue(),
          "dormant below zero");
      assertEquals(
          bucket.getJsonNumber("newUsers").longValue(),
          ((Number) ((List<?>) chart.get(0)).get(i)).longValue());
      active += bucket.getJsonNumber("active").longValue();
    }
    assertTrue(active > 0, "the demo data has active users in the range");
    var calendar =
        browser.executeScript(
            "const c = Chart.getChart(document.querySelector('#calendarChart canvas'));"
                + " return c ? c.data.datasets[0].data.length : null;");
    assertEquals(6L, ((Number) calendar).longValue());
    screenshot("growth.png");

    var csv = download(By.id("lifecycle-csv"));
    assertEquals(
        "period,start,end,complete,active,new,returning,resurrecting,dormant,quick_ratio",
        csv.get(0));
    assertEquals(buckets.size(), csv.size() - 1);
    for (var i = 0; i < buckets.size(); i++) {
      var b = buckets.get(i);
      var ratio =
          b.containsKey("quickRatio") && !b.isNull("quickRatio")
              ? String.valueOf(b.getJsonNumber("quickRatio").doubleValue())
              : "";
      assertEquals(
          String.join(
              ",",
              b.getString("period"),
              b.getString("start"),
              b.getString("end"),
              String.valueOf(b.getBoolean("complete")),
              b.getJsonNumber("active").toString(),
              b.getJsonNumber("newUsers").toString(),
              b.getJsonNumber("returning").toString(),
              b.getJsonNumber("resurrecting").toString(),
              b.getJsonNumber("dormant").toString(),
              ratio),
          csv.get(i + 1));
    }

    var drilled =
        buckets.stream()
            .filter(b -> b.getJsonNumber("returning").longValue() > 0)
            .findFirst()
            .orElseThrow();
    var label = drilled.getString("period");
    var members =
        (JsonObject)
            Http.admin(base)
                .json(
                    "api/admin/metrics/users?lifecycle=returning&policy=APP_ACTIVE&size=1&period="
                        + label);
    assertEquals(
        drilled.getJsonNumber("returning").longValue(), members.getJsonNumber("total").longValue());
    clickAndWaitForNextPage(
        By.cssSelector("tr[data-period='" + label + "'] [data-cell='returning']"));
    waitFor()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("users"), members.getJsonNumber("total") + " users"));
    assertTrue(browser.findElement(By.id("bucket")).getText().contains(label));
    var bucketCsv = download(By.id("bucket-csv"));
    assertEquals(
        "id,phone,display_name,kind,created_at,last_activity_at,last_transaction_at",
        bucketCsv.get(0));
    assertEquals(
        members.getJsonNumber("total").longValue(),
        bucketCsv.size() - 1,
        "the bucket's CSV lists all its users");
    browser.navigate().back();
    waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("lifecycleTable")));
  }

  /**
   * The retention page reached from the menu with the same range: every cell's share and count
   * equal to the API's, the cells of periods not over yet marked; the mode switch shows the API's
   * on-or-after figures.
   */
  void retentionPage() throws Exception {
    clickAndWaitForNextPage(By.id("nav-retention"));
    assertTrue(browser.getCurrentUrl().contains("from=" + FROM), browser.getCurrentUrl());
    var query = "api/admin/metrics/retention?cohort=month&kind=first-time&" + RANGE;
    var on = (JsonObject) Http.admin(base).json(query + "&mode=on");
    assertTriangle(on);
    screenshot("retention.png");

    var onOrAfter = (JsonObject) Http.admin(base).json(query + "&mode=on-or-after");
    assertTrue(
        !on.getJsonArray("cohorts").equals(onOrAfter.getJsonArray("cohorts")),
        "the modes differ on the demo data");
    clickAndWaitForNextPage(By.id("mode-on-or-after"));
    assertTrue(browser.getCurrentUrl().contains("mode=on-or-after"), browser.getCurrentUrl());
    assertTriangle(onOrAfter);
  }

  void assertTriangle(JsonObject retention) {
    @SuppressWarnings("unchecked")
    var shown =
        (List<Map<String, Object>>)
            browser.executeScript(
                "return [...document.querySelectorAll('#triangle td.cell')].map(td => ({"
                    + " cohort: td.closest('tr').dataset.cohort, n: td.dataset.n,"
                    + " share: td.querySelector('.share').textContent.trim(),"
                    + " count: td.querySelector('.count').textContent.trim(),"
                    + " incomplete: td.classList.contains('incomplete'), title: td.title,"
                    + " marked: td.querySelector('.marker') !== null }));");
    var expected = new java.util.ArrayList<Map<String, Object>>();
    var incomplete = 0;
    for (var cohort : retention.getJsonArray("cohorts").getValuesAs(JsonObject.class)) {
      for (var cell : cohort.getJsonArray("cells").getValuesAs(JsonObject.class)) {
        var complete = cell.getBoolean("complete");
        incomplete += complete ? 0 : 1;
        expected.add(
            Map.of(
                "cohort",
                cohort.getString("cohort"),
                "n",
                String.valueOf(cell.getInt("n")),
                "share",
                cell.getJsonNumber("share").bigDecimalValue().stripTrailingZeros().toPlainString()
                    + " %",
                "count",
                number(cell.getJsonNumber("users").longValue()),
                "incomplete",
                !complete,
                "title",
                complete ? cell.getString("period") : "period not over yet",
                "marked",
                !complete));
      }
    }
    assertTrue(incomplete > 0, "the month under way is not over");
    assertEquals(expected, shown);
  }

  /** The stickiness page: L7 and L28 equal to the API's for the range's last whole day. */
  void stickinessPage() {
    clickAndWaitForNextPage(By.id("nav-stickiness"));
    var weeks = 0;
    for (var window : List.of(7, 28)) {
      var api =
          (JsonObject)
              Http.admin(base)
                  .json(
                      "api/admin/metrics/stickiness?policy=APP_ACTIVE&mode=exact&window="
                          + window
                          + "&asOf="
                          + TODAY.minusDays(1));
      var days = api.getJsonArray("days").getValuesAs(JsonObject.class);
      assertEquals(window, days.size());
      weeks = api.getJsonArray("weekly").size();
      for (var day : days) {
        var row = "#l" + window + " tr[data-days='" + day.getInt("days") + "'] ";
        assertEquals(
            number(day.getJsonNumber("users").longValue())
                + " "
                + day.getJsonNumber("share").bigDecimalValue().stripTrailingZeros().toPlainString()
                + " %",
            browser.findElement(By.cssSelector(row + "[data-cell='users']")).getText()
                + " "
                + browser.findElement(By.cssSelector(row + "[data-cell='share']")).getText(),
            "L" + window + " " + day.getInt("days") + " days");
      }
    }
    var weekly =
        browser.executeScript(
            "const c = Chart.getChart(document.querySelector('#weeklyChart canvas'));"
                + " return c ? c.data.datasets[0].data.length : null;");
    assertEquals(weeks, ((Number) weekly).intValue());
  }

  /** A user found by phone in the menu's search box: their page shows the API's first seen. */
  void userPage() throws Exception {
    var label = TODAY.minusMonths(1).toString().substring(0, 7);
    var someone =
        ((JsonObject)
                Http.admin(base)
                    .json(
                        "api/admin/metrics/users?lifecycle=active&policy=TRANSACTING&size=1&period="
                            + label))
            .getJsonArray("users")
            .getJsonObject(0);
    var id = someone.getJsonNumber("id").longValue();
    browser.findElement(By.id("search-q")).sendKeys(someone.getString("phone"));
    clickAndWaitForNextPage(By.id("search-go"));
    waitFor().until(ExpectedConditions.urlContains("/admin/user.xhtml?id=" + id));
    var activity = (JsonObject) Http.admin(base).json("api/admin/users/" + id + "/activity");
    assertEquals(
        List.of(
            someone.getString("phone"),
            activity.getString("status"),
            activity.getString("firstSeen"),
            activity.getString("firstTransacting")),
        List.of(
            browser.findElement(By.id("user-phone")).getText(),
            browser.findElement(By.id("user-status")).getText(),
            browser.findElement(By.id("first-seen")).getText(),
            browser.findElement(By.id("first-transacting")).getText()));
    assertEquals(
        activity.getJsonArray("days").size(),
        browser.findElements(By.cssSelector("#days tbody tr")).size());
    screenshot("user.png");
  }

  /** Sets a date field as a date picker would. */
  void set(By field, String value) {
    browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(field), value);
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
