package app.confio.p2p.entity;

import app.confio.money.entity.InvalidAmountException;
import app.confio.platform.InvalidInputException;
import app.confio.platform.Refusal;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A price in local money (ISO 4217 code, such as VES, ARS or COP) per unit of crypto, above zero
 * and at most {@link #MAX}. A trade's local-money total is at most {@link #MAX_TOTAL}: with the cap
 * on amounts, both keep every product far inside the database's columns.
 */
public record FiatPrice(String fiatCurrency, BigDecimal value) {

  public static final int SCALE = 2;
  public static final BigDecimal MAX = new BigDecimal("1000000000");
  public static final BigDecimal MAX_TOTAL = new BigDecimal("1000000000000000");

  public static FiatPrice of(String fiatCurrency, BigDecimal value) {
    if (fiatCurrency == null || !fiatCurrency.matches("[A-Z]{3}")) {
      throw new InvalidInputException("Fiat currency must be a three-letter code such as VES");
    }
    if (value == null || value.signum() <= 0) {
      throw new InvalidPriceException("Price must be greater than zero");
    }
    if (value.compareTo(MAX) > 0) {
      throw new InvalidPriceException("Price must not exceed " + MAX.toPlainString());
    }
    if (value.stripTrailingZeros().scale() > SCALE) {
      throw new InvalidPriceException("Prices have at most " + SCALE + " decimals");
    }
    return new FiatPrice(fiatCurrency, value.setScale(SCALE));
  }

  /** The local money {@code amount} costs at this price, from 0.01 to {@link #MAX_TOTAL}. */
  public static BigDecimal total(BigDecimal price, BigDecimal amount) {
    var total = amount.multiply(price).setScale(SCALE, RoundingMode.HALF_UP);
    if (total.signum() <= 0) {
      throw new InvalidAmountException("This amount costs less than 0.01 at this price");
    }
    if (total.compareTo(MAX_TOTAL) > 0) {
      throw new InvalidAmountException(
          "A trade's local-money total must not exceed " + MAX_TOTAL.toPlainString());
    }
    return total;
  }

  /** A price of zero or less, over {@link #MAX}, or finer than a cent of local money. */
  public static class InvalidPriceException extends Refusal {
    InvalidPriceException(String message) {
      super("INVALID_PRICE", message);
    }
  }
}
