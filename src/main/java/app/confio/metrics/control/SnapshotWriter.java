package app.confio.metrics.control;

import app.confio.activity.control.ReportingDay;
import app.confio.growth.control.ActiveDays;
import app.confio.growth.control.DaySets;
import app.confio.growth.control.GrowthSets;
import app.confio.platform.Migrations;
import app.confio.platform.Reads;
import app.confio.users.entity.Eligibility;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import javax.sql.DataSource;

/**
 * Computes reporting days' snapshot rows, both policies: DAU, WAU and MAU from the growth reports'
 * day sets ({@link DaySets}: the users active per day, kept while the day's rows are unchanged),
 * eligible and new users from {@code users} — for a range of days, one read of the sets and two
 * counts of the users in all, then one batch of upserts. A row is rewritten only when a figure
 * changed, so computing a day twice leaves it exactly as it was, {@code computed_at} included. Runs
 * outside the caller's transaction: the sets are read in their own snapshot and each row is written
 * on its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SnapshotWriter {

  static final String JOINED_BEFORE =
      "select count(*) from users u where %1$s and u.created_at < ?1"
          .formatted(Eligibility.of("u"));

  static final String JOINED_ON =
      ("select cast(timezone(?3, u.created_at) as date), count(*) from users u"
              + " where %1$s and u.created_at >= ?1 and u.created_at < ?2 group by 1")
          .formatted(Eligibility.of("u"));

  static final String WRITE =
      """
      insert into activity_snapshot as s (day, policy, dau, wau, mau, eligible, new_users)
      values (?, ?, ?, ?, ?, ?, ?)
      on conflict (day, policy) do update
        set dau = excluded.dau, wau = excluded.wau, mau = excluded.mau,
            eligible = excluded.eligible, new_users = excluded.new_users, computed_at = now()
        where (s.dau, s.wau, s.mau, s.eligible, s.new_users)
          is distinct from (excluded.dau, excluded.wau, excluded.mau, excluded.eligible,
                            excluded.new_users)
      """;

  static final String[] POLICIES = {"APP_ACTIVE", "TRANSACTING"};

  @Resource(lookup = Migrations.DATASOURCE)
  DataSource dataSource;

  @Inject DaySets sets;
  @Inject Reads reads;
  @Inject ReportingDay reportingDay;

  /** Rows written: 0 when the day's figures had not changed, up to 2. */
  public int compute(LocalDate day) {
    return compute(day, day);
  }

  /** The days {@code from} to {@code to}; rows written, up to two a day. */
  public int compute(LocalDate from, LocalDate to) {
    var days = sets.days(from.minusDays(29), to);
    var start = reportingDay.start(from);
    var eligible = ((Number) reads.row(JOINED_BEFORE, start)[0]).longValue();
    var joined = new HashMap<LocalDate, Long>();
    for (var row : reads.rows(JOINED_ON, start, reportingDay.start(to.plusDays(1)), zone())) {
      joined.put(((java.sql.Date) row[0]).toLocalDate(), ((Number) row[1]).longValue());
    }
    var written = 0;
    try (var connection = dataSource.getConnection();
        var write = connection.prepareStatement(WRITE)) {
      for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
        var fresh = joined.getOrDefault(day, 0L);
        eligible += fresh;
        for (var p = 0; p < 2; p++) {
          write.setObject(1, day);
          write.setString(2, POLICIES[p]);
          write.setLong(3, active(days[p], day, 1));
          write.setLong(4, active(days[p], day, 7));
          write.setLong(5, active(days[p], day, 30));
          write.setLong(6, eligible);
          write.setLong(7, fresh);
          write.addBatch();
        }
        if (ChronoUnit.DAYS.between(from, day) % 100 == 99) {
          written += sum(write.executeBatch());
        }
      }
      written += sum(write.executeBatch());
    } catch (SQLException e) {
      throw new IllegalStateException("Writing the snapshots failed: " + e.getMessage(), e);
    }
    return written;
  }

  private String zone() {
    return reportingDay.sqlZone();
  }

  private static int sum(int[] counts) {
    var sum = 0;
    for (var count : counts) {
      sum += Math.max(count, 0);
    }
    return sum;
  }

  /** Eligible users active in the {@code window} days ending with {@code day}. */
  private static long active(ActiveDays days, LocalDate day, int window) {
    return GrowthSets.activeBetween(days, day.minusDays(window - 1), day);
  }
}
