package app.confio.backfill.control;

import app.confio.activity.entity.Policy;
import app.confio.users.entity.Eligibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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

  public long[] activeUsers(Policy policy, OffsetDateTime asOf, int... days) {
    Arrays.stream(days).forEach(Days::require);
    var column = column(policy);
    var counts =
        IntStream.range(0, days.length)
            .mapToObj(i -> "count(*) filter (where " + column + " >= ?" + (i + 3) + ")")
            .collect(Collectors.joining(", "));
    var query =
        em.createNativeQuery(
                "select "
                    + counts
                    + " from users where "
                    + Eligibility.SQL
                    + " and "
                    + column
                    + " >= ?1 and "
                    + column
                    + " <= ?2")
            .setParameter(1, asOf.minusDays(Arrays.stream(days).max().orElseThrow()))
            .setParameter(2, asOf);
    for (int i = 0; i < days.length; i++) {
      query.setParameter(i + 3, asOf.minusDays(days[i]));
    }
    var row = query.getSingleResult();
    var values = row instanceof Object[] columns ? List.of(columns) : List.of(row);
    return values.stream().mapToLong(v -> ((Number) v).longValue()).toArray();
  }
}
