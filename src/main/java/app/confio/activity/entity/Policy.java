package app.confio.activity.entity;

import app.confio.platform.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/** The two definitions of "active" that Confío reports side by side. */
public enum Policy {
  /** Any meaningful action, logins and session refreshes included: the official number. */
  APP_ACTIVE,
  /** Committed money movement only. */
  TRANSACTING;

  /** A policy named in a request, in any case, with - for _; a clear refusal otherwise. */
  public static Policy parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInputException(
          "policy must be one of " + Arrays.toString(values()) + ", not '" + value + "'");
    }
  }
}
