package app.confio.platform;

/**
 * Input that breaks a rule of its own: a name too long, a malformed phone number, an empty text.
 */
public class InvalidInputException extends Refusal {

  public InvalidInputException(String message) {
    super("INVALID_INPUT", message);
  }
}
