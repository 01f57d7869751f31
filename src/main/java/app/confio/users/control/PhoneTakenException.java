package app.confio.users.control;

import app.confio.platform.Refusal;

/** Registration with a phone number that already belongs to somebody. */
public class PhoneTakenException extends Refusal {

  public PhoneTakenException() {
    super("PHONE_TAKEN", "This phone number is already registered");
  }
}
