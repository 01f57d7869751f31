package app.confio.money.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AmountTest {

  @Test
  void keepsTheCurrencysScale() {
    var cut = Amount.of(Currency.CUSD, new BigDecimal("12.5"));
    assertEquals(new BigDecimal("12.50"), cut.value());
    assertEquals("12.50 cUSD", cut.toString());
  }

  @Test
  void acceptsTrailingZerosBeyondTheScale() {
    assertEquals(
        new BigDecimal("3.00"), Amount.of(Currency.USDC, new BigDecimal("3.000000")).value());
  }

  @Test
  void refusesZeroNegativeAndMissing() {
    assertThrows(InvalidAmountException.class, () -> Amount.of(Currency.CUSD, BigDecimal.ZERO));
    assertThrows(
        InvalidAmountException.class, () -> Amount.of(Currency.CUSD, new BigDecimal("-0.01")));
    assertThrows(InvalidAmountException.class, () -> Amount.of(Currency.CUSD, null));
    assertThrows(InvalidAmountException.class, () -> Amount.of(null, BigDecimal.ONE));
  }

  @Test
  void refusesMoreDecimalsThanTheCurrencyHas() {
    var error =
        assertThrows(
            InvalidAmountException.class, () -> Amount.of(Currency.CUSD, new BigDecimal("0.001")));
    assertEquals("cUSD amounts have at most 2 decimals", error.getMessage());
    assertEquals(
        new BigDecimal("0.0001"), Amount.of(Currency.CONFIO, new BigDecimal("0.0001")).value());
    assertThrows(
        InvalidAmountException.class, () -> Amount.of(Currency.CONFIO, new BigDecimal("0.00001")));
  }

  @Test
  void refusesAmountsAboveTheCap() {
    Amount.of(Currency.CUSD, Amount.MAX);
    assertThrows(
        InvalidAmountException.class,
        () -> Amount.of(Currency.CUSD, Amount.MAX.add(new BigDecimal("0.01"))));
  }

  @Test
  void conversionRoundsDownToTheTargetsScale() {
    var confio = Amount.of(Currency.CONFIO, new BigDecimal("0.0799"));
    assertEquals(
        new BigDecimal("0.01"),
        confio.convertTo(Currency.USDC, new BigDecimal("0.25"), BigDecimal.ONE).value());
    assertEquals(
        new BigDecimal("10.0000"),
        Amount.of(Currency.CUSD, new BigDecimal("2.5"))
            .convertTo(Currency.CONFIO, BigDecimal.ONE, new BigDecimal("0.25"))
            .value());
  }

  @Test
  void conversionRefusesNothingLeftAndTheSameCurrency() {
    var dust = Amount.of(Currency.CONFIO, new BigDecimal("0.0399"));
    assertThrows(
        InvalidAmountException.class,
        () -> dust.convertTo(Currency.USDC, new BigDecimal("0.25"), BigDecimal.ONE));
    assertThrows(
        InvalidAmountException.class,
        () -> dust.convertTo(Currency.CONFIO, BigDecimal.ONE, BigDecimal.ONE));
  }
}
