package app.confio.growth.entity;

import app.confio.platform.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * A calendar period of the reporting zone: a day, an ISO week (Monday to Sunday, named by its
 * week-based year: 2026-12-28 is in 2026-W53, 2027-01-04 starts 2027-W01) or a calendar month.
 */
public enum Period {
  DAY,
  WEEK,
  MONTH;

  public static Period parse(String name, String parameter) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInputException(
          parameter + " must be day, week or month, not '" + name + "'");
    }
  }

  /** A period named as {@link #label} names it: 2026-12-01, 2026-W49 or 2026-12. */
  public record Named(Period period, LocalDate start) {}

  public static Named named(String label) {
    var text = label == null ? "" : label.strip();
    try {
      if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return new Named(DAY, LocalDate.parse(text));
      }
      if (text.matches("\\d{4}-W\\d{2}")) {
        var week =
            LocalDate.of(Integer.parseInt(text.substring(0, 4)), 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Long.parseLong(text.substring(6)));
        if (WEEK.label(WEEK.start(week)).equals(text)) {
          return new Named(WEEK, WEEK.start(week));
        }
      }
      if (text.matches("\\d{4}-\\d{2}")) {
        return new Named(MONTH, LocalDate.parse(text + "-01"));
      }
    } catch (java.time.DateTimeException e) {
      // refused below
    }
    throw new InvalidInputException(
        "period must name a day (2026-12-01), an ISO week (2026-W49) or a month (2026-12), not '"
            + label
            + "'");
  }

  /** The first day of the period that holds {@code day}. */
  public LocalDate start(LocalDate day) {
    return switch (this) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  /** The first day of the period after the one that starts on {@code start}. */
  public LocalDate next(LocalDate start) {
    return plus(start, 1);
  }

  public LocalDate plus(LocalDate start, long periods) {
    return switch (this) {
      case DAY -> start.plusDays(periods);
      case WEEK -> start.plusWeeks(periods);
      case MONTH -> start.plusMonths(periods);
    };
  }

  /** Whole periods from the one starting {@code from} to the one starting {@code to}. */
  public long between(LocalDate from, LocalDate to) {
    return switch (this) {
      case DAY -> ChronoUnit.DAYS.between(from, to);
      case WEEK -> ChronoUnit.WEEKS.between(from, to);
      case MONTH -> ChronoUnit.MONTHS.between(from, to);
    };
  }

  /** 2026-12-01, 2026-W49 or 2026-12. */
  public String label(LocalDate start) {
    return switch (this) {
      case DAY -> start.toString();
      case WEEK ->
          String.format(
              Locale.ROOT,
              "%d-W%02d",
              start.get(IsoFields.WEEK_BASED_YEAR),
              start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> start.toString().substring(0, 7);
    };
  }

  /** PostgreSQL's name of the unit, for {@code date_trunc} and intervals. */
  public String sqlUnit() {
    return name().toLowerCase(Locale.ROOT);
  }
}
