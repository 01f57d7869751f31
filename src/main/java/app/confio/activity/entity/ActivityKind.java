package app.confio.activity.entity;

import java.util.Set;

/**
 * What a user did, and which policies it counts for. This enum is the one table that decides it;
 * the README shows the same table.
 */
public enum ActivityKind {
  LOGIN(false),
  SESSION_REFRESH(false),
  SEND(true),
  PAYMENT(true),
  CONVERSION(true),
  P2P_TRADE_ACTION(false),
  P2P_TRADE_COMPLETED(true),
  P2P_MESSAGE(false),
  ACHIEVEMENT(false),
  BUSINESS_OPERATION(false),
  BUSINESS_MONEY_OPERATION(true),
  OTHER_MUTATION(false);

  private final Set<Policy> policies;

  ActivityKind(boolean movesMoney) {
    this.policies =
        movesMoney ? Set.of(Policy.APP_ACTIVE, Policy.TRANSACTING) : Set.of(Policy.APP_ACTIVE);
  }

  /** Every kind counts as app-active; only committed money movement counts as transacting. */
  public Set<Policy> policies() {
    return policies;
  }

  public boolean transacting() {
    return policies.contains(Policy.TRANSACTING);
  }
}
