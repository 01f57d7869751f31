package app.confio.bench;

import app.confio.testing.TestEnvironment;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What PostgreSQL accepts of persisted touches on the database {@code DB_URL} names (the
 * generator's users): distinct users, each winning its window, written as the tracker writes them
 * today (one transaction per touch: the user row, then the day row) against writes coalesced into
 * one statement per batch ({@code update … from unnest(…)}, then the day rows the same way), in the
 * same run, each for {@link #SECONDS} seconds. No member runs: the figures are the database's
 * ceiling for each shape of write. It moves the touched users' {@code last_activity_at} to now and
 * writes today's day rows, as real touches would. {@code mvn -Pbench -Dbench=writes}.
 */
public final class WritesBenchmark {

  static final int SECONDS = Integer.getInteger("writes.seconds", 20);
  static final int SINGLE_THREADS = Integer.getInteger("writes.threads", 8);
  static final List<Integer> BATCHES = List.of(100, 1000, 5000);

  static final String ONE_USER =
      "update users set last_activity_at = ?"
          + " where id = ? and (last_activity_at is null or last_activity_at < ?)";
  static final String ONE_DAY =
      "insert into user_activity_day (user_id, day, transacting)"
          + " select id, ?, false from users where id = ?"
          + " on conflict (user_id, day) do nothing";
  static final String BATCH_USERS =
      "update users u set last_activity_at = v.at"
          + " from unnest(?::bigint[], ?::timestamptz[]) v(id, at)"
          + " where u.id = v.id and (u.last_activity_at is null or u.last_activity_at < v.at)";
  static final String BATCH_DAYS =
      "insert into user_activity_day (user_id, day, transacting)"
          + " select v.id, ?, false from unnest(?::bigint[]) v(id) join users u on u.id = v.id"
          + " on conflict (user_id, day) do nothing";

  private WritesBenchmark() {}

  public static void main(String[] args) throws Exception {
    Bench.requireDatabase();
    List<Long> ids;
    try (var db = TestEnvironment.connect();
        var statement = db.createStatement();
        var rows = statement.executeQuery("select id from users")) {
      ids = new ArrayList<>();
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    Collections.shuffle(ids, new java.util.Random(42));
    System.out.printf(Locale.ROOT, "%,d users; %d s per shape of write%n", ids.size(), SECONDS);
    var next = new AtomicInteger();
    var single = run(SINGLE_THREADS, () -> single(ids, next));
    System.out.printf(
        Locale.ROOT,
        "one transaction per touch (user row + day row), %d connections: %,.0f touches/s%n",
        SINGLE_THREADS,
        single);
    for (var batch : BATCHES) {
      var rate = run(2, () -> batched(ids, next, batch));
      System.out.printf(
          Locale.ROOT,
          "one statement per batch of %,d (users, then days), 2 connections: %,.0f touches/s"
              + " (%.1f× the single touches)%n",
          batch,
          rate,
          rate / single);
    }
    TestEnvironment.stop();
    System.exit(0);
  }

  /** Touches/s written by {@code threads} connections for {@link #SECONDS} seconds. */
  static double run(int threads, Callable<Integer> work) throws Exception {
    var pool = Executors.newFixedThreadPool(threads);
    var deadline = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
    var began = System.nanoTime();
    var futures = new ArrayList<java.util.concurrent.Future<Integer>>();
    for (var t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                var written = 0;
                while (System.nanoTime() < deadline) {
                  written += work.call();
                }
                return written;
              }));
    }
    long written = 0;
    for (var future : futures) {
      written += future.get();
    }
    var seconds = (System.nanoTime() - began) / 1e9;
    pool.shutdown();
    return written / seconds;
  }

  private static final ThreadLocal<Connection> CONNECTION =
      ThreadLocal.withInitial(
          () -> {
            try {
              return TestEnvironment.connect();
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          });

  static int single(List<Long> ids, AtomicInteger next) throws SQLException {
    var db = CONNECTION.get();
    var id = ids.get(next.getAndIncrement() % ids.size());
    var at = OffsetDateTime.now(ZoneOffset.UTC);
    db.setAutoCommit(false);
    try (var user = db.prepareStatement(ONE_USER);
        var day = db.prepareStatement(ONE_DAY)) {
      user.setObject(1, at);
      user.setLong(2, id);
      user.setObject(3, at);
      var changed = user.executeUpdate();
      day.setObject(1, at.toLocalDate());
      day.setLong(2, id);
      day.executeUpdate();
      db.commit();
      return changed;
    }
  }

  static int batched(List<Long> ids, AtomicInteger next, int size) throws SQLException {
    var db = CONNECTION.get();
    var first = next.getAndAdd(size);
    var batch = new Long[size];
    var at = new OffsetDateTime[size];
    var now = OffsetDateTime.now(ZoneOffset.UTC);
    for (var i = 0; i < size; i++) {
      batch[i] = ids.get((first + i) % ids.size());
      at[i] = now;
    }
    // in id order, as a coalescing writer would: two batches then lock rows in the same order
    java.util.Arrays.sort(batch);
    db.setAutoCommit(false);
    try (var users = db.prepareStatement(BATCH_USERS);
        var days = db.prepareStatement(BATCH_DAYS)) {
      users.setArray(1, db.createArrayOf("bigint", batch));
      users.setArray(2, db.createArrayOf("timestamptz", at));
      var changed = users.executeUpdate();
      days.setObject(1, now.toLocalDate());
      days.setArray(2, db.createArrayOf("bigint", batch));
      days.executeUpdate();
      db.commit();
      return changed;
    }
  }
}
