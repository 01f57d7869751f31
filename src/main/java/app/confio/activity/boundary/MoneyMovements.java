package app.confio.activity.boundary;

import app.confio.activity.entity.ActivityKind;
import app.confio.money.control.MoneyMoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Counts money movements as transacting once their transaction has committed, never before. A
 * movement a staff member made on the user's behalf counts for nobody, as the interceptor ignores
 * their mutations: for a released trade, neither the buyer nor the seller.
 */
@ApplicationScoped
public class MoneyMovements {

  @Inject ActivityTracker tracker;

  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MoneyMoved moved) {
    if (!moved.impersonated()) {
      tracker.touch(moved.userId(), kindOf(moved.kind()));
    }
  }

  static ActivityKind kindOf(MoneyMoved.Kind kind) {
    return switch (kind) {
      case SEND -> ActivityKind.SEND;
      case PAYMENT -> ActivityKind.PAYMENT;
      case CONVERSION -> ActivityKind.CONVERSION;
      case P2P_TRADE -> ActivityKind.P2P_TRADE_COMPLETED;
      case BUSINESS_PAYOUT -> ActivityKind.BUSINESS_MONEY_OPERATION;
    };
  }
}
