package app.confio.money.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A positive quantity of one currency, with no more decimals than the currency has and no more than
 * {@link #MAX} units: every amount that enters the system passes through {@link #of}.
 */
public record Amount(Currency currency, BigDecimal value) {

  public static final BigDecimal MAX = new BigDecimal("1000000000");

  public Amount {
    Objects.requireNonNull(currency, "Currency is required.");
    Objects.requireNonNull(value, "Value is required.");
  }

  public static Amount of(Currency currency, BigDecimal value) {
    if (currency == null) {
      throw new InvalidAmountException("A currency is required");
    }
    if (value == null) {
      throw new InvalidAmountException("An amount is required");
    }
    if (value.signum() <= 0) {
      throw new InvalidAmountException("Amount must be greater than zero");
    }
    var exact = value.stripTrailingZeros();
    if (exact.scale() > currency.scale()) {
      throw new InvalidAmountException(
          currency.symbol() + " amounts have at most " + currency.scale() + " decimals");
    }
    if (exact.compareTo(MAX) > 0) {
      throw new InvalidAmountException("Amount must not exceed " + MAX.toPlainString());
    }
    return new Amount(currency, exact.setScale(currency.scale()));
  }

  /**
   * What this amount buys of {@code target} when one unit of this currency is worth {@code fromUsd}
   * dollars and one unit of the target {@code toUsd}. Computed in one step, {@code value * fromUsd
   * / toUsd}, exact until the single rounding of the result, always down: a rate rounded first
   * could round up, and a round trip would then create money. Refused when nothing would be left
   * after rounding.
   */
  public Amount convertTo(Currency target, BigDecimal fromUsd, BigDecimal toUsd) {
    if (target == currency) {
      throw new InvalidAmountException("Choose two different currencies to convert between");
    }
    var converted = value.multiply(fromUsd).divide(toUsd, target.scale(), RoundingMode.DOWN);
    if (converted.signum() <= 0) {
      throw new InvalidAmountException(
          "Too small to convert: " + this + " buys less than the smallest " + target.symbol());
    }
    return new Amount(target, converted);
  }

  @Override
  public String toString() {
    return currency.format(value);
  }
}
