package app.confio.p2p.entity;

import app.confio.platform.Refusal;

/** An action that the trade's current state does not allow, or an offer that cannot be taken. */
public class InvalidTradeStateException extends Refusal {

  public InvalidTradeStateException(String message) {
    super("INVALID_TRADE_STATE", message);
  }
}
