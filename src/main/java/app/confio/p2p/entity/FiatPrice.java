package app.confio.p2p.entity;

import app.confio.money.entity.InvalidAmountException;
import app.confio.platform.InvalidInputException;
import java.math.BigDecimal;

/** A price in local money (ISO 4217 code, such as VES, ARS or COP) per unit of crypto. */
public record FiatPrice(String fiatCurrency, BigDecimal value) {

  public static final int SCALE = 2;

  public static FiatPrice of(String fiatCurrency, BigDecimal value) {
    if (fiatCurrency == null || !fiatCurrency.matches("[A-Z]{3}")) {
      throw new InvalidInputException("Fiat currency must be a three-letter code such as VES");
    }
    if (value == null || value.signum() <= 0) {
      throw new InvalidAmountException("Price must be greater than zero");
    }
    if (value.stripTrailingZeros().scale() > SCALE) {
      throw new InvalidAmountException("Prices have at most " + SCALE + " decimals");
    }
    return new FiatPrice(fiatCurrency, value.setScale(SCALE));
  }
}
