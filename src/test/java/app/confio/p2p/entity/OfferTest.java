package app.confio.p2p.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.confio.money.entity.Amount;
import app.confio.money.entity.Currency;
import app.confio.money.entity.InvalidAmountException;
import app.confio.platform.InvalidInputException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OfferTest {

  static final long MAKER = 1;
  static final long TAKER = 2;

  static Amount cusd(String value) {
    return Amount.of(Currency.CUSD, new BigDecimal(value));
  }

  Offer cut =
      new Offer(
          MAKER, Side.SELL, FiatPrice.of("VES", new BigDecimal("36.5")), cusd("5"), cusd("50"));

  @Test
  void takingShrinksWhatIsAvailableAndCancellingGivesItBack() {
    cut.take(TAKER, cusd("20"));
    assertEquals(new BigDecimal("30.00"), cut.available());
    cut.giveBack(cusd("20"));
    assertEquals(new BigDecimal("50.00"), cut.available());
  }

  @Test
  void tradesStayBetweenTheMinimumAndWhatIsLeft() {
    assertThrows(InvalidAmountException.class, () -> cut.take(TAKER, cusd("4.99")));
    cut.take(TAKER, cusd("45"));
    assertThrows(InvalidAmountException.class, () -> cut.take(TAKER, cusd("6")));
    cut.take(TAKER, cusd("5"));
  }

  @Test
  void noTradingWithYourselfOrInAnotherCurrency() {
    assertThrows(InvalidTradeStateException.class, () -> cut.take(MAKER, cusd("10")));
    assertThrows(
        InvalidAmountException.class,
        () -> cut.take(TAKER, Amount.of(Currency.USDC, BigDecimal.TEN)));
  }

  @Test
  void sidesDecideWhoSellsAndPricesRoundToCents() {
    assertEquals(MAKER, cut.sellerWith(TAKER));
    assertEquals(TAKER, cut.buyerWith(TAKER));
    var buyOffer =
        new Offer(MAKER, Side.BUY, FiatPrice.of("ARS", BigDecimal.ONE), cusd("1"), cusd("2"));
    assertEquals(TAKER, buyOffer.sellerWith(TAKER));
    assertEquals(new BigDecimal("0.37"), cut.fiatFor(cusd("0.01")));
  }

  @Test
  void offersNeedAValidPriceAndRange() {
    assertThrows(
        InvalidAmountException.class,
        () ->
            new Offer(MAKER, Side.SELL, FiatPrice.of("VES", BigDecimal.ONE), cusd("6"), cusd("5")));
    assertThrows(InvalidInputException.class, () -> FiatPrice.of("ves", BigDecimal.ONE));
    assertThrows(
        FiatPrice.InvalidPriceException.class, () -> FiatPrice.of("VES", new BigDecimal("1.001")));
    assertThrows(FiatPrice.InvalidPriceException.class, () -> FiatPrice.of("VES", BigDecimal.ZERO));
  }

  @Test
  void pricesAndLocalMoneyTotalsAreBounded() {
    FiatPrice.of("VES", FiatPrice.MAX);
    var refusal =
        assertThrows(
            FiatPrice.InvalidPriceException.class,
            () -> FiatPrice.of("VES", FiatPrice.MAX.add(new BigDecimal("0.01"))));
    assertEquals("INVALID_PRICE", refusal.code());
    assertThrows(
        FiatPrice.InvalidPriceException.class, () -> FiatPrice.of("VES", new BigDecimal("1e30")));
    // a billion cUSD at a billion each: far beyond any trade, refused rather than overflowing
    assertThrows(
        InvalidAmountException.class,
        () ->
            new Offer(
                MAKER,
                Side.SELL,
                FiatPrice.of("VES", FiatPrice.MAX),
                cusd("1"),
                cusd("1000000000")));
    // a cent at a cent costs nothing in local money: no trade can be priced
    assertThrows(
        InvalidAmountException.class,
        () ->
            new Offer(
                MAKER,
                Side.SELL,
                FiatPrice.of("VES", new BigDecimal("0.01")),
                cusd("0.01"),
                cusd("1")));
  }
}
