package app.confio.p2p.entity;

/** What the offer's maker wants to do with crypto: sell it for local money, or buy it. */
public enum Side {
  SELL,
  BUY
}
