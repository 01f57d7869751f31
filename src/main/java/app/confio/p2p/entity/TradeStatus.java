package app.confio.p2p.entity;

/**
 * Where a trade stands. RELEASED and CANCELLED are final; a DISPUTED trade can still be released.
 */
public enum TradeStatus {
  PENDING_PAYMENT,
  PAID,
  RELEASED,
  CANCELLED,
  DISPUTED
}
