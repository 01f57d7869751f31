package app.confio.p2p.entity;

import app.confio.platform.NotAllowedException;
import java.util.Set;

/**
 * The trade's state machine: who may do what, from which states. Only the buyer marks paid, and
 * only within the payment window; only the buyer cancels while the window is open (a seller
 * cancelling after the buyer paid would take the buyer's money), the seller too once it has closed
 * unpaid; only the seller releases; either side disputes a paid trade.
 */
public enum TradeAction {
  MARK_PAID(Party.BUYER, Set.of(TradeStatus.PENDING_PAYMENT), TradeStatus.PAID),
  RELEASE(Party.SELLER, Set.of(TradeStatus.PAID, TradeStatus.DISPUTED), TradeStatus.RELEASED),
  CANCEL(Party.BUYER, Set.of(TradeStatus.PENDING_PAYMENT), TradeStatus.CANCELLED),
  DISPUTE(Party.EITHER, Set.of(TradeStatus.PAID), TradeStatus.DISPUTED);

  public enum Party {
    BUYER,
    SELLER,
    EITHER
  }

  private final Party party;
  private final Set<TradeStatus> from;
  private final TradeStatus to;

  TradeAction(Party party, Set<TradeStatus> from, TradeStatus to) {
    this.party = party;
    this.from = from;
    this.to = to;
  }

  /** The state after this action within the payment window. */
  public TradeStatus apply(TradeStatus current, boolean byBuyer, boolean bySeller) {
    return apply(current, byBuyer, bySeller, false);
  }

  /**
   * The state after this action, or a refusal naming what stands in the way; {@code windowClosed}
   * when the trade's payment deadline has passed.
   */
  public TradeStatus apply(
      TradeStatus current, boolean byBuyer, boolean bySeller, boolean windowClosed) {
    if (!byBuyer && !bySeller) {
      throw new NotAllowedException("This trade is not yours");
    }
    boolean allowed =
        switch (party) {
          case BUYER -> byBuyer || (this == CANCEL && windowClosed);
          case SELLER -> bySeller;
          case EITHER -> true;
        };
    if (!allowed) {
      throw new NotAllowedException(
          "Only the "
              + party.name().toLowerCase()
              + " can "
              + verb()
              + " this trade"
              + (this == CANCEL ? " while its payment window is open" : ""));
    }
    if (this == MARK_PAID && windowClosed && current == TradeStatus.PENDING_PAYMENT) {
      throw new InvalidTradeStateException("The payment window of this trade has closed");
    }
    if (!from.contains(current)) {
      throw new InvalidTradeStateException(
          "Cannot "
              + verb()
              + " a trade that is "
              + current.name().toLowerCase().replace('_', ' '));
    }
    return to;
  }

  private String verb() {
    return name().toLowerCase().replace('_', ' ');
  }
}
