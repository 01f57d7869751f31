package app.confio.backfill.control;

import app.confio.activity.entity.Policy;
import app.confio.users.entity.Eligibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;

/**
 * The old method: active users are the eligible users with a row in the activity tables ({@link
 * SourceSql}) within a rolling window. Several windows are one statement that reads the widest
 * window's slice of each table once (each table's {@code created_at} index), keeps each user's
 * latest moment, and counts per window; the thresholds are bound once, never computed per row. A
 * CDI bean rather than an EJB, so that a refusal of bad input reaches the caller as it is.
 */
@ApplicationScoped
public class LegacyActivitySources {

  @PersistenceContext EntityManager em;

  public LegacyCounts counts(Policy policy) {
    return counts(policy, OffsetDateTime.now());
  }

  /** DAU, WAU and MAU as the old method counts them at {@code asOf}. */
  public LegacyCounts counts(Policy policy, OffsetDateTime asOf) {
    var counts = activeUsers(policy, asOf, 1, 7, 30);
    return new LegacyCounts(policy, asOf, counts[0], counts[1], counts[2]);
  }

  /** Eligible users active within the last {@code days} (1 to 3650) days. */
  public long activeUsers(Policy policy, int days) {
    return activeUsers(policy, OffsetDateTime.now(), days)[0];
  }

  /** Eligible users active within each window of {@code days} days ending at {@code asOf}. */
  public long[] activeUsers(Policy policy, OffsetDateTime asOf, int... days) {
    return Windows.count(em, windows -> countSql(policy, windows), asOf, days);
  }

  /**
   * The statement behind {@link #activeUsers}: ?1 the widest window's start, ?2 its end, ?3 onwards
   * each window's start. Public for the benchmark, which times it bare.
   */
  public static String countSql(Policy policy, int windows) {
    return "select "
        + Windows.counts("a.at", windows)
        + " from (select user_id, max(at) as at from ("
        + SourceSql.events(policy, "%1$s >= ?1 and %1$s <= ?2", null)
        + ") e group by user_id) a join users u on u.id = a.user_id where "
        + Eligibility.of("u");
  }
}
