package app.confio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.backfill.BackfillProbe;
import app.confio.generator.HistoryGenerator;
import app.confio.platform.Migrations;
import app.confio.testing.Deployments;
import app.confio.testing.Eventually;
import app.confio.testing.Http;
import app.confio.testing.Population;
import app.confio.testing.TestEnvironment;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * The command line end to end: each command run as {@code java -jar target/confio-cli.jar} against
 * the deployed WAR, its output holding the admin API's own numbers, and its exit code. Other test
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

  /** Built by {@code mvn package}, before failsafe runs. */
  static final Path JAR = Path.of(System.getProperty("confio.cli.jar", "target/confio-cli.jar"));

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

  /** A {@code confio} process, its output going to files that can be read while it runs. */
  record Launched(Process process, Path out, Path err, List<String> args) {

    String outSoFar() throws IOException {
      return Files.readString(out, StandardCharsets.UTF_8);
    }

    Result end() {
      try {
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new AssertionError("confio " + args + " did not end");
        }
        return new Result(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      } finally {
        out.toFile().delete();
        err.toFile().delete();
      }
    }
  }

  static void deleteIfExists(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Result cliWithPassword(String password, String... args) {
    return launch(password, args).end();
  }

  /**
   * {@code java -jar target/confio-cli.jar ARGS} as a process of its own, as an operator runs it:
   * the server and password from the environment, nothing from the test's class path.
   */
  Launched launch(String password, String... args) {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    var process = new ProcessBuilder(command);
    process.environment().keySet().removeIf(name -> name.startsWith("CONFIO_"));
    process.environment().put("CONFIO_URL", base.toString());
    process.environment().put("CONFIO_ADMIN_PASSWORD", password);
    process.environment().put("HOME", "/nonexistent");
    try {
      var out = Files.createTempFile("confio-cli", ".out");
      var err = Files.createTempFile("confio-cli", ".err");
      var started = process.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      return new Launched(started, out, err, List.of(args));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
   * A run already going (started inside the server, and held in its first chunk by a lock on {@code
   * user_activity_day} that the test takes, so it is still going whatever the machine's pace): the
   * command refuses to start another and shows it; with {@code --follow} it watches that run,
   * through the release of the lock, to its end.
   */
  @Test
  @Order(2)
  void aRunningBackfillIsRefusedThenFollowedToItsEnd() throws Exception {
    try (var lock = TestEnvironment.connect()) {
      var started =
          Http.anonymous(base).post("api/backfill-probe/start?days=30&chunkSize=1").body();
      var runId = ((JsonObject) json(started)).getInt("runId");
      // Waits for the chunk in hand (a few milliseconds), then holds the next of its 300 chunks.
      lock.setAutoCommit(false);
      lock.createStatement().execute("lock table user_activity_day in exclusive mode");

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

      var following =
          launch(
              TestEnvironment.adminPassword(),
              "backfill-last-activity",
              "--days",
              "30",
              "--follow");
      Eventually.within(
          Duration.ofMinutes(1),
          "the first progress line",
          () -> Optional.of(following.outSoFar()).filter(out -> out.startsWith("RUNNING ")));
      lock.rollback();
      var followed = following.end();
      assertEquals(0, followed.exit(), followed.err() + followed.out());
      assertTrue(
          followed.out().contains("Backfill run " + runId + " FINISHED: 30 days"), followed.out());
      assertEquals("FINISHED", ((JsonObject) api("api/admin/backfill")).getString("status"));
    }
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
        words.err().startsWith("Invalid value for option '--days': 'many' is not an int\n"),
        words.err());
    var validate = cli("activity-metrics", "--validate", "--days", "3651");
    assertEquals(2, validate.exit());
    assertTrue(validate.err().contains("3651"), validate.err());

    var unknown = cli("activity-metrics", "--weekly");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("Usage:"), unknown.err());
  }

  @Test
  void versionAndHelpNeedNoServer() {
    var version = cliWithPassword("", "--version");
    assertEquals(0, version.exit(), version.err());
    assertEquals("confio " + System.getProperty("project.version") + "\n", version.out());

    var help = cliWithPassword("", "--help");
    assertEquals(0, help.exit(), help.err());
    var commands =
        help.out()
            .lines()
            .dropWhile(line -> !line.equals("Commands:"))
            .skip(1)
            .takeWhile(line -> line.startsWith("  "))
            .filter(line -> !line.startsWith("   "))
            .map(line -> line.strip().split("\\s+")[0])
            .toList();
    assertEquals(
        List.of(
            "activity-metrics",
            "backfill-last-activity",
            "growth",
            "retention",
            "stickiness",
            "user",
            "keys",
            "help",
            "generate-completion"),
        commands,
        help.out());

    // keys needs no server either: the jar makes a pair the server's start-up check accepts
    var folder = Path.of("target", "cli-keys").toAbsolutePath();
    for (var name : List.of("jwt-private.pem", "jwt-public.pem")) {
      deleteIfExists(folder.resolve(name));
    }
    var keys = cliWithPassword("", "keys", folder.toString());
    assertEquals(0, keys.exit(), keys.err());
    assertEquals(
        List.of(),
        app.confio.platform.ConfigurationCheck.problems(
            java.util.Map.of(
                    "mp.jwt.verify.publickey.location",
                    folder.resolve("jwt-public.pem").toUri().toString(),
                    "confio.jwt.private-key.location",
                    folder.resolve("jwt-private.pem").toString())
                ::get));
    var completion = cliWithPassword("", "generate-completion");
    assertEquals(0, completion.exit(), completion.err());
    assertTrue(completion.out().contains("complete -F _complete_confio"), completion.out());
  }

  @Test
  void growthShowsTheApisLifecycleByPeriod() {
    var range = "?policy=transacting&period=month&from=2025-01-01";
    var shown =
        cli("growth", "--policy", "transacting", "--period", "month", "--from", "2025-01-01");
    var lifecycle = (JsonObject) api("api/admin/metrics/lifecycle" + range);
    assertEquals(0, shown.exit(), shown.err());
    var periods = lifecycle.getJsonArray("periods").getValuesAs(JsonObject.class);
    assertTrue(periods.stream().anyMatch(p -> p.getInt("dormant") > 0), "no movement");
    for (var period : periods) {
      var label = period.getString("period") + (period.getBoolean("complete") ? "" : "*");
      var ratio = period.get("quickRatio");
      assertEquals(
          List.of(
              label,
              count(period, "newUsers"),
              count(period, "returning"),
              count(period, "resurrecting"),
              period.getInt("dormant") == 0 ? "0" : "-" + count(period, "dormant"),
              count(period, "active"),
              ratio instanceof JsonNumber n
                  ? n.bigDecimalValue().setScale(3, RoundingMode.HALF_UP).toString()
                  : "-"),
          shown.row(label));
    }
    assertTrue(shown.out().startsWith("Growth of transacting users by month, 2025-01-01 to "));

    var json =
        cli(
            "growth",
            "--policy",
            "transacting",
            "--period",
            "month",
            "--from",
            "2025-01-01",
            "--json");
    assertEquals(0, json.exit(), json.err());
    assertEquals(lifecycle, json(json.out()));
  }

  @Test
  void retentionShowsTheApisCohortTriangle() {
    var shown = cli("retention", "--cohort", "month", "--mode", "on-or-after");
    var retention = (JsonObject) api("api/admin/metrics/retention?cohort=month&mode=on-or-after");
    assertEquals(0, shown.exit(), shown.err());
    var cohorts = retention.getJsonArray("cohorts").getValuesAs(JsonObject.class);
    assertTrue(cohorts.stream().anyMatch(c -> c.getInt("size") > 0), "empty cohorts");
    for (var cohort : cohorts) {
      var expected = new ArrayList<>(List.of(cohort.getString("cohort"), count(cohort, "size")));
      for (var cell : cohort.getJsonArray("cells").getValuesAs(JsonObject.class)) {
        expected.add(percent(cell, "share") + (cell.getBoolean("complete") ? "" : "*"));
      }
      assertEquals(expected, shown.row(cohort.getString("cohort")));
    }
    assertTrue(shown.out().contains("\n* the month has not ended yet"), shown.out());

    var json = cli("retention", "--cohort", "month", "--mode", "on-or-after", "--json");
    assertEquals(retention, json(json.out()));
  }

  @Test
  void stickinessShowsTheApisHistogramAndWeeks() {
    var shown = cli("stickiness", "--window", "28", "--mode", "at-least");
    var stickiness = (JsonObject) api("api/admin/metrics/stickiness?window=28&mode=at-least");
    assertEquals(0, shown.exit(), shown.err());
    assertTrue(stickiness.getInt("activeUsers") > 0, "nobody active");
    assertEquals(count(stickiness, "activeUsers"), shown.value("Active users"));
    for (var bucket : stickiness.getJsonArray("days").getValuesAs(JsonObject.class)) {
      var days = Integer.toString(bucket.getInt("days"));
      assertEquals(
          List.of(days, count(bucket, "users"), percent(bucket, "share")), shown.row(days));
    }
    for (var week : stickiness.getJsonArray("weekly").getValuesAs(JsonObject.class)) {
      assertEquals(
          List.of(
              week.getString("week"),
              count(week, "activeUsers"),
              count(week, "fivePlusDays"),
              percent(week, "share")),
          shown.row(week.getString("week")));
    }
  }

  @Test
  void aUserFoundByPhoneShowsTheApisDays() throws Exception {
    long id;
    String phone;
    try (var connection = TestEnvironment.connect();
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    "select u.id, u.phone from users u where exists (select 1 from"
                        + " user_activity_day d where d.user_id = u.id and d.transacting"
                        + " and d.day > current_date - 60) order by u.id limit 1")) {
      assertTrue(rows.next(), "nobody transacted in 60 days");
      id = rows.getLong(1);
      phone = rows.getString(2);
    }
    var shown = cli("user", phone);
    var activity = (JsonObject) api("api/admin/users/" + id + "/activity");
    assertEquals(0, shown.exit(), shown.err());
    assertEquals(List.of("User", Long.toString(id), phone), shown.row("User"));
    assertEquals(activity.getString("firstSeen"), shown.row("First", "seen").get(2));
    var days = activity.getJsonArray("days").getValuesAs(JsonObject.class);
    assertTrue(days.stream().anyMatch(d -> d.getBoolean("transacting")), activity.toString());
    // The days table only: "First seen" has a second line that starts with a date too.
    var table = shown.out().substring(shown.out().indexOf("\nDay "));
    for (var day : days) {
      var cells =
          table
              .lines()
              .map(line -> Arrays.asList(line.strip().split("\\s+")))
              .filter(c -> c.get(0).equals(day.getString("day")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("No day " + day + " in\n" + shown.out()));
      assertEquals(
          List.of(
              day.getBoolean("appActive") ? "yes" : "-",
              day.getBoolean("transacting") ? "yes" : "-"),
          cells.subList(1, 3));
      for (var source : day.getJsonArray("sources").getValuesAs(JsonObject.class)) {
        assertTrue(
            String.join(" ", cells)
                .contains(source.getString("table") + " " + count(source, "rows")),
            cells + " " + source);
      }
    }

    var byId = cli("user", Long.toString(id), "--json");
    assertEquals(activity, json(byId.out()));
  }

  @Test
  void nobodyFoundAndRefusedParametersEndWithTheServersWords() throws Exception {
    long unused;
    try (var connection = TestEnvironment.connect();
        var rows = connection.createStatement().executeQuery("select max(id) + 1000 from users")) {
      rows.next();
      unused = rows.getLong(1);
    }
    var nobody = cli("user", Long.toString(unused));
    assertEquals(1, nobody.exit(), nobody.out());
    assertEquals("No user with the id or phone number " + unused + "\n", nobody.err());
    assertEquals("", nobody.out());

    var backwards = "api/admin/metrics/lifecycle?from=2026-03-01&to=2026-02-01";
    var refusal = Http.json(400, Http.admin(base).get(backwards)).asJsonObject();
    var refused = cli("growth", "--from", "2026-03-01", "--to", "2026-02-01");
    assertEquals(2, refused.exit(), refused.out());
    assertEquals(refusal.getString("message") + "\n", refused.err());

    var window = cli("stickiness", "--window", "14");
    assertEquals(2, window.exit(), window.out());
    assertEquals(
        Http.json(400, Http.admin(base).get("api/admin/metrics/stickiness?window=14"))
                .asJsonObject()
                .getString("message")
            + "\n",
        window.err());
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
