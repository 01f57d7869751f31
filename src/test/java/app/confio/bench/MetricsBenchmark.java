package app.confio.bench;

import app.confio.activity.entity.Policy;
import app.confio.backfill.control.LegacyActivitySources;
import app.confio.metrics.control.ActivityHistory;
import app.confio.metrics.control.ActivityMetrics;
import app.confio.testing.Http;
import app.confio.testing.TestEnvironment;
import app.confio.users.entity.Eligibility;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;

/**
 * Prints what the metrics cost on the database {@code DB_URL} names (meant for the generator's
 * 1,000,000 users): the current figures through the admin API against the same statements bare, the
 * old multi-table method, and 90 days of history. Runs the backfill first when no activity has been
 * recorded yet. {@code mvn -Pbench -Dbench=metrics}.
 */
public final class MetricsBenchmark {

  static final int ROUNDS = 31;
  static final int OLD_ROUNDS = 5;
  static final int HISTORY_ROUNDS = 201;
  static final int WARM_UP = 3000;

  public static void main(String[] args) throws Exception {
    Bench.requireDatabase();
    try (var member = Bench.member("bench-metrics")) {
      var admin = Http.admin(member.url());
      try (var db = TestEnvironment.connect()) {
        prepare(db, admin);
        current(db, admin);
        oldMethod(db);
        history(db, admin);
        users(admin);
      }
    } finally {
      TestEnvironment.stop();
    }
    System.exit(0);
  }

  static void prepare(Connection db, Http admin) throws Exception {
    var users = single(db, "select count(*) from users");
    var recorded = single(db, "select count(last_activity_at) from users");
    System.out.printf(Locale.ROOT, "users: %,d, with recorded activity: %,d%n", users, recorded);
    if (recorded == 0) {
      BackfillBenchmark.backfill(admin, 365);
    }
    System.out.println("waiting until the member's start-up jobs are done");
    Bench.awaitQuiet(db);
    try (var vacuum = db.createStatement()) {
      vacuum.execute("vacuum analyze users");
      vacuum.execute("vacuum analyze user_activity_day");
      vacuum.execute("vacuum analyze activity_snapshot");
    }
  }

  static void current(Connection db, Http admin) throws Exception {
    var bare = new double[ROUNDS];
    var api = new double[ROUNDS];
    for (var warm = 0; warm < 5; warm++) {
      bareCurrent(db);
      admin.json("api/admin/metrics");
    }
    for (var i = 0; i < ROUNDS; i++) {
      bare[i] = timed(() -> bareCurrent(db));
      api[i] = timed(() -> admin.json("api/admin/metrics"));
    }
    var figures = (JsonObject) admin.json("api/admin/metrics");
    System.out.println("current figures: " + figures);
    report("current metrics, bare SQL (2 policies + excluded)", bare);
    report("current metrics, admin API GET /api/admin/metrics", api);
    System.out.printf(Locale.ROOT, "  ratio API / bare: %.2f%n", median(api) / median(bare));
    var windowsOnly = new double[ROUNDS];
    for (var i = 0; i < ROUNDS; i++) {
      windowsOnly[i] = timed(() -> bareWindows(db, Policy.APP_ACTIVE));
    }
    report("one policy's statement (DAU, WAU, MAU and eligible total)", windowsOnly);
  }

  /**
   * Each method on its own, warm: the old one reads the activity tables, the new one a slice of an
   * index, and run in turn each would evict the other's pages. Then both in turn, as a dashboard
   * next to a reconciliation would run them.
   */
  static void oldMethod(Connection db) throws Exception {
    for (var policy : Policy.values()) {
      var old = new double[OLD_ROUNDS];
      var fresh = new double[ROUNDS];
      bareOld(db, policy);
      for (var i = 0; i < OLD_ROUNDS; i++) {
        old[i] = timed(() -> bareOld(db, policy));
      }
      bareWindows(db, policy);
      for (var i = 0; i < ROUNDS; i++) {
        fresh[i] = timed(() -> bareWindows(db, policy));
      }
      report("old method, " + policy + ": 8 tables, DAU/WAU/MAU", old);
      report("new method, " + policy + ": users columns, DAU/WAU/MAU + total", fresh);
      System.out.printf(Locale.ROOT, "  old / new: %.1fx%n", median(old) / median(fresh));
    }
    var old = new double[OLD_ROUNDS];
    var fresh = new double[OLD_ROUNDS];
    for (var i = 0; i < OLD_ROUNDS; i++) {
      old[i] = timed(() -> bareOld(db, Policy.APP_ACTIVE));
      fresh[i] = timed(() -> bareWindows(db, Policy.APP_ACTIVE));
    }
    report("in turn: old method, APP_ACTIVE", old);
    report("in turn: new method, APP_ACTIVE", fresh);
    System.out.printf(Locale.ROOT, "  old / new: %.1fx%n", median(old) / median(fresh));
  }

  /**
   * The member and this client both run on the JVM: until both have compiled the request path, a
   * call costs several times what it costs later (7–9 ms instead of 1.5 ms here). A server that
   * answers an admin dashboard for days is warm, so the figures are taken after {@link #WARM_UP}
   * requests; the first rounds are reported too.
   */
  static void history(Connection db, Http admin) throws Exception {
    var today = LocalDate.now(TestEnvironment.ZONE);
    var cold = new double[ROUNDS];
    for (var i = 0; i < ROUNDS; i++) {
      cold[i] = timed(() -> ok(admin.get("api/admin/metrics/history")));
    }
    for (var warm = 0; warm < WARM_UP; warm++) {
      ok(admin.get("api/admin/metrics/history"));
    }
    var api = new double[HISTORY_ROUNDS];
    var bare = new double[HISTORY_ROUNDS];
    for (var i = 0; i < HISTORY_ROUNDS; i++) {
      api[i] = timed(() -> ok(admin.get("api/admin/metrics/history")));
      bare[i] =
          timed(
              () -> {
                try (var range =
                    db.prepareStatement(ActivityHistory.RANGE.replaceAll("\\?\\d", "?"))) {
                  range.setString(1, "APP_ACTIVE");
                  range.setObject(2, today.minusDays(119));
                  range.setObject(3, today);
                  range.executeQuery().close();
                }
              });
    }
    var days =
        ((JsonObject) Http.json(admin.get("api/admin/metrics/history"))).getJsonArray("days");
    System.out.printf(Locale.ROOT, "history: %d days per answer%n", days.size());
    report("90-day history, admin API, first calls after the figures above", cold);
    report("90-day history, admin API GET /api/admin/metrics/history", api);
    report("90-day history, bare SQL", bare);
  }

  /**
   * The users behind MAU: pages of 50 at the start, a quarter, the middle and the end (a page in
   * the back half is read from the index's other end), and the whole list as CSV.
   */
  static void users(Http admin) throws Exception {
    var total =
        ((JsonObject) Http.json(admin.get("api/admin/metrics/users?days=30&size=1")))
            .getJsonNumber("total")
            .longValue();
    var pages = (total + 49) / 50;
    System.out.printf(
        Locale.ROOT, "users active within 30 days: %,d, %,d pages of 50%n", total, pages);
    for (var page : new long[] {0, pages / 4, pages / 2, pages - 1}) {
      var path = "api/admin/metrics/users?days=30&size=50&page=" + page;
      ok(admin.get(path));
      var rounds = new double[11];
      for (var i = 0; i < rounds.length; i++) {
        rounds[i] = timed(() -> ok(admin.get(path)));
      }
      report("users page " + page + " of " + pages + " (50 users, total counted)", rounds);
    }
    var csv = new double[3];
    var lines = new long[1];
    for (var i = 0; i < csv.length; i++) {
      csv[i] =
          timed(
              () -> {
                var answer = admin.get("api/admin/metrics/users.csv?days=30");
                ok(answer);
                lines[0] = answer.body().lines().count();
              });
    }
    report("users.csv, all %,d users".formatted(lines[0] - 1), csv);
  }

  /** The answer in full, read as text; parsing it is the client's business, not the server's. */
  static void ok(java.net.http.HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
    }
  }

  static void bareCurrent(Connection db) throws SQLException {
    for (var policy : Policy.values()) {
      bareWindows(db, policy);
    }
    try (var excluded = db.createStatement()) {
      excluded.executeQuery(ActivityMetrics.EXCLUDED.formatted(Eligibility.SQL)).close();
    }
  }

  static void bareWindows(Connection db, Policy policy) throws SQLException {
    var now = OffsetDateTime.now();
    try (var windows =
        db.prepareStatement(ActivityMetrics.windowsSql(policy).replaceAll("\\?\\d", "?"))) {
      windows.setObject(1, now.minusDays(1));
      windows.setObject(2, now.minusDays(7));
      windows.setObject(3, now.minusDays(30));
      windows.setObject(4, now);
      windows.executeQuery().close();
    }
  }

  static void bareOld(Connection db, Policy policy) throws SQLException {
    var now = OffsetDateTime.now();
    var sql = LegacyActivitySources.countSql(policy, 3);
    // JDBC numbers placeholders by position: bind each ?n where it occurs.
    var order =
        java.util.regex.Pattern.compile("\\?(\\d+)")
            .matcher(sql)
            .results()
            .mapToInt(m -> Integer.parseInt(m.group(1)))
            .toArray();
    var values =
        new OffsetDateTime[] {
          now.minusDays(30), now, now.minusDays(1), now.minusDays(7), now.minusDays(30)
        };
    try (var old = db.prepareStatement(sql.replaceAll("\\?\\d+", "?"))) {
      for (var i = 0; i < order.length; i++) {
        old.setObject(i + 1, values[order[i] - 1]);
      }
      old.executeQuery().close();
    }
  }

  interface Work {
    void run() throws Exception;
  }

  static double timed(Work work) throws Exception {
    var start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e6;
  }

  static double median(double[] millis) {
    var sorted = millis.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  static void report(String what, double[] millis) {
    var sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%-62s median %8.1f ms   min %8.1f   max %8.1f   (%d rounds)%n",
        what,
        median(millis),
        sorted[0],
        sorted[sorted.length - 1],
        millis.length);
  }

  static long single(Connection db, String sql) throws SQLException {
    try (var statement = db.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
