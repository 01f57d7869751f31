package app.confio.growth.control;

import app.confio.activity.control.ReportingDay;
import app.confio.growth.entity.Period;
import app.confio.platform.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;

/** The checks every growth report makes of its range, and its defaults. */
@ApplicationScoped
public class GrowthRange {

  /** Periods one lifecycle report covers at most: ten years of days. */
  public static final int MAX_PERIODS = 3650;

  /** Cohorts one retention report covers at most; each has up to as many cells. */
  static final int MAX_COHORTS = 120;

  /** Periods a report covers when it names no start: 90 days, 26 weeks or 12 months. */
  static final int DEFAULT_DAYS = 90;

  static final int DEFAULT_WEEKS = 26;
  static final int DEFAULT_MONTHS = 12;

  @Inject ReportingDay reportingDay;

  void check(Period period, LocalDate first, LocalDate last, int maxPeriods) {
    if (first.isAfter(last)) {
      throw new InvalidInputException("from (" + first + ") is after to (" + last + ")");
    }
    if (last.isAfter(reportingDay.today())) {
      throw new InvalidInputException("to must not be after today (" + reportingDay.today() + ")");
    }
    if (period.between(first, last) >= maxPeriods) {
      throw new InvalidInputException(
          "a report covers at most " + maxPeriods + " " + period.sqlUnit() + "s");
    }
  }

  /** The default start: {@code periods} periods up to and including today's. */
  private LocalDate since(Period period, int periods) {
    return period.plus(period.start(reportingDay.today()), 1 - periods);
  }

  /** The start of a report that names none: the last 90 days, 26 weeks or 12 months. */
  public LocalDate defaultFrom(Period period) {
    return since(
        period,
        switch (period) {
          case DAY -> DEFAULT_DAYS;
          case WEEK -> DEFAULT_WEEKS;
          case MONTH -> DEFAULT_MONTHS;
        });
  }

  public LocalDate today() {
    return reportingDay.today();
  }

  static long number(Object value) {
    return ((Number) value).longValue();
  }

  static LocalDate day(Object value) {
    return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
  }
}
