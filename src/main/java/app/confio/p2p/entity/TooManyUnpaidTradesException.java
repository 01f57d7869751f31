package app.confio.p2p.entity;

import app.confio.platform.Refusal;

/** A taker who already has as many unpaid trades open as one may have. */
public class TooManyUnpaidTradesException extends Refusal {

  public TooManyUnpaidTradesException(int max) {
    super(
        "TOO_MANY_OPEN_TRADES",
        "You already have "
            + max
            + " trades waiting for your payment: pay or cancel one before opening another");
  }
}
