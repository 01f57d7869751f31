package app.confio.money.control;

/**
 * A CDI event fired inside the transaction that moved money: who moved it and how. Observers
 * (achievements, and activity tracking for the transacting policy) react to committed movements.
 * {@code actedBy} is the staff member who moved it on the user's behalf (the token's {@code act}
 * claim), null when the user did: such a movement is not the user's activity.
 */
public record MoneyMoved(long userId, Kind kind, String actedBy) {

  public enum Kind {
    SEND,
    PAYMENT,
    CONVERSION,
    P2P_TRADE,
    BUSINESS_PAYOUT
  }

  public boolean impersonated() {
    return actedBy != null;
  }
}
