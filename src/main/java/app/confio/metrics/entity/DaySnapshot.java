package app.confio.metrics.entity;

import app.confio.activity.entity.Policy;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One reporting day under one policy. Calendar windows in the reporting time zone: DAU is the day
 * itself, WAU the seven days ending with it, MAU the thirty. {@code eligible} counts the eligible
 * users who had joined by the end of the day, {@code newUsers} those who joined on it. Stickiness
 * is DAU / MAU in percent.
 */
public record DaySnapshot(
    LocalDate day,
    Policy policy,
    long dau,
    long wau,
    long mau,
    long eligible,
    long newUsers,
    BigDecimal stickiness) {

  public static DaySnapshot of(
      LocalDate day, Policy policy, long dau, long wau, long mau, long eligible, long newUsers) {
    return new DaySnapshot(day, policy, dau, wau, mau, eligible, newUsers, Share.percent(dau, mau));
  }

  public long value(Window window) {
    return switch (window) {
      case DAY -> dau;
      case WEEK -> wau;
      case MONTH -> mau;
    };
  }
}
