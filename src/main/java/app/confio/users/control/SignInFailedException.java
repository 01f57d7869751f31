package app.confio.users.control;

import app.confio.platform.Refusal;

/**
 * Wrong phone or password (or a suspended account), or a refresh token that is unknown, used,
 * expired or of an ended session.
 */
public class SignInFailedException extends Refusal {

  private SignInFailedException(String message) {
    super("INVALID_CREDENTIALS", message);
  }

  static SignInFailedException wrongCredentials() {
    return new SignInFailedException("Phone number or password is wrong");
  }

  static SignInFailedException invalidRefreshToken() {
    return new SignInFailedException("The refresh token is unknown, already used or expired");
  }
}
