package app.confio.money.entity;

import app.confio.platform.Refusal;

/** Zero, negative, over-precise or absurdly large amounts. */
public class InvalidAmountException extends Refusal {

  public InvalidAmountException(String message) {
    super("INVALID_AMOUNT", message);
  }
}
