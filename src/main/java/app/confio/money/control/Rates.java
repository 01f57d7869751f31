package app.confio.money.control;

import app.confio.money.entity.Amount;
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

  /** What {@code amount} buys of {@code target}, rounded down once (see Amount#convertTo). */
  public Amount convert(Amount amount, Currency target) {
    return amount.convertTo(target, usd(amount.currency()), usd(target));
  }

  /**
   * Units of {@code to} that one unit of {@code from} buys, rounded to 10 decimals: shown to people
   * and recorded with a conversion, never used to compute one.
   */
  public BigDecimal rate(Currency from, Currency to) {
    return usd(from).divide(usd(to), RATE_SCALE, RoundingMode.HALF_EVEN);
  }

  BigDecimal usd(Currency currency) {
    if (currency != Currency.CONFIO) {
      return BigDecimal.ONE;
    }
    if (confioUsd == null || confioUsd.signum() <= 0) {
      throw new IllegalStateException("confio.price.confio-usd must be a positive price");
    }
    return confioUsd;
  }
}
