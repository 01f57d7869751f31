package app.confio.metrics;

import app.confio.testing.Population;
import app.confio.testing.TestEnvironment;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The figures the tests expect, computed here in plain Java from the raw rows: a second,
 * independent implementation of every definition in the README's metrics table.
 */
final class Expected {

  private Expected() {}

  /**
   * Eligible users whose timestamp lies within {@code days} days before {@code asOf}, both ends
   * included: a timestamp after {@code asOf} is not activity yet.
   */
  static long within(
      List<Population.Row> users,
      Function<Population.Row, OffsetDateTime> column,
      int days,
      OffsetDateTime asOf) {
    return ids(users, column, days, asOf).size();
  }

  static Set<Long> ids(
      List<Population.Row> users,
      Function<Population.Row, OffsetDateTime> column,
      int days,
      OffsetDateTime asOf) {
    var edge = asOf.minusDays(days);
    return users.stream()
        .filter(Population.Row::eligible)
        .filter(u -> inside(column.apply(u), edge, asOf))
        .map(Population.Row::id)
        .collect(Collectors.toSet());
  }

  /** Eligible users with no timestamp up to {@code asOf}: none, or only one after it. */
  static long never(
      List<Population.Row> users,
      Function<Population.Row, OffsetDateTime> column,
      OffsetDateTime asOf) {
    return users.stream()
        .filter(Population.Row::eligible)
        .map(column)
        .filter(at -> at == null || at.isAfter(asOf))
        .count();
  }

  private static boolean inside(OffsetDateTime at, OffsetDateTime from, OffsetDateTime to) {
    return at != null && !at.isBefore(from) && !at.isAfter(to);
  }

  static long eligible(List<Population.Row> users) {
    return users.stream().filter(Population.Row::eligible).count();
  }

  static Map<String, Long> excludedBy(List<Population.Row> users) {
    return users.stream()
        .filter(u -> !u.eligible())
        .collect(
            Collectors.groupingBy(
                u -> u.status().equals("ACTIVE") ? u.kind() : u.status(),
                TreeMap::new,
                Collectors.counting()));
  }

  /** Percent with two decimals, rounded half up, as a double. */
  static double percent(long part, long whole) {
    return whole == 0 ? 0 : Math.round(part * 10000.0 / whole) / 100.0;
  }

  /** One snapshot row computed from the per-day rows: {dau, wau, mau, eligible, newUsers}. */
  static long[] snapshot(
      List<Population.Row> users, List<Population.Day> days, LocalDate day, boolean transacting) {
    var eligible = new HashSet<Long>();
    users.stream().filter(Population.Row::eligible).forEach(u -> eligible.add(u.id()));
    long[] windows = new long[3];
    int[] lengths = {1, 7, 30};
    for (var i = 0; i < 3; i++) {
      var first = day.minusDays(lengths[i] - 1);
      windows[i] =
          days.stream()
              .filter(d -> eligible.contains(d.userId()))
              .filter(d -> !transacting || d.transacting())
              .filter(d -> !d.day().isBefore(first) && !d.day().isAfter(day))
              .map(Population.Day::userId)
              .distinct()
              .count();
    }
    var joined =
        users.stream()
            .filter(Population.Row::eligible)
            .map(u -> u.createdAt().atZoneSameInstant(TestEnvironment.ZONE).toLocalDate())
            .toList();
    var total = joined.stream().filter(d -> !d.isAfter(day)).count();
    var fresh = joined.stream().filter(d -> d.equals(day)).count();
    return new long[] {windows[0], windows[1], windows[2], total, fresh};
  }
}
