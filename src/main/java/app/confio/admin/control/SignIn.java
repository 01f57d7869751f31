package app.confio.admin.control;

import java.time.Duration;

/** The outcome of checking an admin's credentials. */
public sealed interface SignIn {

  /** The credentials are an admin account's. */
  record Accepted(String username) implements SignIn {}

  /** Unknown name or wrong password; the caller is not told which. */
  record Refused() implements SignIn {}

  /** Too many failures from this address for this name: not checked at all. */
  record Throttled(Duration retryAfter) implements SignIn {

    /** Whole seconds to wait, rounded up, as a Retry-After header wants them. */
    public long seconds() {
      return (retryAfter.toMillis() + 999) / 1000;
    }
  }
}
