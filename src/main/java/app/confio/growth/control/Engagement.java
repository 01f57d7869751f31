package app.confio.growth.control;

import static app.confio.growth.control.GrowthRange.day;
import static app.confio.growth.control.GrowthRange.number;

import app.confio.activity.control.ReportingDay;
import app.confio.activity.entity.Policy;
import app.confio.growth.entity.CalendarActives;
import app.confio.growth.entity.Period;
import app.confio.growth.entity.Stickiness;
import app.confio.platform.InvalidInputException;
import app.confio.platform.Reads;
import app.confio.platform.Sql;
import app.confio.users.entity.Eligibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stickiness histograms and calendar actives ({@link Stickiness}, {@link CalendarActives}). */
@ApplicationScoped
public class Engagement {

  public static final String STICKINESS = sql("stickiness.sql");
  public static final String WEEKLY = sql("weekly-engagement.sql");
  public static final String CALENDAR = sql("calendar.sql");
  public static final String ROLLING = sql("rolling-months.sql");
  static final Set<Integer> WINDOWS = Set.of(7, 28);
  static final int WEEKS = 12;

  @Inject Reads reads;
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
    var exactly = new long[window + 1];
    for (var row : reads.rows(STICKINESS, from, asOf, transacting(policy))) {
      exactly[(int) number(row[0])] = number(row[1]);
    }
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
    return new Stickiness(policy, window, mode, from, asOf, active, buckets, weekly(policy, asOf));
  }

  /** The last {@link #WEEKS} complete ISO weeks up to {@code asOf}. */
  private List<Stickiness.Week> weekly(Policy policy, LocalDate asOf) {
    var last = Period.WEEK.start(asOf.plusDays(1)).minusWeeks(1);
    var first = last.minusWeeks(WEEKS - 1);
    var byWeek = new HashMap<LocalDate, long[]>();
    for (var row : reads.rows(WEEKLY, first, last.plusDays(6), transacting(policy))) {
      byWeek.put(day(row[0]), new long[] {number(row[1]), number(row[2])});
    }
    var weeks = new ArrayList<Stickiness.Week>();
    for (var week = first; !week.isAfter(last); week = week.plusWeeks(1)) {
      var counts = byWeek.getOrDefault(week, new long[2]);
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
    Map<LocalDate, Long> counts = new HashMap<>();
    for (var row :
        reads.rows(CALENDAR, period.sqlUnit(), first, period.next(last), transacting(policy))) {
      counts.put(day(row[0]), number(row[1]));
    }
    var today = reportingDay.today();
    var periods = new ArrayList<CalendarActives.Count>();
    for (var start = first; !start.isAfter(last); start = period.next(start)) {
      var next = period.next(start);
      periods.add(
          new CalendarActives.Count(
              period.label(start),
              start,
              next.minusDays(1),
              counts.getOrDefault(start, 0L),
              !next.isAfter(today)));
    }
    var end = period.next(last).minusDays(1);
    var asOf = end.isAfter(today) ? today : end;
    var rolling =
        reads.row(ROLLING, asOf.minusDays(29), asOf.minusDays(27), asOf, transacting(policy));
    return new CalendarActives(
        policy,
        period,
        first,
        end,
        reportingDay.zone().getId(),
        periods,
        new CalendarActives.Rolling(asOf, number(rolling[0]), number(rolling[1])));
  }

  private static boolean transacting(Policy policy) {
    return policy == Policy.TRANSACTING;
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0 : Math.round(part * 10000.0 / whole) / 100.0;
  }

  private static String sql(String name) {
    return Sql.load(Engagement.class, name).formatted(Eligibility.of("u"));
  }
}
