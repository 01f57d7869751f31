package app.confio.p2p.entity;

/**
 * Where a trade stands. RELEASED, CANCELLED and EXPIRED (unpaid when its payment window closed) are
 * final; a DISPUTED trade can still be released.
 */
public enum TradeStatus {
  PENDING_PAYMENT,
  PAID,
  RELEASED,
  CANCELLED,
  DISPUTED,
  EXPIRED
}
