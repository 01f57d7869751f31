package app.confio.metrics.entity;

import app.confio.activity.entity.Policy;
import java.math.BigDecimal;

/** DAU, WAU and MAU of one policy, each with its share of the eligible users. */
public record PolicyFigures(
    Policy policy,
    long dau,
    long wau,
    long mau,
    BigDecimal dauPercent,
    BigDecimal wauPercent,
    BigDecimal mauPercent) {

  public static PolicyFigures of(Policy policy, long dau, long wau, long mau, long eligible) {
    return new PolicyFigures(
        policy,
        dau,
        wau,
        mau,
        Share.percent(dau, eligible),
        Share.percent(wau, eligible),
        Share.percent(mau, eligible));
  }

  public long value(Window window) {
    return switch (window) {
      case DAY -> dau;
      case WEEK -> wau;
      case MONTH -> mau;
    };
  }
}
