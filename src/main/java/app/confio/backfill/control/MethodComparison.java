package app.confio.backfill.control;

import app.confio.activity.entity.Policy;
import app.confio.backfill.entity.Comparison;
import app.confio.backfill.entity.Sample;
import app.confio.users.entity.Eligibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * compare-methods: the old method (the activity tables) beside the new one (the tracked
 * timestamps), and samples of the users they disagree on, each with the reason.
 */
@ApplicationScoped
public class MethodComparison {

  static final int[] WINDOWS = {1, 7, 30};
  static final String[] FIGURES = {"DAU", "WAU", "MAU"};
  static final OffsetDateTime EVER = OffsetDateTime.parse("1970-01-01T00:00:00Z");

  @PersistenceContext EntityManager em;
  @Inject LegacyActivitySources legacy;
  @Inject RecordedActivity recorded;

  /** Both figures for the policy now; up to {@code samples} users each way in {@code days}. */
  public Comparison compare(Policy policy, int days, int samples) {
    Days.require(days);
    var asOf = OffsetDateTime.now();
    var old = legacy.activeUsers(policy, asOf, WINDOWS);
    var now = recorded.activeUsers(policy, asOf, WINDOWS);
    var rows =
        java.util.stream.IntStream.range(0, WINDOWS.length)
            .mapToObj(i -> Comparison.Row.of(FIGURES[i], WINDOWS[i], old[i], now[i]))
            .toList();
    var since = asOf.minusDays(days);
    return new Comparison(
        policy, asOf, rows, days, oldOnly(policy, since, samples), newOnly(policy, since, samples));
  }

  /** Active in the tables within the window, but not by the tracked timestamp. */
  List<Sample> oldOnly(Policy policy, OffsetDateTime since, int samples) {
    var source = policy == Policy.TRANSACTING ? "s.last_transaction_at" : "s.last_activity_at";
    var column = "u." + RecordedActivity.column(policy);
    List<Object[]> rows =
        em.createNativeQuery(
                "select s.user_id, "
                    + source
                    + ", "
                    + column
                    + " from ("
                    + SourceSql.latestSince()
                    + ") s join users u on u.id = s.user_id"
                    + " where "
                    + Eligibility.of("u")
                    + " and "
                    + source
                    + " is not null"
                    + " and ("
                    + column
                    + " is null or "
                    + column
                    + " < ?1)"
                    + " order by s.user_id limit ?2")
            .setParameter(1, since)
            .setParameter(2, samples)
            .getResultList();
    return rows.stream().map(r -> Reasons.oldOnly(r, RecordedActivity.column(policy))).toList();
  }

  /** Active by the tracked timestamp within the window, with no row in the tables there. */
  List<Sample> newOnly(Policy policy, OffsetDateTime since, int samples) {
    var column = "u." + RecordedActivity.column(policy);
    var source = policy == Policy.TRANSACTING ? "s.last_transaction_at" : "s.last_activity_at";
    List<Object[]> rows =
        em.createNativeQuery(
                "select u.id, "
                    + column
                    + " from users u where "
                    + Eligibility.of("u")
                    + " and "
                    + column
                    + " >= ?1 and not exists (select 1 from ("
                    + SourceSql.latestSince()
                    + ") s where s.user_id = u.id and "
                    + source
                    + " is not null) order by u.id limit ?2")
            .setParameter(1, since)
            .setParameter(2, samples)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                Reasons.newOnly(
                    ((Number) r[0]).longValue(),
                    latestEver((Number) r[0], policy),
                    Reasons.at(r[1])))
        .toList();
  }

  /** The user's latest source activity of the policy, however old; null when there is none. */
  private OffsetDateTime latestEver(Number userId, Policy policy) {
    var filter = policy == Policy.TRANSACTING ? " where transacting" : "";
    var latest =
        em.createNativeQuery("select max(at) from (" + SourceSql.eventsOfUsers() + ") e" + filter)
            .setParameter(1, userId.longValue())
            .setParameter(2, userId.longValue())
            .setParameter(3, EVER)
            .getSingleResult();
    return Reasons.at(latest);
  }
}
