package app.confio.growth.control;

import app.confio.activity.control.ReportingDay;
import app.confio.activity.entity.Policy;
import app.confio.growth.entity.Lifecycle;
import app.confio.growth.entity.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * New, returning, resurrecting and dormant users per period ({@link Lifecycle}), from the sets of
 * users active per day ({@link DaySets}): the range, the period before it and who was seen before.
 */
@ApplicationScoped
public class LifecycleAccounting {

  @Inject DaySets sets;
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
    var days = sets.read(policy, period.plus(first, -1), earlier(period.next(last), today));
    var buckets = new ArrayList<Lifecycle.Bucket>();
    for (var counts : GrowthSets.lifecycle(days, period, first, last)) {
      buckets.add(
          Lifecycle.Bucket.of(
              period,
              counts.start(),
              counts.newUsers(),
              counts.returning(),
              counts.resurrecting(),
              counts.dormant(),
              today));
    }
    return new Lifecycle(policy, period, first, period.next(last).minusDays(1), zone(), buckets);
  }

  /** The earlier of the day before {@code next} and {@code today}: the last day there can be. */
  static LocalDate earlier(LocalDate next, LocalDate today) {
    var last = next.minusDays(1);
    return last.isAfter(today) ? today : last;
  }

  private String zone() {
    return reportingDay.zone().getId();
  }
}
