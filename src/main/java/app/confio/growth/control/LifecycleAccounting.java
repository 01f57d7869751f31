package app.confio.growth.control;

import static app.confio.growth.control.GrowthRange.number;

import app.confio.activity.control.ReportingDay;
import app.confio.activity.entity.Policy;
import app.confio.growth.entity.Lifecycle;
import app.confio.growth.entity.Period;
import app.confio.platform.Reads;
import app.confio.platform.Sql;
import app.confio.users.entity.Eligibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * New, returning, resurrecting and dormant users per period ({@link Lifecycle}), one statement over
 * the day history: each user's periods in the range and the one before it, each user's first day
 * ever, then a count per period.
 */
@ApplicationScoped
public class LifecycleAccounting {

  public static final String SQL =
      Sql.load(LifecycleAccounting.class, "lifecycle.sql").formatted(Eligibility.of("u"));

  @Inject Reads reads;
  @Inject ReportingDay reportingDay;
  @Inject GrowthRange range;
  @Inject GrowthCache cache;

  public Lifecycle of(Policy policy, Period period, LocalDate from, LocalDate to) {
    return cache.get(
        List.of("lifecycle", policy, period, from, to), () -> compute(policy, period, from, to));
  }

  private Lifecycle compute(Policy policy, Period period, LocalDate from, LocalDate to) {
    var first = period.start(from);
    var last = period.start(to);
    range.check(period, first, last, GrowthRange.MAX_PERIODS);
    var today = reportingDay.today();
    var buckets = new ArrayList<Lifecycle.Bucket>();
    for (var row :
        reads.rows(
            SQL,
            period.sqlUnit(),
            "1 " + period.sqlUnit(),
            first,
            last,
            policy == Policy.TRANSACTING)) {
      buckets.add(
          Lifecycle.Bucket.of(
              period,
              GrowthRange.day(row[0]),
              number(row[1]),
              number(row[2]),
              number(row[3]),
              number(row[4]),
              today));
    }
    return new Lifecycle(policy, period, first, period.next(last).minusDays(1), zone(), buckets);
  }

  private String zone() {
    return reportingDay.zone().getId();
  }
}
