package app.confio.backfill.control;

import app.confio.platform.Days;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Active users in several rolling windows ending at one moment, counted by one statement: ?1 is the
 * widest window's start and ?2 its end (the statement reads only that slice), ?3 onwards each
 * window's start. Both methods, old and new, count this way.
 */
final class Windows {

  private Windows() {}

  /** One {@code count(*) filter} per window on {@code column}, in the order of the windows. */
  static String counts(String column, int windows) {
    return IntStream.range(0, windows)
        .mapToObj(i -> "count(*) filter (where " + column + " >= ?" + (i + 3) + ")")
        .collect(Collectors.joining(", "));
  }

  /** Runs the statement {@code sql.apply(counts)} for the windows of {@code days} days. */
  static long[] count(
      EntityManager em, Function<Integer, String> sql, OffsetDateTime asOf, int... days) {
    if (days.length == 0) {
      throw new IllegalArgumentException("Name at least one window");
    }
    Arrays.stream(days).forEach(Days::require);
    var query =
        em.createNativeQuery(sql.apply(days.length))
            .setParameter(1, asOf.minusDays(Arrays.stream(days).max().getAsInt()))
            .setParameter(2, asOf);
    for (int i = 0; i < days.length; i++) {
      query.setParameter(i + 3, asOf.minusDays(days[i]));
    }
    var row = query.getSingleResult();
    var values = row instanceof Object[] columns ? List.of(columns) : List.of(row);
    return values.stream().mapToLong(v -> ((Number) v).longValue()).toArray();
  }
}
