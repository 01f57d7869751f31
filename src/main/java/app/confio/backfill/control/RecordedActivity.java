package app.confio.backfill.control;

import app.confio.activity.entity.Policy;
import app.confio.users.entity.Eligibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;

/**
 * The new method's figures, as compare-methods and validate need them: eligible users whose tracked
 * timestamp lies in each window, one index-only statement over the eligibility partial index of
 * that timestamp (migration V3).
 */
@ApplicationScoped
public class RecordedActivity {

  @PersistenceContext EntityManager em;

  /** The users column that holds the policy's latest activity. */
  public static String column(Policy policy) {
    return policy == Policy.TRANSACTING ? "last_transaction_at" : "last_activity_at";
  }

  /** Eligible users whose tracked timestamp lies in each window of {@code days} days. */
  public long[] activeUsers(Policy policy, OffsetDateTime asOf, int... days) {
    var column = column(policy);
    return Windows.count(
        em,
        windows ->
            "select "
                + Windows.counts(column, windows)
                + " from users where "
                + Eligibility.SQL
                + " and "
                + column
                + " >= ?1 and "
                + column
                + " <= ?2",
        asOf,
        days);
  }
}
