package app.confio.growth.entity;

import app.confio.activity.entity.Policy;
import java.time.LocalDate;
import java.util.List;

/** Eligible users active in each ISO week or calendar month: calendar periods, not rolling ones. */
public record CalendarActives(
    Policy policy, Period period, LocalDate from, LocalDate to, String zone, List<Count> periods) {

  public record Count(
      String period, LocalDate start, LocalDate end, long activeUsers, boolean complete) {}
}
