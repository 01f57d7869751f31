package app.confio.p2p.entity;

import static app.confio.p2p.entity.TradeStatus.CANCELLED;
import static app.confio.p2p.entity.TradeStatus.DISPUTED;
import static app.confio.p2p.entity.TradeStatus.PAID;
import static app.confio.p2p.entity.TradeStatus.PENDING_PAYMENT;
import static app.confio.p2p.entity.TradeStatus.RELEASED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.confio.platform.NotAllowedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TradeActionTest {

  static final boolean BUYER = true;
  static final boolean SELLER = true;

  @Test
  void theHappyPath() {
    var paid = TradeAction.MARK_PAID.apply(PENDING_PAYMENT, BUYER, false);
    assertEquals(PAID, paid);
    assertEquals(RELEASED, TradeAction.RELEASE.apply(paid, false, SELLER));
  }

  @Test
  void onlyTheBuyerMarksPaidOrCancels() {
    assertThrows(
        NotAllowedException.class,
        () -> TradeAction.MARK_PAID.apply(PENDING_PAYMENT, false, SELLER));
    assertThrows(
        NotAllowedException.class, () -> TradeAction.CANCEL.apply(PENDING_PAYMENT, false, SELLER));
    assertEquals(CANCELLED, TradeAction.CANCEL.apply(PENDING_PAYMENT, BUYER, false));
  }

  @Test
  void onlyTheSellerReleases() {
    assertThrows(NotAllowedException.class, () -> TradeAction.RELEASE.apply(PAID, BUYER, false));
  }

  @Test
  void eitherSideDisputesAPaidTradeAndTheSellerCanStillRelease() {
    assertEquals(DISPUTED, TradeAction.DISPUTE.apply(PAID, BUYER, false));
    assertEquals(DISPUTED, TradeAction.DISPUTE.apply(PAID, false, SELLER));
    assertEquals(RELEASED, TradeAction.RELEASE.apply(DISPUTED, false, SELLER));
  }

  @ParameterizedTest
  @EnumSource(TradeAction.class)
  void strangersCanDoNothing(TradeAction action) {
    assertThrows(NotAllowedException.class, () -> action.apply(PENDING_PAYMENT, false, false));
  }

  @ParameterizedTest
  @EnumSource(
      value = TradeStatus.class,
      names = {"RELEASED", "CANCELLED"})
  void finalStatesAllowNothing(TradeStatus status) {
    for (var action : TradeAction.values()) {
      assertThrows(InvalidTradeStateException.class, () -> action.apply(status, BUYER, SELLER));
    }
  }

  @Test
  void noCancellingOrDisputingOutOfOrder() {
    assertThrows(
        InvalidTradeStateException.class, () -> TradeAction.CANCEL.apply(PAID, BUYER, false));
    assertThrows(
        InvalidTradeStateException.class,
        () -> TradeAction.DISPUTE.apply(PENDING_PAYMENT, BUYER, false));
    assertThrows(
        InvalidTradeStateException.class,
        () -> TradeAction.RELEASE.apply(PENDING_PAYMENT, false, SELLER));
  }

  @Test
  void onceThePaymentWindowHasClosedTheSellerMayCancelAndTheBuyerNoLongerPay() {
    assertEquals(CANCELLED, TradeAction.CANCEL.apply(PENDING_PAYMENT, false, SELLER, true));
    assertEquals(CANCELLED, TradeAction.CANCEL.apply(PENDING_PAYMENT, BUYER, false, true));
    assertThrows(
        InvalidTradeStateException.class,
        () -> TradeAction.MARK_PAID.apply(PENDING_PAYMENT, BUYER, false, true));
    assertThrows(
        NotAllowedException.class,
        () -> TradeAction.CANCEL.apply(PENDING_PAYMENT, false, SELLER, false));
  }

  @Test
  void aClosedWindowChangesNothingOnceTheBuyerHasPaid() {
    assertThrows(
        InvalidTradeStateException.class,
        () -> TradeAction.CANCEL.apply(PAID, false, SELLER, true));
    assertEquals(RELEASED, TradeAction.RELEASE.apply(PAID, false, SELLER, true));
    assertEquals(DISPUTED, TradeAction.DISPUTE.apply(PAID, BUYER, false, true));
  }

  @ParameterizedTest
  @EnumSource(TradeAction.class)
  void anExpiredTradeAllowsNothing(TradeAction action) {
    assertThrows(
        InvalidTradeStateException.class,
        () -> action.apply(TradeStatus.EXPIRED, BUYER, SELLER, true));
  }
}
