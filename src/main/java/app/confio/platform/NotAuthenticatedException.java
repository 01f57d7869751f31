package app.confio.platform;

/** An operation that needs a signed-in caller was called without a valid access token. */
public class NotAuthenticatedException extends Refusal {

  public NotAuthenticatedException() {
    super("UNAUTHENTICATED", "Sign in first: this operation needs a valid access token");
  }
}
