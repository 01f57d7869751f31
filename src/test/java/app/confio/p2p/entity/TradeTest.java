package app.confio.p2p.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.money.entity.Amount;
import app.confio.money.entity.Currency;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TradeTest {

  static final long MAKER = 1;
  static final long TAKER = 2;
  static final Duration WINDOW = Duration.ofMinutes(30);

  Trade cut = trade();

  static Trade trade() {
    var offer =
        new Offer(
            MAKER,
            Side.SELL,
            FiatPrice.of("VES", new BigDecimal("36.5")),
            Amount.of(Currency.CUSD, new BigDecimal("5")),
            Amount.of(Currency.CUSD, new BigDecimal("50")));
    return new Trade(offer, TAKER, Amount.of(Currency.CUSD, BigDecimal.TEN), WINDOW);
  }

  @Test
  void theDeadlineIsTheWindowAfterOpening() {
    assertEquals(cut.createdAt().plus(WINDOW), cut.paymentDeadline());
  }

  @Test
  void anUnpaidTradeExpiresOnceAtItsDeadlineAndNotBefore() {
    assertFalse(cut.expire(cut.paymentDeadline().minusNanos(1)));
    assertEquals(TradeStatus.PENDING_PAYMENT, cut.status());
    assertTrue(cut.expire(cut.paymentDeadline()));
    assertEquals(TradeStatus.EXPIRED, cut.status());
    assertFalse(cut.expire(cut.paymentDeadline().plusMinutes(1)), "a second sweep does nothing");
  }

  @Test
  void aPaidTradeNeverExpires() {
    cut.perform(TradeAction.MARK_PAID, TAKER, cut.createdAt().plusMinutes(29));
    assertFalse(cut.expire(cut.paymentDeadline().plusHours(1)));
    assertEquals(TradeStatus.PAID, cut.status());
  }

  @Test
  void theSellerCancelsOnlyAfterTheDeadlineAndTheBuyerPaysOnlyBefore() {
    var late = cut.paymentDeadline().plusSeconds(1);
    assertThrows(
        InvalidTradeStateException.class,
        () -> trade().perform(TradeAction.MARK_PAID, TAKER, late));
    assertThrows(
        app.confio.platform.NotAllowedException.class,
        () -> cut.perform(TradeAction.CANCEL, MAKER, cut.createdAt()));
    assertEquals(TradeStatus.CANCELLED, cut.perform(TradeAction.CANCEL, MAKER, late));
  }
}
