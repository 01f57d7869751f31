package app.confio.metrics.control;

import app.confio.activity.control.ReportingDay;
import app.confio.users.entity.Eligibility;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;

/**
 * Computes one reporting day's snapshot rows, both policies, from {@code user_activity_day} in one
 * statement and its own transaction. A row is rewritten only when a figure changed, so computing a
 * day twice leaves it exactly as it was, {@code computed_at} included.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SnapshotWriter {

  static final String COMPUTE =
      """
      with active as (
        select a.user_id, a.day, a.transacting
        from user_activity_day a join users u on u.id = a.user_id
        where a.day between ?3 and ?1 and %1$s
      ), windows as (
        select count(distinct user_id) filter (where day = ?1) as dau_a,
               count(distinct user_id) filter (where day >= ?2) as wau_a,
               count(distinct user_id) as mau_a,
               count(distinct user_id) filter (where day = ?1 and transacting) as dau_t,
               count(distinct user_id) filter (where day >= ?2 and transacting) as wau_t,
               count(distinct user_id) filter (where transacting) as mau_t
        from active
      ), people as (
        select count(*) as eligible, count(*) filter (where u.created_at >= ?4) as new_users
        from users u where %1$s and u.created_at < ?5
      )
      insert into activity_snapshot as s (day, policy, dau, wau, mau, eligible, new_users)
      select cast(?1 as date), 'APP_ACTIVE', dau_a, wau_a, mau_a, eligible, new_users from windows, people
      union all
      select cast(?1 as date), 'TRANSACTING', dau_t, wau_t, mau_t, eligible, new_users from windows, people
      on conflict (day, policy) do update
        set dau = excluded.dau, wau = excluded.wau, mau = excluded.mau,
            eligible = excluded.eligible, new_users = excluded.new_users, computed_at = now()
        where (s.dau, s.wau, s.mau, s.eligible, s.new_users)
          is distinct from (excluded.dau, excluded.wau, excluded.mau, excluded.eligible,
                            excluded.new_users)
      """
          .formatted(Eligibility.of("u"));

  @PersistenceContext EntityManager em;
  @Inject ReportingDay reportingDay;

  /** Rows written: 0 when the day's figures had not changed, up to 2. */
  public int compute(LocalDate day) {
    return em.createNativeQuery(COMPUTE)
        .setParameter(1, day)
        .setParameter(2, day.minusDays(6))
        .setParameter(3, day.minusDays(29))
        .setParameter(4, reportingDay.start(day))
        .setParameter(5, reportingDay.start(day.plusDays(1)))
        .executeUpdate();
  }
}
