package app.confio.backfill;

import app.confio.testing.TestEnvironment;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An independent reading of the activity tables — one plain query per table, the rest in Java — and
 * of what the activity columns and the day history hold, for comparing the two.
 */
final class SourceActivity {

  /** One thing a user did: when, and whether money moved. */
  record Event(long user, Instant at, boolean transacting) {}

  /** Activity columns and day rows: {@code users} maps an id to its two timestamps. */
  record State(Map<Long, List<Instant>> users, Set<String> days) {}

  /**
   * Table, acting user, time, whether money moved: what the tracker counts, written out again. A
   * row a staff member wrote on the user's behalf ({@code acted_by}) is nobody's; so is a trade
   * whose release was.
   */
  static final List<String> QUERIES =
      List.of(
          "select user_id, created_at, false from login_events where acted_by is null and user_id",
          "select sender_id, created_at, true from send_transactions where acted_by is null"
              + " and sender_id",
          "select payer_id, created_at, true from payments where acted_by is null and payer_id",
          "select user_id, created_at, true from conversions where acted_by is null and user_id",
          "select maker_id, created_at, false from p2p_offers where acted_by is null and maker_id",
          "select actor_id, created_at, false from p2p_trade_events where acted_by is null"
              + " and actor_id",
          "select t.buyer_id, e.created_at, true from p2p_trades t join p2p_trade_events e"
              + " on e.trade_id = t.id and e.status = 'RELEASED' where e.acted_by is null"
              + " and t.buyer_id",
          "select t.seller_id, e.created_at, true from p2p_trades t join p2p_trade_events e"
              + " on e.trade_id = t.id and e.status = 'RELEASED' where e.acted_by is null"
              + " and t.seller_id",
          "select sender_id, created_at, false from p2p_messages where acted_by is null"
              + " and sender_id",
          "select user_id, created_at, false from achievements_earned where acted_by is null"
              + " and user_id",
          "select actor_id, created_at, kind = 'PAYOUT' from business_operations"
              + " where acted_by is null and actor_id");

  private SourceActivity() {}

  /** Events of users {@code first..last} from {@code since} to {@code until}, both included. */
  static List<Event> events(long first, long last, Instant since, Instant until)
      throws SQLException {
    var events = new ArrayList<Event>();
    try (var db = TestEnvironment.connect()) {
      for (var query : QUERIES) {
        var time = query.contains(" e.created_at") ? "e.created_at" : "created_at";
        try (var statement =
            db.prepareStatement(
                query + " between ? and ? and " + time + " >= ? and " + time + " <= ?")) {
          statement.setLong(1, first);
          statement.setLong(2, last);
          statement.setObject(3, since.atOffset(ZoneOffset.UTC));
          statement.setObject(4, until.atOffset(ZoneOffset.UTC));
          var rows = statement.executeQuery();
          while (rows.next()) {
            events.add(
                new Event(
                    rows.getLong(1),
                    rows.getObject(2, OffsetDateTime.class).toInstant(),
                    rows.getBoolean(3)));
          }
        }
      }
    }
    return events;
  }

  /** What a backfill of these events must leave for users {@code first..last}, from nothing. */
  static State expected(long first, long last, List<Event> events) {
    var users = new HashMap<Long, List<Instant>>();
    for (long id = first; id <= last; id++) {
      users.put(id, new ArrayList<>(java.util.Arrays.asList(null, null)));
    }
    var days = new HashMap<String, Boolean>();
    for (var e : events) {
      var stored = users.get(e.user());
      stored.set(0, later(stored.get(0), e.at()));
      if (e.transacting()) {
        stored.set(1, later(stored.get(1), e.at()));
      }
      days.merge(
          e.user() + ":" + LocalDate.ofInstant(e.at(), TestEnvironment.ZONE),
          e.transacting(),
          Boolean::logicalOr);
    }
    var rows = new TreeSet<String>();
    days.forEach((key, transacting) -> rows.add(key + ":" + transacting));
    return new State(users, rows);
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  /** What the database holds for users {@code first..last}. */
  static State stored(long first, long last) throws SQLException {
    var users = new HashMap<Long, List<Instant>>();
    var days = new TreeSet<String>();
    try (var db = TestEnvironment.connect();
        var columns =
            db.prepareStatement(
                "select id, last_activity_at, last_transaction_at from users"
                    + " where id between ? and ?");
        var rows =
            db.prepareStatement(
                "select user_id, day, transacting from user_activity_day"
                    + " where user_id between ? and ?")) {
      columns.setLong(1, first);
      columns.setLong(2, last);
      var result = columns.executeQuery();
      while (result.next()) {
        users.put(
            result.getLong(1),
            new ArrayList<>(java.util.Arrays.asList(instant(result, 2), instant(result, 3))));
      }
      rows.setLong(1, first);
      rows.setLong(2, last);
      result = rows.executeQuery();
      while (result.next()) {
        days.add(
            result.getLong(1)
                + ":"
                + result.getObject(2, LocalDate.class)
                + ":"
                + result.getBoolean(3));
      }
    }
    return new State(users, days);
  }

  private static Instant instant(java.sql.ResultSet result, int column) throws SQLException {
    var value = result.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** Forgets what was recorded for users {@code first..last}, as if they had never been tracked. */
  static void forget(long first, long last) throws SQLException {
    try (var db = TestEnvironment.connect();
        var columns =
            db.prepareStatement(
                "update users set last_activity_at = null, last_transaction_at = null"
                    + " where id between ? and ?");
        var rows =
            db.prepareStatement("delete from user_activity_day where user_id between ? and ?")) {
      for (var statement : List.of(columns, rows)) {
        statement.setLong(1, first);
        statement.setLong(2, last);
        statement.executeUpdate();
      }
    }
  }
}
