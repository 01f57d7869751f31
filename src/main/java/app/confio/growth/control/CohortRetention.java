package app.confio.growth.control;

import app.confio.activity.control.ReportingDay;
import app.confio.activity.entity.Policy;
import app.confio.growth.entity.Period;
import app.confio.growth.entity.Retention;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Cohort retention ({@link Retention}), from the sets of users active per day ({@link DaySets}):
 * each cohort's users intersected with those active in each later period ("on"), and with those
 * active in it or any later one ("on or after").
 */
@ApplicationScoped
public class CohortRetention {

  @Inject DaySets sets;
  @Inject ReportingDay reportingDay;
  @Inject GrowthRange range;
  @Inject GrowthCache cache;

  public Retention of(
      Policy policy,
      Period period,
      Retention.Mode mode,
      Retention.Kind kind,
      LocalDate from,
      LocalDate to) {
    return cache.get(
        List.of("retention", policy, period, mode, kind, from, to),
        () -> compute(policy, period, mode, kind, from, to));
  }

  private Retention compute(
      Policy policy,
      Period period,
      Retention.Mode mode,
      Retention.Kind kind,
      LocalDate from,
      LocalDate to) {
    var first = period.start(from);
    var last = period.start(to);
    range.check(period, first, last, GrowthRange.MAX_COHORTS);
    var today = reportingDay.today();
    var running = period.start(today);
    var end = LifecycleAccounting.earlier(period.next(running), today);
    // First-time cohorts need who was seen before; recurring ones only the range.
    var days =
        kind == Retention.Kind.FIRST_TIME
            ? sets.read(policy, first, end)
            : sets.days(first, end)[policy == Policy.TRANSACTING ? 1 : 0];
    var cohorts = new ArrayList<Retention.Cohort>();
    for (var counts : GrowthSets.retention(days, period, kind, first, last, running)) {
      cohorts.add(cohort(period, mode, counts, today));
    }
    return new Retention(
        policy,
        period,
        mode,
        kind,
        first,
        period.next(last).minusDays(1),
        reportingDay.zone().getId(),
        cohorts);
  }

  private static Retention.Cohort cohort(
      Period period, Retention.Mode mode, GrowthSets.CohortCounts counts, LocalDate today) {
    var size = counts.size();
    var cells = new ArrayList<Retention.Cell>();
    var users = mode == Retention.Mode.ON ? counts.on() : counts.onOrAfter();
    for (var n = 0; n < users.length; n++) {
      var at = period.plus(counts.start(), n);
      cells.add(
          new Retention.Cell(
              n,
              period.label(at),
              users[n],
              size == 0 ? 0 : Math.round(users[n] * 10000.0 / size) / 100.0,
              !period.next(at).isAfter(today)));
    }
    return new Retention.Cohort(
        period.label(counts.start()), counts.start(), size, List.copyOf(cells));
  }
}
