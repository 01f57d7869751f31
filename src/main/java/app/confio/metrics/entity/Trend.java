package app.confio.metrics.entity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How one metric moved: its value on {@code day} (the last complete reporting day) against the same
 * metric 7 and 30 days earlier, in percent. A change is null where there is no earlier value or it
 * was zero.
 */
public record Trend(
    Window window,
    LocalDate day,
    Long value,
    Long weekBefore,
    BigDecimal change7,
    Long monthBefore,
    BigDecimal change30) {

  public static Trend of(
      Window window, LocalDate day, DaySnapshot now, DaySnapshot week, DaySnapshot month) {
    var value = now == null ? null : now.value(window);
    var w = week == null ? null : week.value(window);
    var m = month == null ? null : month.value(window);
    return new Trend(window, day, value, w, change(value, w), m, change(value, m));
  }

  private static BigDecimal change(Long now, Long before) {
    return now == null || before == null ? null : Share.change(now, before);
  }
}
