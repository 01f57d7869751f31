package app.confio.metrics.control;

import app.confio.activity.entity.Policy;
import app.confio.metrics.entity.ActiveUsers;
import app.confio.metrics.entity.CurrentMetrics;
import app.confio.metrics.entity.PolicyFigures;
import app.confio.platform.Days;
import app.confio.platform.Reads;
import app.confio.users.entity.Eligibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DAU, WAU and MAU now, from the activity timestamps on {@code users}. One statement per policy:
 * the three counts read the 30-day slice of the policy's partial index once, with thresholds bound
 * as parameters (computed once, not per row); the eligible total is one row that triggers keep
 * exact (migration V5), where counting it would read the whole index on every request. Every window
 * has both bounds: a timestamp after {@code asOf} (a clock ahead, an import) is not activity yet.
 */
@ApplicationScoped
public class ActivityMetrics {

  static final String WINDOWS =
      "select count(*) filter (where %1$s >= ?1), count(*) filter (where %1$s >= ?2), count(*),"
          + " (select total from eligible_users)"
          + " from users where %2$s and %1$s >= ?3 and %1$s <= ?4";

  static final String WITHIN =
      "select count(*), (select total from eligible_users)"
          + " from users where %2$s and %1$s >= ?1 and %1$s <= ?2";

  public static final String EXCLUDED =
      "select case when status <> 'ACTIVE' then status else kind end, count(*) from users"
          + " where not (%s) group by 1 order by 1";

  @Inject Reads reads;

  public CurrentMetrics current() {
    return current(OffsetDateTime.now());
  }

  /** The figures with windows ending at {@code asOf}; tests pin the moment, callers use now. */
  public CurrentMetrics current(OffsetDateTime asOf) {
    var policies = new ArrayList<PolicyFigures>();
    long eligible = 0;
    for (var policy : Policy.values()) {
      var row =
          reads.serialRow(
              windowsSql(policy), asOf.minusDays(1), asOf.minusDays(7), asOf.minusDays(30), asOf);
      eligible = number(row[3]);
      policies.add(
          PolicyFigures.of(policy, number(row[0]), number(row[1]), number(row[2]), eligible));
    }
    var excludedBy = excluded();
    var excluded = excludedBy.values().stream().mapToLong(Long::longValue).sum();
    return new CurrentMetrics(
        asOf, CurrentMetrics.ROLLING, eligible, excluded, excludedBy, policies);
  }

  /** Eligible users active within the last {@code days} days, 1 to 3650. */
  public ActiveUsers within(Policy policy, int days) {
    return within(policy, days, OffsetDateTime.now());
  }

  public ActiveUsers within(Policy policy, int days, OffsetDateTime asOf) {
    Days.require(days);
    var row =
        reads.serialRow(
            WITHIN.formatted(column(policy), Eligibility.SQL), asOf.minusDays(days), asOf);
    return ActiveUsers.of(policy, days, number(row[0]), number(row[1]));
  }

  /**
   * Coverage: eligible users with any recorded activity under a policy, of all eligible users. A
   * low share after a migration means the backfill has not run.
   */
  public ActiveUsers recorded(Policy policy) {
    var row =
        reads.row(
            "select count(%1$s), count(*) from users where %2$s"
                .formatted(column(policy), Eligibility.SQL));
    return ActiveUsers.of(policy, Days.MAX, number(row[0]), number(row[1]));
  }

  /** Accounts left out of every metric, by reason: a status other than ACTIVE, else the kind. */
  public Map<String, Long> excluded() {
    var byReason = new LinkedHashMap<String, Long>();
    for (var cells : reads.rows(EXCLUDED.formatted(Eligibility.SQL))) {
      byReason.put((String) cells[0], number(cells[1]));
    }
    return byReason;
  }

  /**
   * The statement behind {@link #current}: ?1, ?2, ?3 the starts of the 1-, 7- and 30-day windows,
   * ?4 their end. Public for the benchmark, which times it bare.
   */
  public static String windowsSql(Policy policy) {
    return WINDOWS.formatted(column(policy), Eligibility.SQL);
  }

  /** The users column that holds a policy's last activity. */
  public static String column(Policy policy) {
    return policy == Policy.APP_ACTIVE ? "last_activity_at" : "last_transaction_at";
  }

  static long number(Object value) {
    return ((Number) value).longValue();
  }
}
