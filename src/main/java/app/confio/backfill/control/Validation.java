package app.confio.backfill.control;

import app.confio.activity.entity.Policy;
import app.confio.backfill.entity.Sample;
import app.confio.backfill.entity.ValidationReport;
import app.confio.backfill.entity.ValidationReport.Check;
import app.confio.platform.Days;
import app.confio.users.entity.Eligibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * validate: is the tracked history complete? It reads each eligible user's latest activity in the
 * tables and compares it with what the tracker recorded: a user recorded more than a cooldown
 * earlier than his latest source activity is stale (within the window the tracker writes once by
 * design), one never recorded is NULL. Then the expected results, as pass/fail checks.
 */
@ApplicationScoped
public class Validation {

  static final double COVERAGE_REQUIRED = 0.95;

  /** Eligible users with source activity since ?1, each with what the tracker recorded. */
  static final String SOURCE_ACTIVE =
      "("
          + SourceSql.latestSince()
          + ") s join users u on u.id = s.user_id where "
          + Eligibility.of("u");

  static final String STALE = "u.last_activity_at < s.last_activity_at - make_interval(secs => ?2)";

  @PersistenceContext EntityManager em;
  @Inject LegacyActivitySources legacy;
  @Inject RecordedActivity recorded;

  @Inject
  @ConfigProperty(name = "confio.activity.cooldown", defaultValue = "PT5M")
  Duration cooldown;

  public ValidationReport validate(int days, int samples) {
    Days.require(days);
    var asOf = OffsetDateTime.now();
    var since = asOf.minusDays(days);
    var found =
        row(
            "select count(*), count(*) filter (where u.last_activity_at is null),"
                + " count(*) filter (where "
                + STALE
                + ") from "
                + SOURCE_ACTIVE,
            since,
            cooldown.toSeconds());
    var month =
        row(
            "select count(*), count(*) filter (where u.last_activity_at >= ?1"
                + " and u.last_activity_at <= ?2) from "
                + SOURCE_ACTIVE,
            asOf.minusDays(30),
            asOf);
    var coverage = month[0] == 0 ? 1.0 : (double) month[1] / month[0];
    var checks =
        List.of(
            new Check(
                "coverage > 95% of active users",
                coverage > COVERAGE_REQUIRED,
                String.format(
                    Locale.ROOT,
                    "%d of %d users active in the tables in 30 days recorded" + " (%.2f%%)",
                    month[1],
                    month[0],
                    coverage * 100)),
            newAtLeastOld(asOf),
            new Check(
                "zero users with recent activity and NULL last_activity_at",
                found[1] == 0,
                found[1] + " users active in the tables in " + days + " days were never recorded"));
    return new ValidationReport(
        asOf,
        days,
        cooldown,
        found[0],
        found[1],
        found[2],
        sample(null, since, samples),
        sample(STALE, since, samples),
        month[0],
        month[1],
        coverage,
        checks,
        checks.stream().allMatch(Check::passed));
  }

  /** The counts of a one-row statement over the users active in the tables since ?1. */
  private long[] row(String sql, OffsetDateTime since, Object second) {
    var query = em.createNativeQuery(sql).setParameter(1, since).setParameter(2, second);
    return Arrays.stream((Object[]) query.getSingleResult())
        .mapToLong(v -> ((Number) v).longValue())
        .toArray();
  }

  private Check newAtLeastOld(OffsetDateTime asOf) {
    var failures = new ArrayList<String>();
    for (var policy : Policy.values()) {
      var old = legacy.activeUsers(policy, asOf, MethodComparison.WINDOWS);
      var now = recorded.activeUsers(policy, asOf, MethodComparison.WINDOWS);
      for (int i = 0; i < old.length; i++) {
        if (now[i] < old[i]) {
          failures.add(
              policy + " " + MethodComparison.FIGURES[i] + ": new " + now[i] + " < old " + old[i]);
        }
      }
    }
    return new Check(
        "new >= old",
        failures.isEmpty(),
        failures.isEmpty() ? "DAU, WAU and MAU of both policies" : String.join("; ", failures));
  }

  /** Users matching {@code stale}, or never recorded when it is null; latest activity first. */
  private List<Sample> sample(String stale, OffsetDateTime since, int samples) {
    var query =
        em.createNativeQuery(
                "select s.user_id, s.last_activity_at, u.last_activity_at from "
                    + SOURCE_ACTIVE
                    + " and "
                    + (stale == null ? "u.last_activity_at is null" : stale)
                    + " order by s.last_activity_at desc limit ?3")
            .setParameter(1, since)
            .setParameter(3, samples);
    if (stale != null) {
      query.setParameter(2, cooldown.toSeconds());
    }
    List<Object[]> rows = query.getResultList();
    return rows.stream().map(r -> Reasons.oldOnly(r, "last_activity_at")).toList();
  }
}
