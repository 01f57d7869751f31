package app.confio.platform;

/** The caller is signed in but has no right to this: a trade of others, a business not theirs. */
public class NotAllowedException extends Refusal {

  public NotAllowedException(String message) {
    super("FORBIDDEN", message);
  }
}
