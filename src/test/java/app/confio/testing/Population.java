package app.confio.testing;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Users placed straight into the database with chosen activity, and the whole users table read
 * back, so that a test can compute the expected figures itself, independently of the server.
 */
public final class Population {

  /** A row of {@code users} as the metrics see it. */
  public record Row(
      long id,
      String status,
      String kind,
      OffsetDateTime createdAt,
      OffsetDateTime lastActivityAt,
      OffsetDateTime lastTransactionAt) {

    public boolean eligible() {
      return status.equals("ACTIVE") && (kind.equals("PERSONAL") || kind.equals("BUSINESS"));
    }
  }

  /** A row of {@code user_activity_day}. */
  public record Day(long userId, LocalDate day, boolean transacting) {}

  private Population() {}

  public static long user(
      String kind,
      String status,
      OffsetDateTime createdAt,
      OffsetDateTime lastActivity,
      OffsetDateTime lastTransaction)
      throws SQLException {
    try (var connection = TestEnvironment.connect();
        var insert =
            connection.prepareStatement(
                "insert into users (phone, display_name, password_hash, status, kind, created_at,"
                    + " last_activity_at, last_transaction_at) values (?, 'Planted', 'none', ?, ?,"
                    + " ?, ?, ?) returning id")) {
      insert.setString(1, People.freshPhone());
      insert.setString(2, status);
      insert.setString(3, kind);
      insert.setObject(4, createdAt);
      insert.setObject(5, lastActivity);
      insert.setObject(6, lastTransaction);
      var rows = insert.executeQuery();
      rows.next();
      return rows.getLong(1);
    }
  }

  /** An eligible person who joined a year ago. */
  public static long person(OffsetDateTime lastActivity, OffsetDateTime lastTransaction)
      throws SQLException {
    return user(
        "PERSONAL", "ACTIVE", OffsetDateTime.now().minusYears(1), lastActivity, lastTransaction);
  }

  public static List<Row> users() throws SQLException {
    var users = new ArrayList<Row>();
    try (var connection = TestEnvironment.connect();
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    "select id, status, kind, created_at, last_activity_at, last_transaction_at"
                        + " from users")) {
      while (rows.next()) {
        users.add(
            new Row(
                rows.getLong(1),
                rows.getString(2),
                rows.getString(3),
                time(rows.getTimestamp(4)),
                time(rows.getTimestamp(5)),
                time(rows.getTimestamp(6))));
      }
    }
    return users;
  }

  public static List<Day> days() throws SQLException {
    var days = new ArrayList<Day>();
    try (var connection = TestEnvironment.connect();
        var rows =
            connection
                .createStatement()
                .executeQuery("select user_id, day, transacting from user_activity_day")) {
      while (rows.next()) {
        days.add(new Day(rows.getLong(1), rows.getDate(2).toLocalDate(), rows.getBoolean(3)));
      }
    }
    return days;
  }

  private static OffsetDateTime time(Timestamp value) {
    return value == null ? null : value.toInstant().atOffset(ZoneOffset.UTC);
  }
}
