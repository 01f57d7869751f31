package app.confio.money.entity;

import java.math.BigDecimal;

/** The currencies Confío holds, each with the number of decimals an amount may carry. */
public enum Currency {
  CUSD("cUSD", 2),
  USDC("USDC", 2),
  CONFIO("CONFIO", 4);

  private final String symbol;
  private final int scale;

  Currency(String symbol, int scale) {
    this.symbol = symbol;
    this.scale = scale;
  }

  public String symbol() {
    return symbol;
  }

  public int scale() {
    return scale;
  }

  @Override
  public String toString() {
    return symbol;
  }

  public String format(BigDecimal amount) {
    return amount.setScale(scale, java.math.RoundingMode.DOWN).toPlainString() + " " + symbol;
  }
}
