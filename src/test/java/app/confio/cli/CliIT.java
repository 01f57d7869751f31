package app.confio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.backfill.BackfillProbe;
import app.confio.generator.HistoryGenerator;
import app.confio.platform.Migrations;
import app.confio.testing.Deployments;
import app.confio.testing.Http;
import app.confio.testing.Population;
import app.confio.testing.TestEnvironment;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The command line end to end: each command run in-process through {@link Cli#run} against the
 * deployed WAR, its output holding the admin API's own numbers, and its exit code. Other test
 * classes share the database, so every expectation is read from the API, never hard-coded.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliIT {

  record Result(int exit, String out, String err) {

    /** The cells of the first table row that starts with the cells {@code first}. */
    List<String> row(String... first) {
      return out.lines()
          .map(line -> Arrays.asList(line.strip().split("\\s+")))
          .filter(cells -> cells.size() >= first.length)
          .filter(cells -> cells.subList(0, first.length).equals(List.of(first)))
          .findFirst()
          .orElseThrow(() -> new AssertionError("No row " + List.of(first) + " in\n" + out));
    }

    /** The number at the end of the first line that starts with {@code label}. */
    String value(String label) {
      return out.lines()
          .filter(line -> line.startsWith(label))
          .findFirst()
          .map(line -> line.substring(line.lastIndexOf(' ') + 1))
          .orElseThrow(() -> new AssertionError("No " + label + " in\n" + out));
    }
  }

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.withProbes(BackfillProbe.class);
  }

  @BeforeAll
  static void history() throws Exception {
    Migrations.apply(TestEnvironment.dataSource());
    new HistoryGenerator(TestEnvironment.dataSource(), 5).generate(300, line -> {});
  }

  Result cli(String... args) {
    return cliWithPassword(TestEnvironment.adminPassword(), args);
  }

  Result cliWithPassword(String password, String... args) {
    var env = Map.of("CONFIO_URL", base.toString(), "CONFIO_ADMIN_PASSWORD", password);
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    var exit =
        Cli.run(
            args,
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  JsonStructure api(String path) {
    return Http.admin(base).json(path);
  }

  static JsonStructure json(String text) {
    return Json.createReader(new StringReader(text)).read();
  }

  static String count(JsonObject json, String field) {
    return String.format(Locale.ROOT, "%,d", json.getJsonNumber(field).longValue());
  }

  static String percent(JsonObject json, String field) {
    return json.getJsonNumber(field).bigDecimalValue().setScale(2, RoundingMode.HALF_UP).toString();
  }

  static List<String> figures(JsonObject policy, String... first) {
    var cells = new java.util.ArrayList<>(List.of(first));
    for (var window : List.of("dau", "wau", "mau")) {
      cells.add(count(policy, window));
      cells.add(percent(policy, window + "Percent"));
    }
    return cells;
  }

  @Test
  void theFiguresAreTheApisInATable() {
    var shown = cli("activity-metrics");
    var metrics = (JsonObject) api("api/admin/metrics");
    assertEquals(0, shown.exit(), shown.err());
    var app = metrics.getJsonArray("policies").getJsonObject(0);
    assertTrue(app.getInt("dau") > 0 && app.getInt("mau") > app.getInt("dau"), "no activity");
    for (var policy : metrics.getJsonArray("policies").getValuesAs(JsonObject.class)) {
      var name = Format.policy(policy.getString("policy"));
      assertEquals(figures(policy, name), shown.row(name));
    }
    assertEquals(List.of("Eligible", "users", count(metrics, "eligible")), shown.row("Eligible"));
    assertEquals(count(metrics, "excluded"), shown.row("Excluded").get(1));
    assertTrue(shown.out().contains("rolling windows ending at "), shown.out());

    var week = cli("activity-metrics", "--days", "7");
    var active = (JsonArray) api("api/admin/metrics/active?days=7");
    assertEquals(0, week.exit(), week.err());
    assertTrue(week.out().startsWith("Active users within 7 days"), week.out());
    for (var policy : active.getValuesAs(JsonObject.class)) {
      var name = Format.policy(policy.getString("policy"));
      assertEquals(
          List.of(
              name, count(policy, "active"), percent(policy, "percent"), count(policy, "eligible")),
          week.row(name));
    }
  }

  @Test
  void theDetailedViewHasEveryPeriodAndKind() {
    var shown = cli("activity-metrics", "--detailed");
    var detailed = (JsonObject) api("api/admin/metrics/detailed");
    assertEquals(0, shown.exit(), shown.err());
    assertTrue(detailed.getJsonArray("periods").getJsonObject(6).getInt("transacting") > 0);
    for (var period : detailed.getJsonArray("periods").getValuesAs(JsonObject.class)) {
      assertEquals(
          List.of(
              Integer.toString(period.getInt("days")),
              count(period, "appActive"),
              percent(period, "appActivePercent"),
              count(period, "transacting"),
              percent(period, "transactingPercent"),
              count(period, "newUsers")),
          shown.row(Integer.toString(period.getInt("days"))));
    }
    assertEquals(count(detailed, "neverActive"), shown.value("Never active"));
    for (var kind : detailed.getJsonArray("byKind").getValuesAs(JsonObject.class)) {
      var app = kind.getJsonObject("appActive");
      assertEquals(
          figures(app, kind.getString("kind"), "app-active", count(kind, "eligible")),
          shown.row(kind.getString("kind"), "app-active"));
    }
  }

  @Test
  void jsonIsWhatTheApiAnswers() {
    var shown = cli("activity-metrics", "--json");
    var metrics = (JsonObject) api("api/admin/metrics");
    assertEquals(0, shown.exit(), shown.err());
    var printed = json(shown.out()).asJsonObject();
    assertEquals(metrics.getJsonArray("policies"), printed.getJsonArray("policies"));
    assertEquals(metrics.getJsonObject("excludedBy"), printed.getJsonObject("excludedBy"));

    var detailed = cli("activity-metrics", "--detailed", "--json");
    assertEquals(
        ((JsonObject) api("api/admin/metrics/detailed")).getJsonArray("periods"),
        json(detailed.out()).asJsonObject().getJsonArray("periods"));
  }

  @Test
  void compareMethodsShowsOldAndNewSideBySideWithSamples() throws Exception {
    var trackedOnly = Population.person(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), null);
    try {
      var shown = cli("activity-metrics", "--compare-methods", "--days", "7");
      var comparisons = (JsonArray) api("api/admin/trust/compare?days=7");
      assertEquals(0, shown.exit(), shown.err());
      var blocks = shown.out().split("\n(?=app-active|transacting)");
      assertEquals(3, blocks.length, shown.out());
      for (int i = 0; i < 2; i++) {
        var comparison = comparisons.getJsonObject(i);
        var block = new Result(0, blocks[i + 1], "");
        assertTrue(block.out().startsWith(Format.policy(comparison.getString("policy"))));
        for (var row : comparison.getJsonArray("figures").getValuesAs(JsonObject.class)) {
          var cells = block.row(row.getString("figure"));
          assertEquals(
              List.of(count(row, "oldMethod"), count(row, "newMethod")), cells.subList(2, 4));
          var difference = row.getJsonNumber("difference").longValue();
          assertEquals(difference, Long.parseLong(cells.get(4).replace(",", "")));
        }
        for (var sample : comparison.getJsonArray("newOnly").getValuesAs(JsonObject.class)) {
          var cells = block.row(Long.toString(sample.getJsonNumber("userId").longValue()));
          assertEquals(
              sample.getString("reason"), String.join(" ", cells.subList(3, cells.size())));
        }
        assertTrue(block.out().contains("by the old method only (last 7 days)"), block.out());
      }
      var appDau = new Result(0, blocks[1], "").row("DAU");
      assertTrue(Long.parseLong(appDau.get(4)) >= 1, blocks[1]);
    } finally {
      execute("delete from users where id = " + trackedOnly);
    }
  }

  /** First: the backfill turns the generated history into activity for the other tests. */
  @Test
  @Order(1)
  void aBackfillRunsToTheEndThenValidatePassesUntilALoginGoesUnrecorded() throws Exception {
    var backfill = cli("backfill-last-activity", "--days", "730");
    var progress = (JsonObject) api("api/admin/backfill");
    assertEquals(0, backfill.exit(), backfill.err() + backfill.out());
    assertEquals("FINISHED", progress.getString("status"));
    assertTrue(backfill.out().lines().anyMatch(l -> l.matches("FINISHED +100\\.0%  chunks .*")));
    assertTrue(
        backfill.out().contains("Backfill run " + progress.getInt("runId") + " FINISHED: 730 days"),
        backfill.out());

    var passing = cli("activity-metrics", "--validate");
    var report = (JsonObject) api("api/admin/trust/validate");
    assertEquals(0, passing.exit(), passing.out());
    assertTrue(report.getBoolean("passed"));
    assertTrue(passing.out().endsWith("\nPASSED\n"), passing.out());
    assertEquals(
        count(report, "sourceActiveUsers"),
        passing.value("Eligible users active in the tables within 30 days"));
    assertEquals(
        3, passing.out().lines().filter(l -> l.startsWith("PASS  ")).count(), passing.out());

    var planted = Population.person(null, null);
    try {
      login(planted, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
      var failing = cli("activity-metrics", "--validate", "--days", "2");
      assertEquals(1, failing.exit(), failing.out());
      assertTrue(failing.out().endsWith("\nFAILED\n"), failing.out());
      assertTrue(
          failing
              .out()
              .contains("FAIL  zero users with recent activity and NULL last_activity_at: "),
          failing.out());
      assertEquals("1", failing.value("  never recorded"), failing.out());
      assertEquals("-", failing.row(Long.toString(planted)).get(2), failing.out());
      assertEquals(1, cli("activity-metrics", "--validate", "--json").exit());
    } finally {
      execute("delete from login_events where user_id = " + planted);
      execute("delete from users where id = " + planted);
    }
  }

  /**
   * A run already going (one user id per chunk, started inside the server, so it lasts a while):
   * the command refuses to start another and shows it; with {@code --follow} it watches that run to
   * its end.
   */
  @Test
  @Order(2)
  void aRunningBackfillIsRefusedThenFollowedToItsEnd() {
    var started = Http.anonymous(base).post("api/backfill-probe/start?days=30&chunkSize=1").body();
    var runId = ((JsonObject) json(started)).getInt("runId");

    var refused = cli("backfill-last-activity", "--days", "30");
    assertEquals(1, refused.exit(), refused.err());
    assertEquals("", refused.out());
    assertTrue(
        refused
            .err()
            .startsWith(
                "A backfill is already running in the cluster; try again when it ends"
                    + " (--follow watches it)\nRUNNING "),
        refused.err());

    var followed = cli("backfill-last-activity", "--days", "30", "--follow");
    assertEquals(0, followed.exit(), followed.err() + followed.out());
    assertTrue(
        followed.out().contains("Backfill run " + runId + " FINISHED: 30 days"), followed.out());
    assertEquals("FINISHED", ((JsonObject) api("api/admin/backfill")).getString("status"));
  }

  @Test
  void troubleEndsWithOneLineAndItsExitCode() {
    var wrong = cliWithPassword("not-the-password", "activity-metrics");
    assertEquals(3, wrong.exit());
    assertTrue(
        wrong.err().startsWith("The server refused the credentials of 'admin'"), wrong.err());
    assertEquals("", wrong.out());

    var zero = cli("activity-metrics", "--days", "0");
    assertEquals(2, zero.exit());
    assertEquals("days must be between 1 and 3650, not 0\n", zero.err());
    var words = cli("backfill-last-activity", "--days", "many");
    assertEquals(2, words.exit());
    assertTrue(
        words.err().startsWith("days must be a whole number between 1 and 3650"), words.err());
    var validate = cli("activity-metrics", "--validate", "--days", "3651");
    assertEquals(2, validate.exit());
    assertTrue(validate.err().contains("3651"), validate.err());

    var unknown = cli("activity-metrics", "--weekly");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("Usage:"), unknown.err());
  }

  static void login(long user, OffsetDateTime at) throws Exception {
    try (var connection = TestEnvironment.connect();
        var insert =
            connection.prepareStatement(
                "insert into login_events (user_id, kind, created_at) values (?, 'LOGIN', ?)")) {
      insert.setLong(1, user);
      insert.setObject(2, at);
      insert.executeUpdate();
    }
  }

  static void execute(String sql) throws Exception {
    try (var connection = TestEnvironment.connect()) {
      connection.createStatement().executeUpdate(sql);
    }
  }
}
