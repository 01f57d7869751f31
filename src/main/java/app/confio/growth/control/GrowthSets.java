package app.confio.growth.control;

import app.confio.growth.entity.Period;
import app.confio.growth.entity.Retention;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;

/**
 * The growth reports' counts from the sets of users active per day ({@link ActiveDays}): set
 * algebra on compressed bitmaps instead of grouping day rows, so a report costs a few operations
 * per period whatever the number of users. Every count leaves out the users not eligible now. The
 * definitions are the README's (metrics table); {@code GrowthSetsTest} checks each against them,
 * user by user, on random histories.
 */
public final class GrowthSets {

  private GrowthSets() {}

  /** New, returning, resurrecting and dormant users. */
  record LifecycleCounts(
      LocalDate start, long newUsers, long returning, long resurrecting, long dormant) {}

  /** A cohort's size and its cells: users active in period n after it, and in n or later. */
  record CohortCounts(LocalDate start, long size, long[] on, long[] onOrAfter) {}

  /**
   * Eligible users active in a period, per period from {@code first} to {@code last} (period
   * starts). {@code days} covers the period before {@code first} to the end of {@code last}.
   */
  static List<LifecycleCounts> lifecycle(
      ActiveDays days, Period period, LocalDate first, LocalDate last) {
    var before = period.plus(first, -1);
    var previous = union(days, before, first);
    var seen = RoaringBitmap.or(days.seenBefore(before), previous);
    var counts = new ArrayList<LifecycleCounts>();
    for (var start = first; !start.isAfter(last); start = period.next(start)) {
      var active = union(days, start, period.next(start));
      var newUsers = RoaringBitmap.andNotCardinality(active, seen);
      var returning = RoaringBitmap.andCardinality(active, previous);
      var dormant = RoaringBitmap.andNotCardinality(previous, active);
      counts.add(
          new LifecycleCounts(
              start,
              newUsers,
              returning,
              active.getLongCardinality() - newUsers - returning,
              dormant));
      seen.or(active);
      previous = active;
    }
    return counts;
  }

  /**
   * Cohorts starting {@code first} to {@code last}, each with its cells up to the period starting
   * {@code running} (today's). {@code days} covers {@code first} to the end of {@code running}.
   */
  static List<CohortCounts> retention(
      ActiveDays days,
      Period period,
      Retention.Kind kind,
      LocalDate first,
      LocalDate last,
      LocalDate running) {
    var cohorts = new ArrayList<RoaringBitmap>();
    var seen = kind == Retention.Kind.FIRST_TIME ? days.seenBefore(first).clone() : null;
    for (var start = first; !start.isAfter(last); start = period.next(start)) {
      var active = union(days, start, period.next(start));
      if (seen == null) {
        cohorts.add(active);
      } else {
        cohorts.add(RoaringBitmap.andNot(active, seen));
        seen.or(active);
      }
    }
    var on = new long[cohorts.size()][];
    var onOrAfter = new long[cohorts.size()][];
    for (var c = 0; c < cohorts.size(); c++) {
      var cells = (int) period.between(period.plus(first, c), running) + 1;
      on[c] = new long[Math.max(cells, 0)];
      onOrAfter[c] = new long[Math.max(cells, 0)];
    }
    // From the running period back: the users active in a period or any later one grow as one
    // set, so each cell costs one intersection count.
    var later = new RoaringBitmap();
    var periods = (int) period.between(first, running);
    for (var q = periods; q >= 0; q--) {
      var start = period.plus(first, q);
      var active = union(days, start, period.next(start));
      later.or(active);
      for (var c = 0; c < cohorts.size() && c <= q; c++) {
        on[c][q - c] = RoaringBitmap.andCardinality(cohorts.get(c), active);
        onOrAfter[c][q - c] = RoaringBitmap.andCardinality(cohorts.get(c), later);
      }
    }
    var counts = new ArrayList<CohortCounts>();
    for (var c = 0; c < cohorts.size(); c++) {
      counts.add(
          new CohortCounts(
              period.plus(first, c), cohorts.get(c).getLongCardinality(), on[c], onOrAfter[c]));
    }
    return counts;
  }

  /**
   * Eligible users by their number of active days from {@code from} to {@code to}: element n of the
   * answer counts those active on exactly n of those days (element 0 is unused).
   */
  static long[] activeDays(ActiveDays days, LocalDate from, LocalDate to) {
    var length = (int) java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
    var atLeast = atLeast(days, from, to, length);
    var exactly = new long[length + 1];
    for (var n = 1; n <= length; n++) {
      exactly[n] =
          atLeast[n].getLongCardinality() - (n < length ? atLeast[n + 1].getLongCardinality() : 0);
    }
    return exactly;
  }

  /** Eligible users active in a week, and those active on five or more of its days. */
  static long[] week(ActiveDays days, LocalDate monday) {
    var atLeast = atLeast(days, monday, monday.plusDays(6), 5);
    return new long[] {atLeast[1].getLongCardinality(), atLeast[5].getLongCardinality()};
  }

  /** Eligible users active on some day from {@code from} to {@code to}. */
  public static long activeBetween(ActiveDays days, LocalDate from, LocalDate to) {
    return union(days, from, to.plusDays(1)).getLongCardinality();
  }

  /**
   * Element k (1 to {@code most}) is the eligible users active on at least k days of the range,
   * counted bit-sliced: a day's users move each user who already had k days up to k + 1.
   */
  private static RoaringBitmap[] atLeast(ActiveDays days, LocalDate from, LocalDate to, int most) {
    var atLeast = new RoaringBitmap[most + 1];
    for (var k = 1; k <= most; k++) {
      atLeast[k] = new RoaringBitmap();
    }
    var seen = 0;
    for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
      var active = RoaringBitmap.andNot(days.on(day), days.ineligible());
      seen++;
      for (var k = Math.min(seen, most); k >= 2; k--) {
        atLeast[k].or(RoaringBitmap.and(atLeast[k - 1], active));
      }
      atLeast[1].or(active);
    }
    return atLeast;
  }

  /** The eligible users active on a day from {@code from} up to, not including, {@code until}. */
  static RoaringBitmap union(ActiveDays days, LocalDate from, LocalDate until) {
    var sets = new ArrayList<RoaringBitmap>();
    for (var day = from; day.isBefore(until); day = day.plusDays(1)) {
      sets.add(days.on(day));
    }
    var union = RoaringBitmap.or(sets.iterator());
    union.andNot(days.ineligible());
    return union;
  }
}
