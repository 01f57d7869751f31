package app.confio.money.control;

/**
 * A CDI event fired inside the transaction that moved money: who moved it and how. Observers
 * (achievements, and activity tracking for the transacting policy) react to committed movements.
 */
public record MoneyMoved(long userId, Kind kind) {

  public enum Kind {
    SEND,
    PAYMENT,
    CONVERSION,
    P2P_TRADE,
    BUSINESS_PAYOUT
  }
}
