package app.confio.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.activity.TrackerProbe;
import app.confio.activity.entity.ActivityKind;
import app.confio.platform.GridCalls;
import app.confio.testing.Deployments;
import app.confio.testing.Http;
import app.confio.testing.Metrics;
import app.confio.testing.Population;
import app.confio.testing.TestEnvironment;
import app.confio.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The numbers, checked against a computation of their own in the test ({@link Expected}) on users
 * placed at the edges of every window, for every excluded kind and status, in a reporting time zone
 * with daylight saving time; and who may read them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsIT {

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.withProbes(MetricsProbe.class, TrackerProbe.class);
  }

  Http admin() {
    return Http.admin(base);
  }

  static String q(Object value) {
    return URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
  }

  /**
   * First, on the fresh member: every counter a dashboard or an alert reads is there at zero before
   * anything happened, so that none shows "no data"; the admin gauges are there too.
   */
  @Test
  @Order(1)
  void aFreshMemberServesEveryCounterAtZero() throws Exception {
    var samples = Metrics.samples(Metrics.exposition(base));
    var zero = new ArrayList<String>();
    for (var kind : ActivityKind.values()) {
      zero.add("activity_touches_total{kind=\"" + kind + "\",mp_scope=\"application\"}");
    }
    for (var counter :
        List.of(
            "activity_cooldown_hits_total",
            "activity_writes_total",
            "activity_writes_unchanged_total",
            "activity_unknown_users_total",
            "activity_failures_total",
            "activity_touch_seconds_count",
            "growth_cache_hits_total",
            "growth_cache_misses_total",
            "grid_calls_active",
            "grid_calls_queued")) {
      zero.add(counter + "{mp_scope=\"application\"}");
    }
    for (var operation : GridCalls.Operation.values()) {
      zero.add(
          "grid_timeouts_total{mp_scope=\"application\",operation=\"" + operation.label() + "\"}");
    }
    var notZero = new TreeMap<String, Double>();
    for (var series : zero) {
      var value = samples.get(series);
      if (value == null || value != 0) {
        notZero.put(series, value);
      }
    }
    assertEquals(Map.of(), notZero, "series missing (null) or not zero, of " + samples.keySet());

    var gauges = Metrics.names(admin().get(GAUGES).body());
    for (var gauge :
        List.of(
            "confio_active_users",
            "confio_eligible_users",
            "confio_backfill_running",
            "confio_backfill_progress_ratio",
            "confio_backfill_status",
            "confio_tracking_validation_passed",
            "confio_tracking_coverage_ratio",
            "confio_tracking_validation_timestamp_seconds",
            "confio_history_final",
            "confio_history_yesterday_snapshots",
            "confio_database_connections")) {
      assertTrue(gauges.contains(gauge), gauge + " in " + gauges);
    }
  }

  /**
   * The Grafana dashboard and the Prometheus alert rules in ops/ read only metrics this server
   * serves, by the names it serves them: a renamed counter fails here, not on a dashboard.
   */
  @Test
  void theDashboardAndTheAlertsReadOnlyMetricsTheServerServes() throws Exception {
    var served = new TreeSet<String>(Metrics.names(Metrics.exposition(base)));
    served.addAll(Metrics.names(admin().get(GAUGES).body()));

    var expressions = new ArrayList<String>();
    try (var reader =
        Json.createReader(Files.newBufferedReader(DASHBOARD, StandardCharsets.UTF_8))) {
      collectExpressions(reader.readValue(), expressions);
    }
    var dashboardExpressions = expressions.size();
    for (var line : Files.readAllLines(ALERTS)) {
      var expr = Pattern.compile("^\\s*expr:\\s*(.*)$").matcher(line);
      if (expr.matches()) {
        assertFalse(expr.group(1).matches("[|>][-+]?"), "one line per expr, in " + line);
        expressions.add(expr.group(1));
      }
    }
    var dashboardNames = new TreeSet<String>();
    expressions
        .subList(0, dashboardExpressions)
        .forEach(e -> dashboardNames.addAll(Metrics.namesIn(e)));
    var alertNames = new TreeSet<String>();
    expressions
        .subList(dashboardExpressions, expressions.size())
        .forEach(e -> alertNames.addAll(Metrics.namesIn(e)));

    assertTrue(dashboardExpressions >= 10, dashboardExpressions + " panels' queries");
    assertTrue(
        dashboardNames.containsAll(
            List.of(
                "confio_active_users",
                "activity_touches_total",
                "activity_cooldown_hits_total",
                "activity_failures_total",
                "confio_backfill_progress_ratio",
                "memory_usedHeap_bytes",
                "grid_calls_active")),
        "" + dashboardNames);
    assertTrue(
        alertNames.containsAll(
            List.of(
                "activity_failures_total",
                "confio_tracking_validation_passed",
                "confio_history_yesterday_snapshots",
                "confio_backfill_running")),
        "" + alertNames);
    var unknown = new TreeSet<String>(dashboardNames);
    unknown.addAll(alertNames);
    unknown.removeAll(served);
    assertEquals(new TreeSet<String>(), unknown, "not served; served: " + served);
  }

  static final Path DASHBOARD = Path.of("ops/grafana/confio-activity.json");
  static final Path ALERTS = Path.of("ops/prometheus/confio-alerts.yml");

  /** Every {@code expr} string in a Grafana dashboard's JSON. */
  static void collectExpressions(JsonValue value, List<String> into) {
    if (value instanceof JsonObject object) {
      object.forEach(
          (key, member) -> {
            if (key.equals("expr") && member instanceof JsonString text) {
              into.add(text.getString());
            } else {
              collectExpressions(member, into);
            }
          });
    } else if (value instanceof JsonArray array) {
      array.forEach(member -> collectExpressions(member, into));
    }
  }

  @Test
  void rollingWindowsCountExactlyTheEligibleUsersInside() throws Exception {
    var asOf = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusHours(1);
    var second = java.time.Duration.ofSeconds(1);
    for (var days : List.of(1, 7, 30)) {
      var edge = asOf.minusDays(days);
      Population.person(edge, edge); // exactly on the edge: inside
      Population.person(edge.plus(second), null); // a second inside, app-active only
      Population.person(edge.minus(second), edge.minus(second)); // a second outside
      Population.person(edge.minus(second), edge.plus(second)); // transacting inside only
    }
    Population.person(null, null);
    var recent = asOf.minusHours(2);
    for (var kind : List.of("TEST", "STAFF", "SYSTEM")) {
      Population.user(kind, "ACTIVE", asOf.minusDays(90), recent, recent);
    }
    for (var status : List.of("SUSPENDED", "DELETED")) {
      Population.user("PERSONAL", status, asOf.minusDays(90), recent, recent);
    }
    Population.user("BUSINESS", "ACTIVE", asOf.minusDays(90), recent, recent);

    var actual = (JsonObject) admin().json("api/probe/metrics?asOf=" + q(asOf));
    var users = Population.users();
    var eligible = Expected.eligible(users);
    assertEquals(eligible, actual.getJsonNumber("eligible").longValue());
    assertEquals(users.size() - eligible, actual.getJsonNumber("excluded").longValue(), "excluded");
    var excludedBy = new TreeMap<String, Long>();
    actual
        .getJsonObject("excludedBy")
        .forEach((k, v) -> excludedBy.put(k, ((jakarta.json.JsonNumber) v).longValue()));
    assertEquals(Expected.excludedBy(users), excludedBy);
    for (var figures : actual.getJsonArray("policies").getValuesAs(JsonObject.class)) {
      var app = figures.getString("policy").equals("APP_ACTIVE");
      java.util.function.Function<Population.Row, OffsetDateTime> column =
          app ? Population.Row::lastActivityAt : Population.Row::lastTransactionAt;
      var names = Map.of("dau", 1, "wau", 7, "mau", 30);
      for (var name : names.entrySet()) {
        var expected = Expected.within(users, column, name.getValue(), asOf);
        assertEquals(
            expected,
            figures.getJsonNumber(name.getKey()).longValue(),
            figures.getString("policy") + " " + name.getKey());
        assertEquals(
            Expected.percent(expected, eligible),
            figures.getJsonNumber(name.getKey() + "Percent").doubleValue(),
            figures.getString("policy") + " " + name.getKey() + "%");
      }
    }
    for (var days : List.of(3, 29, 31, 3650)) {
      for (var policy : List.of("APP_ACTIVE", "TRANSACTING")) {
        var within =
            (JsonObject)
                admin()
                    .json(
                        "api/probe/metrics/within?policy="
                            + policy
                            + "&days="
                            + days
                            + "&asOf="
                            + q(asOf));
        java.util.function.Function<Population.Row, OffsetDateTime> column =
            policy.equals("APP_ACTIVE")
                ? Population.Row::lastActivityAt
                : Population.Row::lastTransactionAt;
        assertEquals(
            Expected.within(users, column, days, asOf),
            within.getJsonNumber("active").longValue(),
            policy + " within " + days);
      }
    }
  }

  @Test
  void aCustomPeriodOutsideOneTo3650DaysIsAClearError() {
    for (var days : List.of("0", "3651", "-5", "abc")) {
      var response = admin().get("api/admin/metrics/active?days=" + days);
      assertEquals(400, response.statusCode(), days);
      assertTrue(response.body().contains("INVALID_INPUT"), response.body());
      assertTrue(response.body().contains("days"), response.body());
    }
    var badPolicy = admin().get("api/admin/metrics/active?days=7&policy=whatever");
    assertEquals(400, badPolicy.statusCode());
    assertTrue(badPolicy.body().contains("APP_ACTIVE"), badPolicy.body());
    var badRange = admin().get("api/admin/metrics/history?from=2026-02-01&to=2026-01-01");
    assertEquals(400, badRange.statusCode());
    var future = admin().post("api/admin/metrics/history/rebuild?from=2020-01-01&to=2999-01-01");
    assertEquals(400, future.statusCode());
    // Each parameter out of its range is named, with the value, in the one body of every refusal.
    for (var refused :
        Map.of(
                "api/admin/metrics/users.csv?days=0",
                "days must be between 1 and 3650, not 0",
                "api/admin/trust/validate?samples=101",
                "samples must be between 0 and 100, not 101",
                "api/admin/metrics/users?days=0&size=0",
                "days must be between 1 and 3650, not 0; size must be between 1 and 500, not 0",
                "api/admin/users/x1/activity",
                "id must be a positive whole number, not 'x1'")
            .entrySet()) {
      var body = (JsonObject) Http.json(400, admin().get(refused.getKey()));
      assertEquals("INVALID_INPUT", body.getString("code"), refused.getKey());
      assertEquals(refused.getValue(), body.getString("message"), refused.getKey());
    }

    var week = (JsonArray) Http.json(admin().get("api/admin/metrics/active?days=7"));
    assertEquals(2, week.size());
    assertEquals(7, week.getJsonObject(0).getInt("days"));
  }

  @Test
  void onlyAdminsReachTheMetrics() throws Exception {
    var anonymous = Http.anonymous(base);
    var refused = anonymous.get("api/admin/metrics");
    assertEquals(401, refused.statusCode());
    assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    assertEquals(
        401, anonymous.basic("admin", "wrong password").get("api/admin/metrics").statusCode());
    assertEquals(
        401, anonymous.basic("nobody", "wrong password").get("api/admin/metrics").statusCode());

    var user = Population.person(OffsetDateTime.now(), null);
    var token = Tokens.forUser(Long.toString(user));
    var withToken = anonymous.bearer(token);
    assertEquals(401, withToken.get("api/admin/metrics").statusCode());
    var tokenWithAdminGroup =
        anonymous.bearer(
            Tokens.forUser(
                Long.toString(user),
                claims -> claims.add("groups", Json.createArrayBuilder().add("admin"))));
    assertEquals(401, tokenWithAdminGroup.get("api/admin/metrics").statusCode());

    for (var client : List.of(anonymous, withToken, anonymous.basic("admin", "wrong password"))) {
      var page = client.get("admin/index.xhtml");
      assertEquals(302, page.statusCode());
      assertTrue(page.headers().firstValue("Location").orElse("").endsWith("/admin/login.xhtml"));
    }
    assertEquals(200, anonymous.get("admin/login.xhtml").statusCode());

    var metrics = (JsonObject) admin().json("api/admin/metrics");
    assertEquals(
        Expected.eligible(Population.users()), metrics.getJsonNumber("eligible").longValue());
    assertEquals("rolling, ending at asOf", metrics.getString("windows"));

    var schema = anonymous.get("graphql/schema.graphql").body();
    for (var word : List.of("dau", "mau", "eligible", "snapshot", "excluded")) {
      assertFalse(schema.toLowerCase().contains(word), "GraphQL schema mentions " + word);
    }
  }

  @Test
  void repeatedWrongPasswordsLockThatNameOutFromThatAddress() throws Exception {
    // A second admin with the first one's password, so locking it out leaves "admin" usable.
    try (var db = TestEnvironment.connect();
        var copy =
            db.prepareStatement(
                "insert into admin_accounts (username, password_hash) select 'auditor',"
                    + " password_hash from admin_accounts where username = 'admin'")) {
      assertEquals(1, copy.executeUpdate());
    }
    var anonymous = Http.anonymous(base);
    var right = anonymous.basic("auditor", TestEnvironment.adminPassword());
    var wrong = anonymous.basic("auditor", "not the password");
    for (var i = 0; i < 4; i++) {
      assertEquals(401, wrong.get("api/admin/metrics").statusCode());
    }
    assertEquals(200, right.get("api/admin/metrics").statusCode(), "a success clears the count");
    for (var i = 0; i < 5; i++) {
      assertEquals(401, wrong.get("api/admin/metrics").statusCode(), "failure " + (i + 1));
    }
    var locked = right.get("api/admin/metrics");
    assertEquals(429, locked.statusCode(), "the right password is not even checked");
    var wait = Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(wait > 14 * 60 && wait <= 15 * 60, "Retry-After " + wait);
    var problem = Json.createReader(new java.io.StringReader(locked.body())).readObject();
    assertEquals("TOO_MANY_FAILURES", problem.getString("code"));
    assertEquals(429, wrong.get("api/admin/metrics").statusCode());

    // Five wrong guesses at once, for a name that does not exist: none of them is lost.
    var unknown = anonymous.basic("mallory", "guess");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(5);
    try {
      var guesses = new ArrayList<java.util.concurrent.Future<Integer>>();
      for (var i = 0; i < 5; i++) {
        guesses.add(pool.submit(() -> unknown.get("api/admin/metrics").statusCode()));
      }
      for (var guess : guesses) {
        assertEquals(401, guess.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(429, unknown.get("api/admin/metrics").statusCode(), "unknown names alike");
    assertEquals(200, admin().get("api/admin/metrics").statusCode(), "other names unaffected");
  }

  // --- the future ---

  static final Map<String, java.util.function.Function<Population.Row, OffsetDateTime>> COLUMNS =
      Map.of(
          "APP_ACTIVE", Population.Row::lastActivityAt,
          "TRANSACTING", Population.Row::lastTransactionAt);

  /**
   * Users stamped after the moment of the query (a clock ahead, an import) are not active yet, in
   * any reader: the current figures, custom periods, the breakdown, the users pages and CSV,
   * compare-methods and the Prometheus gauges; the expected figures are computed here.
   */
  @Test
  void aTimestampInTheFutureIsNotActivityInAnyReader() throws Exception {
    var now = OffsetDateTime.now(ZoneOffset.UTC);
    var future =
        List.of(
            Population.person(now.plusHours(2), now.plusHours(2)),
            Population.person(now.plusDays(3), null),
            Population.person(now.minusHours(1), now.plusDays(40)),
            Population.user("BUSINESS", "ACTIVE", now.minusDays(9), now.plusMinutes(30), null));
    var users = Population.users();

    var current = (JsonObject) admin().json("api/admin/metrics");
    var asOf = OffsetDateTime.parse(current.getString("asOf"));
    for (var figures : current.getJsonArray("policies").getValuesAs(JsonObject.class)) {
      var column = COLUMNS.get(figures.getString("policy"));
      var names = Map.of("dau", 1, "wau", 7, "mau", 30);
      for (var name : names.entrySet()) {
        assertEquals(
            Expected.within(users, column, name.getValue(), asOf),
            figures.getJsonNumber(name.getKey()).longValue(),
            figures.getString("policy") + " " + name.getKey());
      }
    }

    for (var days : List.of(1, 7, 31, 3650)) {
      var before = OffsetDateTime.now(ZoneOffset.UTC);
      var active = (JsonArray) admin().json("api/admin/metrics/active?days=" + days);
      var after = OffsetDateTime.now(ZoneOffset.UTC);
      for (var figure : active.getValuesAs(JsonObject.class)) {
        var column = COLUMNS.get(figure.getString("policy"));
        assertOneOf(
            Expected.within(users, column, days, before),
            Expected.within(users, column, days, after),
            figure.getJsonNumber("active").longValue(),
            figure.getString("policy") + " within " + days);
      }
    }

    var detailed = (JsonObject) admin().json("api/admin/metrics/detailed");
    var detailedAt = OffsetDateTime.parse(detailed.getString("asOf"));
    for (var period : detailed.getJsonArray("periods").getValuesAs(JsonObject.class)) {
      var days = period.getInt("days");
      assertEquals(
          Expected.within(users, COLUMNS.get("APP_ACTIVE"), days, detailedAt),
          period.getJsonNumber("appActive").longValue(),
          "detailed app-active " + days);
      assertEquals(
          Expected.within(users, COLUMNS.get("TRANSACTING"), days, detailedAt),
          period.getJsonNumber("transacting").longValue(),
          "detailed transacting " + days);
    }
    assertEquals(
        Expected.never(users, COLUMNS.get("APP_ACTIVE"), detailedAt),
        detailed.getJsonNumber("neverActive").longValue());
    assertEquals(
        Expected.never(users, COLUMNS.get("TRANSACTING"), detailedAt),
        detailed.getJsonNumber("neverTransacted").longValue());
    for (var kind : detailed.getJsonArray("byKind").getValuesAs(JsonObject.class)) {
      var ofKind = users.stream().filter(u -> u.kind().equals(kind.getString("kind"))).toList();
      for (var policy : List.of("appActive", "transacting")) {
        var column = COLUMNS.get(policy.equals("appActive") ? "APP_ACTIVE" : "TRANSACTING");
        assertEquals(
            Expected.within(ofKind, column, 30, detailedAt),
            kind.getJsonObject(policy).getJsonNumber("mau").longValue(),
            kind.getString("kind") + " " + policy);
      }
    }

    for (var policy : COLUMNS.keySet()) {
      var before = OffsetDateTime.now(ZoneOffset.UTC);
      var listed = new HashSet<Long>();
      var csv = admin().get("api/admin/metrics/users.csv?days=30&policy=" + policy).body();
      for (var line : csv.split("\r\n")) {
        if (!line.startsWith("id,")) {
          listed.add(Long.parseLong(line.substring(0, line.indexOf(','))));
        }
      }
      var paged = new HashSet<Long>();
      long total = -1;
      for (var page = 0; total < 0 || (long) page * 500 < total; page++) {
        var users500 =
            (JsonObject)
                admin()
                    .json(
                        "api/admin/metrics/users?days=30&size=500&policy="
                            + policy
                            + "&page="
                            + page);
        total = users500.getJsonNumber("total").longValue();
        users500
            .getJsonArray("users")
            .getValuesAs(JsonObject.class)
            .forEach(u -> paged.add(u.getJsonNumber("id").longValue()));
      }
      var after = OffsetDateTime.now(ZoneOffset.UTC);
      var column = COLUMNS.get(policy);
      var ahead = ahead(users, future, column, after);
      assertEquals(policy.equals("APP_ACTIVE") ? 3 : 2, ahead.size(), "planted ahead");
      for (var id : ahead) {
        assertFalse(listed.contains(id), policy + " CSV lists user " + id);
        assertFalse(paged.contains(id), policy + " pages list user " + id);
      }
      assertOneOf(
          Expected.within(users, column, 30, before),
          Expected.within(users, column, 30, after),
          total,
          policy + " users total");
      var expected = Expected.ids(users, column, 30, after);
      assertTrue(
          listed.equals(expected) || listed.equals(Expected.ids(users, column, 30, before)),
          policy + " CSV");
      assertEquals(listed, paged, policy + " pages and CSV");
    }

    for (var compared :
        ((JsonArray) admin().json("api/admin/trust/compare?days=30&samples=100"))
            .getValuesAs(JsonObject.class)) {
      var comparedAt = OffsetDateTime.parse(compared.getString("asOf"));
      var column = COLUMNS.get(compared.getString("policy"));
      var windows = List.of(1, 7, 30);
      var rows = compared.getJsonArray("figures").getValuesAs(JsonObject.class);
      for (var i = 0; i < windows.size(); i++) {
        assertEquals(
            Expected.within(users, column, windows.get(i), comparedAt),
            rows.get(i).getJsonNumber("newMethod").longValue(),
            compared.getString("policy") + " compare " + rows.get(i).getString("figure"));
      }
      var ahead = ahead(users, future, column, comparedAt);
      for (var sample : compared.getJsonArray("newOnly").getValuesAs(JsonObject.class)) {
        assertFalse(ahead.contains(sample.getJsonNumber("userId").longValue()), sample.toString());
      }
    }

    assertGaugesExcludeTheFuture(users, now);
  }

  /**
   * The gauges serve what the last minute's refresh computed: wait (a condition, not a sleep) for a
   * refresh that saw the planted users, which the eligible gauge shows, then compare.
   */
  void assertGaugesExcludeTheFuture(List<Population.Row> users, OffsetDateTime planted)
      throws Exception {
    var scraper = admin();
    var eligible = Expected.eligible(users);
    var deadline = System.nanoTime() + 100_000_000_000L;
    while (gauge(scraper, "confio_eligible_users ") != eligible) {
      assertTrue(System.nanoTime() < deadline, "the gauges were not refreshed");
      Thread.sleep(500);
    }
    var seen = OffsetDateTime.now(ZoneOffset.UTC);
    var text = scraper.get(GAUGES).body();
    for (var policy : COLUMNS.entrySet()) {
      for (var days : List.of(1, 7, 30)) {
        var labels =
            List.of("policy=\"" + policy.getKey().toLowerCase() + "\"", "window=\"" + days + "d\"");
        assertOneOf(
            Expected.within(users, policy.getValue(), days, planted),
            Expected.within(users, policy.getValue(), days, seen),
            (long) value(text, labels),
            labels.toString());
      }
    }
  }

  /** The active-users gauge whose line carries all of {@code labels}, in whatever order. */
  static double value(String metrics, List<String> labels) {
    for (var line : metrics.split("\n")) {
      if (line.startsWith("confio_active_users{") && labels.stream().allMatch(line::contains)) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("No active-users gauge " + labels + " in " + GAUGES);
  }

  /** The planted users whose timestamp under {@code column} lies after {@code moment}. */
  static List<Long> ahead(
      List<Population.Row> users,
      List<Long> planted,
      java.util.function.Function<Population.Row, OffsetDateTime> column,
      OffsetDateTime moment) {
    return users.stream()
        .filter(u -> planted.contains(u.id()))
        .filter(u -> column.apply(u) != null && column.apply(u).isAfter(moment))
        .map(Population.Row::id)
        .toList();
  }

  /** A figure read between two moments: the expectation at one or the other. */
  static void assertOneOf(long atStart, long atEnd, long actual, String what) {
    assertTrue(
        actual == atStart || actual == atEnd,
        what + ": " + actual + ", expected " + atStart + " or " + atEnd);
  }

  @Test
  void theUsersBehindANumberArePagedAndExported() throws Exception {
    var now = OffsetDateTime.now(ZoneOffset.UTC);
    var planted = new ArrayList<Long>();
    for (var hours = 1; hours <= 9; hours++) {
      planted.add(Population.person(now.minusHours(hours), now.minusHours(hours)));
    }
    var users = Population.users();
    var expected =
        users.stream()
            .filter(Population.Row::eligible)
            .filter(u -> u.lastTransactionAt() != null)
            .filter(u -> !u.lastTransactionAt().isBefore(now.minusDays(2)))
            .filter(u -> !u.lastTransactionAt().isAfter(now))
            .map(Population.Row::id)
            .collect(Collectors.toSet());

    var page =
        (JsonObject) admin().json("api/admin/metrics/users?policy=TRANSACTING&days=2&size=2");
    assertEquals(expected.size(), page.getJsonNumber("total").longValue());
    var rows = page.getJsonArray("users").getValuesAs(JsonObject.class);
    assertEquals(2, rows.size());
    assertTrue(
        rows.get(0)
                .getString("lastTransactionAt")
                .compareTo(rows.get(1).getString("lastTransactionAt"))
            >= 0,
        "most recent first");

    var csv = admin().get("api/admin/metrics/users.csv?policy=TRANSACTING&days=2");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains(".csv"));
    var lines = csv.body().split("\r\n");
    assertEquals(
        "id,phone,display_name,kind,created_at,last_activity_at,last_transaction_at", lines[0]);
    var ids = new HashSet<Long>();
    for (var i = 1; i < lines.length; i++) {
      ids.add(Long.parseLong(lines[i].substring(0, lines[i].indexOf(','))));
    }
    assertEquals(expected, ids);
    assertTrue(ids.containsAll(planted));

    // Page after page (the back half is read from the index's other end) gives the CSV's order.
    var inCsvOrder = new ArrayList<Long>();
    for (var i = 1; i < lines.length; i++) {
      inCsvOrder.add(Long.parseLong(lines[i].substring(0, lines[i].indexOf(','))));
    }
    for (var size : List.of(1, 2, 3)) {
      var paged = new ArrayList<Long>();
      for (var p = 0; p * size < expected.size(); p++) {
        var onPage =
            ((JsonObject)
                    admin()
                        .json(
                            "api/admin/metrics/users?policy=TRANSACTING&days=2&size="
                                + size
                                + "&page="
                                + p))
                .getJsonArray("users")
                .getValuesAs(JsonObject.class);
        assertEquals(Math.min(size, expected.size() - p * size), onPage.size());
        onPage.forEach(u -> paged.add(u.getJsonNumber("id").longValue()));
      }
      assertEquals(inCsvOrder, paged, "pages of " + size);
    }
    var beyond =
        (JsonObject) admin().json("api/admin/metrics/users?policy=TRANSACTING&days=2&page=1000000");
    assertEquals(0, beyond.getJsonArray("users").size());
    assertEquals(400, admin().get("api/admin/metrics/users?size=501").statusCode());
    assertEquals(400, admin().get("api/admin/metrics/users.csv?days=0").statusCode());
  }

  /**
   * Activity just before and just after local midnight lands on the right reporting day, on an
   * ordinary day and on both daylight-saving changes of the reporting zone's year; the snapshots of
   * those days equal a computation from the per-day rows, new users included.
   */
  @Test
  void calendarDaysFollowTheReportingZoneThroughDaylightSavingChanges() throws Exception {
    var zone = TestEnvironment.ZONE;
    var rules = zone.getRules();
    var firstChange = rules.nextTransition(Instant.parse("2025-01-01T00:00:00Z"));
    var secondChange = rules.nextTransition(firstChange.getInstant());
    var days =
        List.of(
            LocalDate.of(2025, 1, 15),
            firstChange.getInstant().atZone(zone).toLocalDate(),
            secondChange.getInstant().atZone(zone).toLocalDate());
    var placed = new TreeMap<Long, LocalDate>();
    for (var day : days) {
      var start = day.atStartOfDay(zone).toInstant();
      var end = day.plusDays(1).atStartOfDay(zone).toInstant();
      var moments =
          List.of(
              start.minusSeconds(1), start.plusSeconds(1), end.minusSeconds(1), end.plusSeconds(1));
      for (var moment : moments) {
        var user =
            Population.user(
                "PERSONAL", "ACTIVE", OffsetDateTime.parse("2024-01-01T00:00:00Z"), null, null);
        var written =
            admin()
                .post(
                    "api/probe/touch?user="
                        + user
                        + "&kind=SEND&mode=AT&at="
                        + q(moment.atOffset(ZoneOffset.UTC)))
                .body();
        assertEquals("WRITTEN", written);
        placed.put(user, moment.atZone(zone).toLocalDate());
      }
      // Two people who join on the day itself, one just after it starts and one just before it
      // ends.
      Population.user(
          "PERSONAL", "ACTIVE", start.plusSeconds(1).atOffset(ZoneOffset.UTC), null, null);
      Population.user(
          "BUSINESS", "ACTIVE", end.minusSeconds(1).atOffset(ZoneOffset.UTC), null, null);
    }
    var rows = Population.days();
    for (var entry : placed.entrySet()) {
      var recorded =
          rows.stream().filter(d -> d.userId() == entry.getKey()).map(Population.Day::day).toList();
      assertEquals(List.of(entry.getValue()), recorded, "user " + entry.getKey());
    }

    var users = Population.users();
    for (var day : days) {
      var rebuilt =
          (JsonObject)
              Http.json(
                  admin()
                      .post(
                          "api/admin/metrics/history/rebuild?from="
                              + day.minusDays(1)
                              + "&to="
                              + day.plusDays(1)));
      assertEquals(day.plusDays(1).toString(), rebuilt.getString("to"));
      for (var policy : List.of("APP_ACTIVE", "TRANSACTING")) {
        var history =
            (JsonObject)
                admin()
                    .json(
                        "api/admin/metrics/history?policy="
                            + policy
                            + "&from="
                            + day.minusDays(1)
                            + "&to="
                            + day.plusDays(1));
        assertEquals(zone.getId(), history.getString("zone"));
        var snapshots = history.getJsonArray("days").getValuesAs(JsonObject.class);
        assertEquals(3, snapshots.size());
        for (var snapshot : snapshots) {
          var d = LocalDate.parse(snapshot.getString("day"));
          var expected = Expected.snapshot(users, rows, d, policy.equals("TRANSACTING"));
          var actual =
              new long[] {
                snapshot.getJsonNumber("dau").longValue(),
                snapshot.getJsonNumber("wau").longValue(),
                snapshot.getJsonNumber("mau").longValue(),
                snapshot.getJsonNumber("eligible").longValue(),
                snapshot.getJsonNumber("newUsers").longValue()
              };
          assertEquals(
              java.util.Arrays.toString(expected),
              java.util.Arrays.toString(actual),
              policy + " " + d);
        }
      }
    }
  }

  /**
   * Rebuilding a range writes what computing each day writes, and the snapshot job run again (by a
   * second firing) leaves every row exactly as it was, computed_at included.
   */
  @Test
  void theSnapshotJobIsIdempotentAndOneFiringRunsOnce() throws Exception {
    var today = LocalDate.now(TestEnvironment.ZONE);
    Http.json(
        admin()
            .post(
                "api/admin/metrics/history/rebuild?from=" + today.minusDays(40) + "&to=" + today));
    var before = snapshotRows(today.minusDays(40));
    assertEquals(2 * 41, before.size());

    var firing = Instant.parse("2021-03-04T05:00:00Z");
    assertEquals(
        "true",
        admin().post("api/probe/metrics/job?name=activity-snapshot&firedAt=" + firing).body());
    assertEquals(
        "false",
        admin()
            .post("api/probe/metrics/job?name=activity-snapshot&firedAt=" + firing.plusSeconds(2))
            .body());
    assertEquals(
        "true",
        admin()
            .post("api/probe/metrics/job?name=activity-snapshot&firedAt=" + firing.plusSeconds(900))
            .body());
    assertEquals(before, snapshotRows(today.minusDays(40)));

    var users = Population.users();
    var rows = Population.days();
    for (var day = today.minusDays(40); !day.isAfter(today.minusDays(1)); day = day.plusDays(1)) {
      var row = before.get(day + " APP_ACTIVE");
      var expected = Expected.snapshot(users, rows, day, false);
      assertEquals(
          expected[0]
              + "/"
              + expected[1]
              + "/"
              + expected[2]
              + "/"
              + expected[3]
              + "/"
              + expected[4],
          row.substring(0, row.lastIndexOf('/')),
          "APP_ACTIVE " + day);
    }
  }

  /** Every snapshot row from {@code from} on, as "dau/wau/mau/eligible/new/computed_at". */
  static Map<String, String> snapshotRows(LocalDate from) throws Exception {
    var rows = new TreeMap<String, String>();
    try (var connection = TestEnvironment.connect();
        var select =
            connection.prepareStatement(
                "select day, policy, dau, wau, mau, eligible, new_users, computed_at"
                    + " from activity_snapshot where day >= ?")) {
      select.setObject(1, from);
      var result = select.executeQuery();
      while (result.next()) {
        rows.put(
            result.getString(1) + " " + result.getString(2),
            result.getLong(3)
                + "/"
                + result.getLong(4)
                + "/"
                + result.getLong(5)
                + "/"
                + result.getLong(6)
                + "/"
                + result.getLong(7)
                + "/"
                + result.getString(8));
      }
    }
    return rows;
  }

  static final String GAUGES = "api/admin/prometheus";

  @Test
  void prometheusGaugesServeTheCachedFigures() throws Exception {
    var anonymous = Http.admin(base);
    for (var attempt = 0; attempt < 3; attempt++) {
      var minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
      var first = gauge(anonymous, "confio_eligible_users ");
      Population.person(OffsetDateTime.now(), null);
      var second = gauge(anonymous, "confio_eligible_users ");
      if (!minute.equals(Instant.now().truncatedTo(ChronoUnit.MINUTES))) {
        continue; // the minute's refresh may have run in between: try again
      }
      assertFalse(Double.isNaN(first));
      assertEquals(first, second, "a scrape must not recompute");
      var text = anonymous.get(GAUGES).body();
      assertTrue(text.contains("confio_active_users{"));
      for (var policy : List.of("app_active", "transacting")) {
        for (var window : List.of("1d", "7d", "30d")) {
          assertTrue(
              text.contains("policy=\"" + policy + "\"")
                  && text.contains("window=\"" + window + "\""),
              policy + " " + window);
        }
      }
      return;
    }
    throw new AssertionError("Could not scrape twice within one minute");
  }

  private static double gauge(Http client, String prefix) {
    for (var line : client.get(GAUGES).body().split("\n")) {
      if (line.startsWith(prefix)) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("No " + prefix + " in " + GAUGES);
  }

  @Test
  void healthSaysWhetherTheDatabaseAndTheGridAnswer() {
    var anonymous = Http.anonymous(base);
    var ready = (JsonObject) Http.json(anonymous.get("health/ready"));
    assertEquals("UP", ready.getString("status"));
    var checks = new TreeMap<String, JsonObject>();
    for (var check : ready.getJsonArray("checks").getValuesAs(JsonObject.class)) {
      checks.put(check.getString("name"), check);
    }
    assertEquals("UP", checks.get("database").getString("status"));
    assertEquals("UP", checks.get("data-grid").getString("status"));
    assertEquals(200, anonymous.get("health/live").statusCode());
  }

  /** The eligible total is kept by triggers: it must follow every way a user can come or go. */
  @Test
  void theEligibleTotalFollowsEveryChangeOfStatusAndKind() throws Exception {
    var user = Population.person(null, null);
    assertEligibleTotal();
    for (var change :
        List.of(
            "status = 'SUSPENDED'",
            "status = 'ACTIVE'",
            "kind = 'TEST'",
            "kind = 'BUSINESS'",
            "status = 'DELETED', kind = 'STAFF'",
            "status = 'ACTIVE', kind = 'PERSONAL'",
            "display_name = 'Renamed'")) {
      try (var db = TestEnvironment.connect();
          var update = db.prepareStatement("update users set " + change + " where id = ?")) {
        update.setLong(1, user);
        assertEquals(1, update.executeUpdate());
      }
      assertEligibleTotal();
    }
    try (var db = TestEnvironment.connect();
        var statement = db.createStatement()) {
      statement.executeUpdate(
          "insert into users (phone, display_name, password_hash, status, kind) values"
              + " ('+1999"
              + System.nanoTime() % 10_000_000
              + "1', 'A', 'x', 'ACTIVE', 'PERSONAL'),"
              + " ('+1999"
              + System.nanoTime() % 10_000_000
              + "2', 'B', 'x', 'ACTIVE', 'SYSTEM'),"
              + " ('+1999"
              + System.nanoTime() % 10_000_000
              + "3', 'C', 'x', 'SUSPENDED', 'BUSINESS')");
      assertEligibleTotal();
      statement.executeUpdate("delete from users where id = " + user);
      assertEligibleTotal();
    }
  }

  void assertEligibleTotal() throws Exception {
    var metrics = (JsonObject) admin().json("api/admin/metrics");
    assertEquals(
        Expected.eligible(Population.users()), metrics.getJsonNumber("eligible").longValue());
  }
}
