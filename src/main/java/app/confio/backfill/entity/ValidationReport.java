package app.confio.backfill.entity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Is the tracked history complete? Of the eligible users with activity in the tables within the
 * last {@code days} days: how many the tracker never recorded ({@code nullUsers}), and how many it
 * recorded more than a cooldown earlier than their latest source activity ({@code staleUsers}),
 * with samples; the 30-day coverage; and the pass/fail checks. {@code passed} when all pass.
 */
public record ValidationReport(
    OffsetDateTime asOf,
    int days,
    Duration cooldown,
    long sourceActiveUsers,
    long nullUsers,
    long staleUsers,
    List<Sample> nullSample,
    List<Sample> staleSample,
    long sourceActive30,
    long recorded30,
    double coverage,
    List<Check> checks,
    boolean passed) {

  /** One of the expected results, and the numbers behind it. */
  public record Check(String name, boolean passed, String detail) {}
}
