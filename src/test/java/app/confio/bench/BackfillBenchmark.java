package app.confio.bench;

import app.confio.activity.control.ActivityStore;
import app.confio.backfill.control.SourceSql;
import app.confio.testing.Http;
import app.confio.testing.TestEnvironment;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * Prints what a 365-day backfill costs on the database {@code DB_URL} names (meant for the
 * generator's 1,000,000 users): the backfill through the admin API, in chunks, against the same
 * replay as one bare statement over all users, each from the same empty state. Leaves the database
 * backfilled. {@code mvn -Pbench -Dbench=backfill}.
 */
public final class BackfillBenchmark {

  static final int DAYS = 365;

  public static void main(String[] args) throws Exception {
    Bench.requireDatabase();
    try (var member = Bench.member("bench-backfill");
        var db = TestEnvironment.connect()) {
      var admin = Http.admin(member.url());
      Bench.awaitQuiet(db);
      reset(db);
      var bare = bare(db);
      reset(db);
      var api = backfill(admin, DAYS);
      var second = backfill(admin, DAYS);
      System.out.printf(Locale.ROOT, "%n365-day backfill, %s%n", counts(db));
      System.out.printf(
          Locale.ROOT, "  one bare statement (all users, one transaction): %8.1f s%n", bare);
      System.out.printf(
          Locale.ROOT, "  backfill through the admin API, in chunks:       %8.1f s%n", api);
      System.out.printf(Locale.ROOT, "  ratio backfill / bare: %.2f%n", api / bare);
      System.out.printf(
          Locale.ROOT, "  second run (nothing to write):                   %8.1f s%n", second);
    } finally {
      TestEnvironment.stop();
    }
    System.exit(0);
  }

  /** Starts a backfill through the admin API and waits for it; answers the seconds it took. */
  static double backfill(Http admin, int days) throws Exception {
    var start = System.nanoTime();
    var started = admin.post("api/admin/backfill?days=" + days);
    if (started.statusCode() != 202) {
      throw new IllegalStateException("Backfill not started: " + started.body());
    }
    var reported = -10.0;
    while (true) {
      Thread.sleep(500);
      var progress = (JsonObject) admin.json("api/admin/backfill");
      var percent = progress.getJsonNumber("percent").doubleValue();
      if (percent >= reported + 10) {
        reported = percent;
        System.out.printf(
            Locale.ROOT,
            "  backfill %5.1f %%, %,d rows, %d s elapsed, about %s s left%n",
            percent,
            progress.getJsonNumber("rowsWritten").longValue(),
            progress.getJsonNumber("elapsedSeconds").longValue(),
            progress.get("remainingSeconds"));
      }
      if (!progress.getBoolean("running")) {
        if (!"FINISHED".equals(progress.getString("status"))) {
          throw new IllegalStateException("Backfill ended " + progress);
        }
        System.out.println("  " + progress);
        return (System.nanoTime() - start) / 1e9;
      }
    }
  }

  /** The tracker's replay over every user in one statement, as the backfill runs it per chunk. */
  static double bare(Connection db) throws SQLException {
    var start = System.nanoTime();
    db.setAutoCommit(false);
    try (var replay =
        db.prepareStatement(
            ActivityStore.REPLAY.formatted(SourceSql.eventsOfUsers()).replaceAll("\\?\\d", "?"))) {
      var sql = ActivityStore.REPLAY.formatted(SourceSql.eventsOfUsers());
      var order =
          java.util.regex.Pattern.compile("\\?(\\d)")
              .matcher(sql)
              .results()
              .mapToInt(m -> Integer.parseInt(m.group(1)))
              .toArray();
      var values =
          new Object[] {
            0L, Long.MAX_VALUE, OffsetDateTime.now().minusDays(DAYS), TestEnvironment.ZONE.getId()
          };
      for (var i = 0; i < order.length; i++) {
        replay.setObject(i + 1, values[order[i] - 1]);
      }
      var rows = replay.executeQuery();
      rows.next();
      db.commit();
      var seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "  bare statement: %,d users, %,d day rows in %.1f s%n",
          rows.getLong(1),
          rows.getLong(2),
          seconds);
      return seconds;
    } finally {
      db.setAutoCommit(true);
    }
  }

  static void reset(Connection db) throws SQLException {
    try (var reset = db.createStatement()) {
      reset.execute(
          "update users set last_activity_at = null, last_transaction_at = null"
              + " where last_activity_at is not null or last_transaction_at is not null");
      reset.execute("truncate user_activity_day");
      reset.execute("delete from backfill_run");
      reset.execute("vacuum analyze users");
    }
  }

  static String counts(Connection db) throws SQLException {
    try (var statement = db.createStatement();
        var rows =
            statement.executeQuery(
                "select (select count(*) from users), (select count(last_activity_at) from users),"
                    + " (select count(*) from user_activity_day)")) {
      rows.next();
      return String.format(
          Locale.ROOT,
          "%,d users, %,d with activity, %,d day rows",
          rows.getLong(1),
          rows.getLong(2),
          rows.getLong(3));
    }
  }
}
