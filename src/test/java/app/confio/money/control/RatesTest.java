package app.confio.money.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.money.entity.Amount;
import app.confio.money.entity.Currency;
import app.confio.money.entity.InvalidAmountException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Conversions at any configured price: no sequence of them ends with more dollars than it began
 * with. Seeded, so a failure names a price and a sequence that can be replayed.
 */
class RatesTest {

  Rates cut = new Rates();

  @Test
  void aRoundTripAtAnAwkwardPriceCreatesNoCent() {
    // With the rate rounded to 10 decimals first, this round trip ended with 410,080,811.51.
    cut.confioUsd = new BigDecimal("0.69549001");
    var start = Amount.of(Currency.CUSD, new BigDecimal("410080811.50"));
    var confio = cut.convert(start, Currency.CONFIO);
    var back = cut.convert(confio, Currency.CUSD);
    assertEquals(new BigDecimal("410080811.49"), back.value());
  }

  @Test
  void noSequenceOfConversionsCreatesValue() {
    var random = new Random(20261201L);
    for (int run = 0; run < 2_000; run++) {
      cut.confioUsd = price(random);
      var balances = new EnumMap<Currency, BigDecimal>(Currency.class);
      for (var currency : Currency.values()) {
        balances.put(currency, BigDecimal.ZERO.setScale(currency.scale()));
      }
      balances.put(Currency.CUSD, amount(random, Currency.CUSD));
      var before = dollars(balances);
      for (int step = 0; step < 12; step++) {
        convertSome(random, balances);
        var after = dollars(balances);
        assertTrue(
            after.compareTo(before) <= 0,
            "price " + cut.confioUsd + ", run " + run + ": " + before + " became " + after);
      }
    }
  }

  private void convertSome(Random random, Map<Currency, BigDecimal> balances) {
    var currencies = Currency.values();
    var from = currencies[random.nextInt(currencies.length)];
    var to = currencies[(from.ordinal() + 1 + random.nextInt(2)) % currencies.length];
    var held = balances.get(from);
    if (held.signum() == 0) {
      return;
    }
    var part =
        random.nextBoolean()
            ? held
            : held.multiply(BigDecimal.valueOf(random.nextDouble()))
                .setScale(from.scale(), RoundingMode.DOWN);
    if (part.signum() == 0) {
      return;
    }
    try {
      var out = cut.convert(Amount.of(from, part), to);
      balances.put(from, held.subtract(part));
      balances.merge(to, out.value(), BigDecimal::add);
    } catch (InvalidAmountException tooSmall) {
      // nothing would be left after rounding: refused, nothing moves
    }
  }

  private BigDecimal dollars(Map<Currency, BigDecimal> balances) {
    return balances.entrySet().stream()
        .map(e -> e.getValue().multiply(cut.usd(e.getKey())))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Prices from a hundredth of a cent to a thousand dollars, with up to 8 decimals. */
  private static BigDecimal price(Random random) {
    var magnitude = BigDecimal.TEN.pow(random.nextInt(8));
    var digits = BigDecimal.valueOf(1 + random.nextInt(999_999_999));
    return digits
        .divide(magnitude.multiply(BigDecimal.valueOf(100_000)), 8, RoundingMode.DOWN)
        .max(new BigDecimal("0.0001"));
  }

  private static BigDecimal amount(Random random, Currency currency) {
    var cents = 1 + (long) (random.nextDouble() * 1e11);
    return BigDecimal.valueOf(cents, currency.scale()).min(Amount.MAX);
  }
}
