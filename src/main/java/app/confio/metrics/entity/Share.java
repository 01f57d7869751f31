package app.confio.metrics.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A part of a whole as a percentage with two decimals; 0.00 of nothing. */
public final class Share {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Share() {}

  public static BigDecimal percent(long part, long whole) {
    if (whole == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return BigDecimal.valueOf(part)
        .multiply(HUNDRED)
        .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
  }

  /** Relative change from {@code before} to {@code now} in percent; null when there is no base. */
  public static BigDecimal change(long now, long before) {
    if (before == 0) {
      return null;
    }
    return percent(now - before, before);
  }
}
