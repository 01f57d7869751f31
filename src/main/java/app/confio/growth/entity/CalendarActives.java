package app.confio.growth.entity;

import app.confio.activity.entity.Policy;
import java.time.LocalDate;
import java.util.List;

/**
 * Eligible users active in each ISO week or calendar month: calendar periods, not rolling ones;
 * beside them MAU28 and MAU30, the users active in the 28 and 30 reporting days that end on the
 * range's last day, or on today when the last period has not ended yet.
 */
public record CalendarActives(
    Policy policy,
    Period period,
    LocalDate from,
    LocalDate to,
    String zone,
    List<Count> periods,
    Rolling rolling) {

  /** Users active in the 28 and the 30 reporting days up to and including {@code asOf}. */
  public record Rolling(LocalDate asOf, long mau28, long mau30) {}

  public record Count(
      String period, LocalDate start, LocalDate end, long activeUsers, boolean complete) {}
}
