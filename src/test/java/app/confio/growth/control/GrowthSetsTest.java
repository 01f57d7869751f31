package app.confio.growth.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.confio.growth.entity.Period;
import app.confio.growth.entity.Retention;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.roaringbitmap.RoaringBitmap;

/**
 * The set algebra of {@link GrowthSets} against the README's definitions applied user by user to
 * random histories: users who come and go, some in bursts, some not eligible, over a range that
 * spans a year's end (an ISO week in two years) and several month ends.
 */
class GrowthSetsTest {

  static final LocalDate HISTORY = LocalDate.of(2025, 9, 1);
  static final LocalDate TODAY = LocalDate.of(2026, 2, 11);

  /** A random history: user → active days; and who is not eligible. */
  record History(Map<Integer, Set<LocalDate>> days, Set<Integer> excluded) implements ActiveDays {

    static History random(long seed) {
      var random = new Random(seed);
      var days = new HashMap<Integer, Set<LocalDate>>();
      var span = (int) ChronoUnit.DAYS.between(HISTORY, TODAY) + 1;
      for (var user = 1; user <= 400; user++) {
        var active = new HashSet<LocalDate>();
        var first = random.nextInt(span);
        var rate = random.nextDouble() * 0.6;
        var gone = first + random.nextInt(span);
        for (var d = first; d < span; d++) {
          if (d == first || (d < gone || random.nextInt(10) == 0) && random.nextDouble() < rate) {
            active.add(HISTORY.plusDays(d));
          }
        }
        // A user whose id is large: the sets take unsigned 32-bit ids.
        days.put(user == 400 ? Integer.MIN_VALUE + 7 : user * 1000 + random.nextInt(1000), active);
      }
      var ineligible =
          days.keySet().stream().filter(u -> random.nextInt(8) == 0).collect(Collectors.toSet());
      return new History(days, ineligible);
    }

    @Override
    public RoaringBitmap on(LocalDate day) {
      var set = new RoaringBitmap();
      days.forEach(
          (user, active) -> {
            if (active.contains(day)) {
              set.add(user);
            }
          });
      return set;
    }

    @Override
    public RoaringBitmap seenBefore(LocalDate day) {
      var set = new RoaringBitmap();
      days.forEach(
          (user, active) -> {
            if (active.stream().anyMatch(d -> d.isBefore(day))) {
              set.add(user);
            }
          });
      return set;
    }

    @Override
    public RoaringBitmap ineligible() {
      return RoaringBitmap.bitmapOf(excluded.stream().mapToInt(u -> u).toArray());
    }

    Set<Integer> eligible() {
      var eligible = new HashSet<>(days.keySet());
      eligible.removeAll(excluded);
      return eligible;
    }

    boolean activeIn(int user, LocalDate from, LocalDate until) {
      return days.get(user).stream().anyMatch(d -> !d.isBefore(from) && d.isBefore(until));
    }

    LocalDate firstDay(int user) {
      return days.get(user).stream().min(LocalDate::compareTo).orElseThrow();
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void theLifecycleIsTheDefinitionUserByUser(long seed) {
    var history = History.random(seed);
    for (var period : Period.values()) {
      var first = period.start(LocalDate.of(2025, 11, 20));
      var last = period.start(TODAY);
      var counts = GrowthSets.lifecycle(history, period, first, last);
      var expected = new ArrayList<GrowthSets.LifecycleCounts>();
      for (var start = first; !start.isAfter(last); start = period.next(start)) {
        var before = period.plus(start, -1);
        var next = period.next(start);
        long fresh = 0, returning = 0, resurrecting = 0, dormant = 0;
        for (var user : history.eligible()) {
          var now = history.activeIn(user, start, next);
          var then = history.activeIn(user, before, start);
          if (now && !history.firstDay(user).isBefore(start)) {
            fresh++;
          } else if (now && then) {
            returning++;
          } else if (now) {
            resurrecting++;
          } else if (then) {
            dormant++;
          }
        }
        expected.add(
            new GrowthSets.LifecycleCounts(start, fresh, returning, resurrecting, dormant));
      }
      assertEquals(expected, counts, period + ", seed " + seed);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void retentionIsTheDefinitionUserByUser(long seed) {
    var history = History.random(seed);
    for (var period : Period.values()) {
      for (var kind : Retention.Kind.values()) {
        var running = period.start(TODAY);
        var first = period.plus(running, period == Period.MONTH ? -5 : -9);
        var last = period.plus(running, -1);
        var counts = GrowthSets.retention(history, period, kind, first, last, running);
        var c = 0;
        for (var start = first; !start.isAfter(last); start = period.next(start), c++) {
          var cohortStart = start;
          var cohort =
              history.eligible().stream()
                  .filter(
                      u ->
                          kind == Retention.Kind.RECURRING
                              ? history.activeIn(u, cohortStart, period.next(cohortStart))
                              : period.start(history.firstDay(u)).equals(cohortStart))
                  .toList();
          var cells = (int) period.between(start, running) + 1;
          var on = new long[cells];
          var onOrAfter = new long[cells];
          for (var n = 0; n < cells; n++) {
            var at = period.plus(start, n);
            for (var user : cohort) {
              if (history.activeIn(user, at, period.next(at))) {
                on[n]++;
              }
              if (history.activeIn(user, at, TODAY.plusDays(1))) {
                onOrAfter[n]++;
              }
            }
          }
          var actual = counts.get(c);
          var what = period + " " + kind + " cohort " + start + ", seed " + seed;
          assertEquals(start, actual.start(), what);
          assertEquals(cohort.size(), actual.size(), what);
          assertArrayEquals(on, actual.on(), what + " (on)");
          assertArrayEquals(onOrAfter, actual.onOrAfter(), what + " (on or after)");
        }
        assertEquals(c, counts.size());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void activeDaysAndWeeksAreCountedUserByUser(long seed) {
    var history = History.random(seed);
    for (var window : List.of(7, 28)) {
      var from = TODAY.minusDays(window - 1);
      var expected = new long[window + 1];
      for (var user : history.eligible()) {
        var n =
            (int)
                history.days().get(user).stream()
                    .filter(d -> !d.isBefore(from) && !d.isAfter(TODAY))
                    .count();
        if (n > 0) {
          expected[n]++;
        }
      }
      assertArrayEquals(expected, GrowthSets.activeDays(history, from, TODAY), "L" + window);
    }
    // the ISO week 2026-W01 starts on 2025-12-29
    for (var monday = LocalDate.of(2025, 12, 1);
        monday.isBefore(TODAY);
        monday = monday.plusWeeks(1)) {
      var sunday = monday.plusDays(6);
      var byUser = new TreeMap<Integer, Long>();
      for (var user : history.eligible()) {
        var n =
            history.days().get(user).stream()
                .filter(d -> !d.isBefore(sunday.minusDays(6)) && !d.isAfter(sunday))
                .count();
        if (n > 0) {
          byUser.put(user, n);
        }
      }
      var fivePlus = byUser.values().stream().filter(n -> n >= 5).count();
      assertArrayEquals(
          new long[] {byUser.size(), fivePlus}, GrowthSets.week(history, monday), "week " + monday);
      assertEquals(byUser.size(), GrowthSets.activeBetween(history, monday, sunday));
    }
  }
}
