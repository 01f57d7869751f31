package app.confio.money.entity;

import app.confio.platform.Refusal;

/** A debit larger than the balance it comes from. */
public class InsufficientFundsException extends Refusal {

  public InsufficientFundsException(Currency currency) {
    super("INSUFFICIENT_FUNDS", "Insufficient " + currency.symbol() + " balance");
  }
}
