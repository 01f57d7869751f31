package app.confio.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.platform.Migrations;
import app.confio.testing.TestEnvironment;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator against the integration tests' PostgreSQL: it appends users without touching anyone
 * else, keeps every row inside its user's life, and leaves activity to the tracker.
 */
class HistoryGeneratorIT {

  static final int USERS = 500;
  static HistoryGenerator.Result result;
  static long firstId;

  @BeforeAll
  static void generate() throws Exception {
    var source = TestEnvironment.dataSource();
    Migrations.apply(source); // this class may run before any server has migrated the schema
    try (var db = TestEnvironment.connect()) {
      var max = db.createStatement().executeQuery("select coalesce(max(id), 0) from users");
      max.next();
      firstId = max.getLong(1) + 1;
    }
    result = new HistoryGenerator(source, 7).generate(USERS, line -> {});
  }

  static long count(String sql) throws SQLException {
    try (var db = TestEnvironment.connect();
        var query = db.prepareStatement(sql)) {
      query.setLong(1, firstId);
      var rows = query.executeQuery();
      rows.next();
      return rows.getLong(1);
    }
  }

  @Test
  void addsTheUsersAskedFor() throws Exception {
    assertEquals(USERS, result.rows().get("users"));
    assertEquals(USERS, count("select count(*) from users where id >= ? and phone like '+1555%'"));
  }

  @Test
  void leavesActivityToTheTracker() throws Exception {
    assertEquals(
        0,
        count(
            "select count(*) from users where id >= ?"
                + " and (last_activity_at is not null or last_transaction_at is not null)"));
  }

  @Test
  void everyActivityRowLiesInsideItsUsersLife() throws Exception {
    var sources =
        List.of(
            "login_events:user_id",
            "send_transactions:sender_id",
            "payments:payer_id",
            "conversions:user_id",
            "p2p_messages:sender_id",
            "achievements_earned:user_id",
            "business_operations:actor_id");
    var problems = new ArrayList<String>();
    for (var source : sources) {
      var table = source.split(":")[0];
      var column = source.split(":")[1];
      var bad =
          count(
              "select count(*) from "
                  + table
                  + " t join users u on u.id = t."
                  + column
                  + " where u.id >= ? and (t.created_at < u.created_at or t.created_at > now())");
      if (bad > 0) {
        problems.add(table + ": " + bad);
      }
    }
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void aboutTwentyFiveActivityRowsPerUserAcrossAllEightTables() {
    for (var table : HistoryGenerator.ACTIVITY_TABLES) {
      assertTrue(result.rows().getOrDefault(table, 0L) > 0, table + " is empty");
    }
    var perUser = result.activityRows() / (double) USERS;
    assertTrue(perUser > 15 && perUser < 40, "activity rows per user: " + perUser);
  }
}
