package app.confio.activity.control;

import app.confio.activity.entity.Policy;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;

/**
 * The statements behind a touch, in a transaction of their own: a mutation that rolls back does not
 * undo tracking, and a tracking failure never rolls back a mutation. Both are set-based: the user
 * row is never loaded, and the {@code WHERE} clause keeps a timestamp from moving backwards.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ActivityStore {

  static final String APP_ACTIVE =
      "update users set last_activity_at = ?1"
          + " where id = ?2 and (last_activity_at is null or last_activity_at < ?1)";

  static final String BOTH =
      "update users set last_activity_at = greatest(last_activity_at, ?1),"
          + " last_transaction_at = greatest(last_transaction_at, ?1)"
          + " where id = ?2 and (last_activity_at is null or last_activity_at < ?1"
          + " or last_transaction_at is null or last_transaction_at < ?1)";

  static final String TRANSACTING =
      "update users set last_transaction_at = ?1"
          + " where id = ?2 and (last_transaction_at is null or last_transaction_at < ?1)";

  static final String DAY =
      "insert into user_activity_day (user_id, day, transacting)"
          + " select id, ?2, ?3 from users where id = ?1"
          + " on conflict (user_id, day) do update set transacting = true"
          + " where excluded.transacting and not user_activity_day.transacting";

  /**
   * A replay of recorded activity for a range of users; {@code %s} is the caller's events, a select
   * of {@code (user_id, at, transacting)} whose parameters ?1 and ?2 are the first and last user id
   * and ?3 the earliest moment. The same rules as a touch: a timestamp never moves backwards or
   * into the future, a day row is written once and its {@code transacting} only goes from false to
   * true. An event stamped in the future (a clock ahead) waits until its time has come, rather than
   * being clamped to now: clamped, it would move forward again on every replay. The users are
   * updated before the days, in one statement (the days' insert cannot start before {@code
   * users_moved} is counted), so that the row locks are taken in a touch's order and a replay never
   * deadlocks with one.
   */
  public static final String REPLAY =
      """
      with events as materialized (select * from (%s) e where e.at <= now()),
      latest as (
        select user_id, max(at) as active_at,
               max(at) filter (where transacting) as transaction_at
        from events group by user_id),
      moved as (
        update users u set last_activity_at = greatest(u.last_activity_at, l.active_at),
                           last_transaction_at = greatest(u.last_transaction_at, l.transaction_at)
        from latest l
        where u.id = l.user_id
          and (u.last_activity_at is null or u.last_activity_at < l.active_at
               or l.transaction_at is not null
                  and (u.last_transaction_at is null or u.last_transaction_at < l.transaction_at))
        returning u.id),
      users_moved as (select count(*) as n from moved),
      days as (
        insert into user_activity_day (user_id, day, transacting)
        select e.user_id, cast(timezone(?4, e.at) as date), bool_or(e.transacting)
        from events e cross join users_moved
        group by 1, 2
        on conflict (user_id, day) do update set transacting = true
        where excluded.transacting and not user_activity_day.transacting
        returning 1)
      select (select n from users_moved), (select count(*) from days)
      """;

  @PersistenceContext EntityManager em;
  @Inject ReportingDay reportingDay;

  public Touch.Outcome write(Touch touch) {
    int changed = 0;
    if (!touch.timestamps().isEmpty()) {
      changed +=
          em.createNativeQuery(statementFor(touch))
              .setParameter(1, touch.at())
              .setParameter(2, touch.userId())
              .executeUpdate();
    }
    if (!touch.dayPolicies().isEmpty()) {
      changed +=
          em.createNativeQuery(DAY)
              .setParameter(1, touch.userId())
              .setParameter(2, touch.day())
              .setParameter(3, touch.dayPolicies().contains(Policy.TRANSACTING))
              .executeUpdate();
    }
    if (changed > 0) {
      return Touch.Outcome.WRITTEN;
    }
    return exists(touch.userId()) ? Touch.Outcome.UNCHANGED : Touch.Outcome.UNKNOWN_USER;
  }

  /**
   * Replays the events for users {@code firstUserId..lastUserId} since {@code since} in the
   * caller's transaction, so that a backfill commits its writes and its progress together.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Replayed replay(String events, long firstUserId, long lastUserId, OffsetDateTime since) {
    var counts =
        (Object[])
            em.createNativeQuery(REPLAY.formatted(events))
                .setParameter(1, firstUserId)
                .setParameter(2, lastUserId)
                .setParameter(3, since)
                .setParameter(4, reportingDay.sqlZone())
                .getSingleResult();
    return new Replayed(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
  }

  private static String statementFor(Touch touch) {
    var app = touch.timestamps().contains(Policy.APP_ACTIVE);
    var transacting = touch.timestamps().contains(Policy.TRANSACTING);
    return app && transacting ? BOTH : app ? APP_ACTIVE : TRANSACTING;
  }

  private boolean exists(long userId) {
    return !em.createNativeQuery("select 1 from users where id = ?1")
        .setParameter(1, userId)
        .getResultList()
        .isEmpty();
  }
}
