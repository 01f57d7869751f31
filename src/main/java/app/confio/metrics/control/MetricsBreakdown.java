package app.confio.metrics.control;

import static app.confio.metrics.control.ActivityMetrics.number;

import app.confio.activity.entity.Policy;
import app.confio.metrics.entity.Breakdown;
import app.confio.metrics.entity.PolicyFigures;
import app.confio.metrics.entity.Share;
import app.confio.users.entity.Eligibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The detailed breakdown. Costlier than the current figures (the split by kind reads every eligible
 * user), so it is computed on request only, never by a scrape or a tile. Every window ends at
 * {@code asOf}, as in the current figures: a user whose only timestamp lies after it counts as
 * never active, so that each window's active users, the never active and the rest add up to the
 * eligible.
 */
@ApplicationScoped
public class MetricsBreakdown {

  @PersistenceContext EntityManager em;
  @Inject ActivityMetrics metrics;

  public Breakdown at(OffsetDateTime asOf) {
    var app = counts(ActivityMetrics.column(Policy.APP_ACTIVE), asOf);
    var transacting = counts(ActivityMetrics.column(Policy.TRANSACTING), asOf);
    var joined = counts("created_at", asOf);
    var eligible = app[Breakdown.DAYS.size()];
    var periods = new ArrayList<Breakdown.Period>();
    for (var i = 0; i < Breakdown.DAYS.size(); i++) {
      periods.add(
          new Breakdown.Period(
              Breakdown.DAYS.get(i),
              app[i],
              Share.percent(app[i], eligible),
              transacting[i],
              Share.percent(transacting[i], eligible),
              joined[i]));
    }
    return new Breakdown(
        asOf,
        eligible,
        periods,
        app[Breakdown.DAYS.size() + 1],
        transacting[Breakdown.DAYS.size() + 1],
        byKind(asOf),
        metrics.excluded());
  }

  /**
   * Per window the eligible users with {@code column} inside it, then the total, then those with
   * nothing up to {@code asOf} (?1).
   */
  private long[] counts(String column, OffsetDateTime asOf) {
    var sql = new StringBuilder("select ");
    for (var i = 0; i < Breakdown.DAYS.size(); i++) {
      sql.append("count(*) filter (where %1$s >= ?").append(i + 2).append(" and %1$s <= ?1), ");
    }
    sql.append("count(*), count(*) filter (where %1$s is null or %1$s > ?1)");
    sql.append(" from users where %2$s");
    var query = em.createNativeQuery(sql.toString().formatted(column, Eligibility.SQL));
    query.setParameter(1, asOf);
    for (var i = 0; i < Breakdown.DAYS.size(); i++) {
      query.setParameter(i + 2, asOf.minusDays(Breakdown.DAYS.get(i)));
    }
    var row = (Object[]) query.getSingleResult();
    var counts = new long[row.length];
    for (var i = 0; i < row.length; i++) {
      counts[i] = number(row[i]);
    }
    return counts;
  }

  private List<Breakdown.KindFigures> byKind(OffsetDateTime asOf) {
    var sql =
        "select kind, count(*),"
            + " count(*) filter (where last_activity_at >= ?1 and last_activity_at <= ?4),"
            + " count(*) filter (where last_activity_at >= ?2 and last_activity_at <= ?4),"
            + " count(*) filter (where last_activity_at >= ?3 and last_activity_at <= ?4),"
            + " count(*) filter (where last_transaction_at >= ?1 and last_transaction_at <= ?4),"
            + " count(*) filter (where last_transaction_at >= ?2 and last_transaction_at <= ?4),"
            + " count(*) filter (where last_transaction_at >= ?3 and last_transaction_at <= ?4)"
            + " from users where "
            + Eligibility.SQL
            + " group by kind order by kind";
    List<?> rows =
        em.createNativeQuery(sql)
            .setParameter(1, asOf.minusDays(1))
            .setParameter(2, asOf.minusDays(7))
            .setParameter(3, asOf.minusDays(30))
            .setParameter(4, asOf)
            .getResultList();
    var figures = new ArrayList<Breakdown.KindFigures>();
    for (var row : rows) {
      var c = (Object[]) row;
      var total = number(c[1]);
      figures.add(
          new Breakdown.KindFigures(
              (String) c[0],
              total,
              PolicyFigures.of(Policy.APP_ACTIVE, number(c[2]), number(c[3]), number(c[4]), total),
              PolicyFigures.of(
                  Policy.TRANSACTING, number(c[5]), number(c[6]), number(c[7]), total)));
    }
    return figures;
  }
}
