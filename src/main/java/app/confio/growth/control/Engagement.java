package app.confio.growth.control;

import app.confio.activity.control.ReportingDay;
import app.confio.activity.entity.Policy;
import app.confio.growth.entity.CalendarActives;
import app.confio.growth.entity.Period;
import app.confio.growth.entity.Stickiness;
import app.confio.platform.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Stickiness histograms and calendar actives ({@link Stickiness}, {@link CalendarActives}). */
@ApplicationScoped
public class Engagement {

  static final Set<Integer> WINDOWS = Set.of(7, 28);
  static final int WEEKS = 12;

  @Inject DaySets sets;
  @Inject ReportingDay reportingDay;
  @Inject GrowthRange range;
  @Inject GrowthCache cache;

  public Stickiness stickiness(Policy policy, int window, Stickiness.Mode mode, LocalDate asOf) {
    return cache.get(
        List.of("stickiness", policy, window, mode, asOf),
        () -> computeStickiness(policy, window, mode, asOf));
  }

  private Stickiness computeStickiness(
      Policy policy, int window, Stickiness.Mode mode, LocalDate asOf) {
    if (!WINDOWS.contains(window)) {
      throw new InvalidInputException("window must be 7 or 28 days, not " + window);
    }
    range.check(Period.DAY, asOf, asOf, 1);
    var from = asOf.minusDays(window - 1);
    var weeks = weeks(asOf);
    var days = sets.days(earlier(from, weeks[0]), asOf)[index(policy)];
    var exactly = GrowthSets.activeDays(days, from, asOf);
    var active = 0L;
    for (var n = 1; n <= window; n++) {
      active += exactly[n];
    }
    var buckets = new ArrayList<Stickiness.Bucket>();
    var atLeast = active;
    for (var n = 1; n <= window; n++) {
      var users = mode == Stickiness.Mode.EXACT ? exactly[n] : atLeast;
      buckets.add(new Stickiness.Bucket(n, users, share(users, active)));
      atLeast -= exactly[n];
    }
    return new Stickiness(
        policy, window, mode, from, asOf, active, buckets, weekly(days, weeks[0], weeks[1]));
  }

  /** The Mondays of the first and the last of the {@link #WEEKS} complete ISO weeks to asOf. */
  private static LocalDate[] weeks(LocalDate asOf) {
    var last = Period.WEEK.start(asOf.plusDays(1)).minusWeeks(1);
    return new LocalDate[] {last.minusWeeks(WEEKS - 1), last};
  }

  private static List<Stickiness.Week> weekly(ActiveDays days, LocalDate first, LocalDate last) {
    var weeks = new ArrayList<Stickiness.Week>();
    for (var week = first; !week.isAfter(last); week = week.plusWeeks(1)) {
      var counts = GrowthSets.week(days, week);
      weeks.add(
          new Stickiness.Week(
              Period.WEEK.label(week), week, counts[0], counts[1], share(counts[1], counts[0])));
    }
    return weeks;
  }

  public CalendarActives calendar(Policy policy, Period period, LocalDate from, LocalDate to) {
    return cache.get(
        List.of("calendar", policy, period, from, to),
        () -> computeCalendar(policy, period, from, to));
  }

  private CalendarActives computeCalendar(
      Policy policy, Period period, LocalDate from, LocalDate to) {
    if (period == Period.DAY) {
      throw new InvalidInputException("period must be week or month, not day");
    }
    var first = period.start(from);
    var last = period.start(to);
    range.check(period, first, last, GrowthRange.MAX_PERIODS);
    var today = reportingDay.today();
    var end = period.next(last).minusDays(1);
    var asOf = end.isAfter(today) ? today : end;
    var days = sets.days(earlier(first, asOf.minusDays(29)), asOf)[index(policy)];
    var periods = new ArrayList<CalendarActives.Count>();
    for (var start = first; !start.isAfter(last); start = period.next(start)) {
      var next = period.next(start);
      periods.add(
          new CalendarActives.Count(
              period.label(start),
              start,
              next.minusDays(1),
              GrowthSets.activeBetween(days, start, earlier(next.minusDays(1), asOf)),
              !next.isAfter(today)));
    }
    return new CalendarActives(
        policy,
        period,
        first,
        end,
        reportingDay.zone().getId(),
        periods,
        new CalendarActives.Rolling(
            asOf,
            GrowthSets.activeBetween(days, asOf.minusDays(27), asOf),
            GrowthSets.activeBetween(days, asOf.minusDays(29), asOf)));
  }

  private static int index(Policy policy) {
    return policy == Policy.TRANSACTING ? 1 : 0;
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0 : Math.round(part * 10000.0 / whole) / 100.0;
  }
}
