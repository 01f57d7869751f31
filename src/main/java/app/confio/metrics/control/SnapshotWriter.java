package app.confio.metrics.control;

import app.confio.activity.control.ReportingDay;
import app.confio.growth.control.ActiveDays;
import app.confio.growth.control.DaySets;
import app.confio.growth.control.GrowthSets;
import app.confio.platform.Reads;
import app.confio.users.entity.Eligibility;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;

/**
 * Computes one reporting day's snapshot rows, both policies: DAU, WAU and MAU from the growth
 * reports' day sets ({@link DaySets}: the users active per day, kept while the day's rows are
 * unchanged), eligible and new users from {@code users}, written in one statement. A row is
 * rewritten only when a figure changed, so computing a day twice leaves it exactly as it was,
 * {@code computed_at} included. Runs outside the caller's transaction: the sets are read in their
 * own snapshot and the row is written on its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SnapshotWriter {

  static final String WRITE =
      """
      with people as (
        select count(*) as eligible, count(*) filter (where u.created_at >= ?2) as new_users
        from users u where %1$s and u.created_at < ?3
      )
      insert into activity_snapshot as s (day, policy, dau, wau, mau, eligible, new_users)
      select cast(?1 as date), 'APP_ACTIVE', ?4, ?5, ?6, eligible, new_users from people
      union all
      select cast(?1 as date), 'TRANSACTING', ?7, ?8, ?9, eligible, new_users from people
      on conflict (day, policy) do update
        set dau = excluded.dau, wau = excluded.wau, mau = excluded.mau,
            eligible = excluded.eligible, new_users = excluded.new_users, computed_at = now()
        where (s.dau, s.wau, s.mau, s.eligible, s.new_users)
          is distinct from (excluded.dau, excluded.wau, excluded.mau, excluded.eligible,
                            excluded.new_users)
      """
          .formatted(Eligibility.of("u"));

  @Inject DaySets sets;
  @Inject Reads reads;
  @Inject ReportingDay reportingDay;

  /** Rows written: 0 when the day's figures had not changed, up to 2. */
  public int compute(LocalDate day) {
    var days = sets.days(day.minusDays(29), day);
    return reads.update(
        WRITE,
        day,
        reportingDay.start(day),
        reportingDay.start(day.plusDays(1)),
        active(days[0], day, 1),
        active(days[0], day, 7),
        active(days[0], day, 30),
        active(days[1], day, 1),
        active(days[1], day, 7),
        active(days[1], day, 30));
  }

  /** Eligible users active in the {@code window} days ending with {@code day}. */
  private static long active(ActiveDays days, LocalDate day, int window) {
    return GrowthSets.activeBetween(days, day.minusDays(window - 1), day);
  }
}
