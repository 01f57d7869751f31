package app.confio.money.control;

import app.confio.money.entity.Currency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Exchange rates from each currency's price in US dollars. cUSD and USDC are dollar stablecoins;
 * the CONFIO token's price is configured ({@code confio.price.confio-usd}).
 */
@ApplicationScoped
public class Rates {

  static final int RATE_SCALE = 10;

  @Inject
  @ConfigProperty(name = "confio.price.confio-usd", defaultValue = "0.25")
  BigDecimal confioUsd;

  /** Units of {@code to} that one unit of {@code from} buys. */
  public BigDecimal rate(Currency from, Currency to) {
    return usd(from).divide(usd(to), RATE_SCALE, RoundingMode.HALF_EVEN);
  }

  private BigDecimal usd(Currency currency) {
    return currency == Currency.CONFIO ? confioUsd : BigDecimal.ONE;
  }
}
