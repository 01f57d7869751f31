package app.confio.activity.control;

import app.confio.activity.entity.Policy;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

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

  @PersistenceContext EntityManager em;

  public Touch.Outcome write(Touch touch) {
    int changed = 0;
    if (!touch.policies().isEmpty()) {
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

  private static String statementFor(Touch touch) {
    var app = touch.policies().contains(Policy.APP_ACTIVE);
    var transacting = touch.policies().contains(Policy.TRANSACTING);
    return app && transacting ? BOTH : app ? APP_ACTIVE : TRANSACTING;
  }

  private boolean exists(long userId) {
    return !em.createNativeQuery("select 1 from users where id = ?1")
        .setParameter(1, userId)
        .getResultList()
        .isEmpty();
  }
}
