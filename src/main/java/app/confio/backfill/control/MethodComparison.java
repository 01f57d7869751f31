package app.confio.backfill.control;

import app.confio.activity.entity.Policy;
import app.confio.backfill.entity.Comparison;
import app.confio.backfill.entity.Sample;
import app.confio.platform.Days;
import app.confio.users.entity.Eligibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;

/**
 * compare-methods: the old method (the activity tables) beside the new one (the tracked
 * timestamps), and samples of the users they disagree on, each with the reason.
 */
@ApplicationScoped
public class MethodComparison {

  static final int[] WINDOWS = {1, 7, 30};
  static final String[] FIGURES = {"DAU", "WAU", "MAU"};
  static final OffsetDateTime EVER = OffsetDateTime.parse("1970-01-01T00:00:00Z");

  /** Eligible users active in the tables from ?1 to ?3 whose tracked timestamp is not. */
  static final String OLD_ONLY =
      """
      select s.user_id, s.%2$s, u.%2$s from (%1$s) s join users u on u.id = s.user_id
      where %3$s and s.%2$s is not null and (u.%2$s is null or u.%2$s < ?1 or u.%2$s > ?3)
      order by s.user_id limit ?2""";

  /** Eligible users whose tracked timestamp lies from ?1 to ?3, with no row in the tables. */
  static final String NEW_ONLY =
      """
      select u.id, u.%2$s from users u
      where %3$s and u.%2$s >= ?1 and u.%2$s <= ?3
        and not exists (select 1 from (%1$s) s where s.user_id = u.id and s.%2$s is not null)
      order by u.id limit ?2""";

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
        IntStream.range(0, WINDOWS.length)
            .mapToObj(i -> Comparison.Row.of(FIGURES[i], WINDOWS[i], old[i], now[i]))
            .toList();
    var since = asOf.minusDays(days);
    return new Comparison(
        policy,
        asOf,
        rows,
        days,
        oldOnly(policy, since, asOf, samples),
        newOnly(policy, since, asOf, samples));
  }

  List<Sample> oldOnly(Policy policy, OffsetDateTime since, OffsetDateTime asOf, int samples) {
    var column = RecordedActivity.column(policy);
    return rows(OLD_ONLY, column, since, asOf, samples).stream()
        .map(r -> Reasons.oldOnly(r, column))
        .toList();
  }

  List<Sample> newOnly(Policy policy, OffsetDateTime since, OffsetDateTime asOf, int samples) {
    return rows(NEW_ONLY, RecordedActivity.column(policy), since, asOf, samples).stream()
        .map(
            r ->
                Reasons.newOnly(
                    ((Number) r[0]).longValue(), latestEver(r[0], policy), Reasons.at(r[1])))
        .toList();
  }

  /** The columns of latestSince() are named like those of users, so one name serves both. */
  @SuppressWarnings("unchecked")
  private List<Object[]> rows(
      String sql, String column, OffsetDateTime since, OffsetDateTime asOf, int samples) {
    return em.createNativeQuery(sql.formatted(SourceSql.latestSince(), column, Eligibility.of("u")))
        .setParameter(1, since)
        .setParameter(2, samples)
        .setParameter(3, asOf)
        .getResultList();
  }

  /** The user's latest source activity of the policy, however old; null when there is none. */
  private OffsetDateTime latestEver(Object id, Policy policy) {
    var userId = (Number) id;
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
