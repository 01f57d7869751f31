package app.confio.testing;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Counts, inside PostgreSQL, the writes that change a user's activity columns: a trigger logs every
 * row update that moves {@code last_activity_at} or {@code last_transaction_at}. Tests compare
 * these counts, not the application's own idea of what it wrote.
 */
public final class WriteLog {

  private WriteLog() {}

  public static void install() throws SQLException {
    try (var db = TestEnvironment.connect();
        var sql = db.createStatement()) {
      sql.execute(
          "create table if not exists test_activity_writes ("
              + " user_id bigint not null, app boolean not null, transacting boolean not null,"
              + " at timestamptz not null default clock_timestamp())");
      sql.execute(
          "create or replace function test_log_activity_write() returns trigger language plpgsql as $$"
              + " begin insert into test_activity_writes (user_id, app, transacting) values (new.id,"
              + " old.last_activity_at is distinct from new.last_activity_at,"
              + " old.last_transaction_at is distinct from new.last_transaction_at); return new; end $$");
      sql.execute("drop trigger if exists test_activity_writes on users");
      sql.execute(
          "create trigger test_activity_writes after update on users for each row"
              + " when (old.last_activity_at is distinct from new.last_activity_at"
              + " or old.last_transaction_at is distinct from new.last_transaction_at)"
              + " execute function test_log_activity_write()");
    }
  }

  /** How many writes changed this user's activity columns. */
  public static int writes(String userId) throws SQLException {
    return count("select count(*) from test_activity_writes where user_id = ?", userId);
  }

  /** How many writes changed the activity columns of any of these users. */
  public static int writes(java.util.Collection<String> userIds) throws SQLException {
    try (var db = TestEnvironment.connect();
        var query =
            db.prepareStatement(
                "select count(*) from test_activity_writes where user_id = any(?)")) {
      query.setArray(
          1, db.createArrayOf("bigint", userIds.stream().map(Long::valueOf).toArray(Long[]::new)));
      var rows = query.executeQuery();
      rows.next();
      return rows.getInt(1);
    }
  }

  public static Optional<OffsetDateTime> lastActivity(String userId) throws SQLException {
    return timestamp("last_activity_at", userId);
  }

  public static Optional<OffsetDateTime> lastTransaction(String userId) throws SQLException {
    return timestamp("last_transaction_at", userId);
  }

  /** Waits until the user's last_activity_at is set, as tracking writes asynchronously. */
  public static OffsetDateTime awaitActivity(String userId) throws Exception {
    return await(() -> lastActivity(userId));
  }

  public static OffsetDateTime awaitTransaction(String userId) throws Exception {
    return await(() -> lastTransaction(userId));
  }

  interface Read {
    Optional<OffsetDateTime> get() throws SQLException;
  }

  private static OffsetDateTime await(Read read) throws Exception {
    var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      var value = read.get();
      if (value.isPresent()) {
        return value.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("Activity was not written within 20 s");
  }

  /** The user's history rows, as "day:transacting" pairs in day order. */
  public static String days(String userId) throws SQLException {
    try (var db = TestEnvironment.connect();
        var query =
            db.prepareStatement(
                "select coalesce(string_agg(day || ':' || transacting, ',' order by day), '')"
                    + " from user_activity_day where user_id = ?")) {
      query.setLong(1, Long.parseLong(userId));
      var rows = query.executeQuery();
      rows.next();
      return rows.getString(1);
    }
  }

  private static Optional<OffsetDateTime> timestamp(String column, String userId)
      throws SQLException {
    try (var db = TestEnvironment.connect();
        var query = db.prepareStatement("select " + column + " from users where id = ?")) {
      query.setLong(1, Long.parseLong(userId));
      var rows = query.executeQuery();
      if (!rows.next()) {
        throw new AssertionError("No user " + userId);
      }
      return Optional.ofNullable(rows.getObject(1, OffsetDateTime.class));
    }
  }

  private static int count(String sql, String userId) throws SQLException {
    try (var db = TestEnvironment.connect();
        var query = db.prepareStatement(sql)) {
      query.setLong(1, Long.parseLong(userId));
      var rows = query.executeQuery();
      rows.next();
      return rows.getInt(1);
    }
  }
}
