package app.confio.platform;

import java.util.Map;

/**
 * The request could not be served because the database (or, for a sign-in, the data grid) did not
 * answer in time: nothing was changed that the caller can see as half done (its transaction rolled
 * back), and the same request may be sent again in a moment. GraphQL answers {@code
 * extensions.code} {@code UNAVAILABLE} with {@code retryAfter} in seconds; the admin API answers
 * 503 with a {@code Retry-After} header.
 */
public class UnavailableException extends Refusal {

  static final long RETRY_AFTER_SECONDS = 2;

  public UnavailableException() {
    super(
        "UNAVAILABLE",
        "The service is unavailable for a moment; try again in "
            + RETRY_AFTER_SECONDS
            + " seconds");
  }

  public long retryAfter() {
    return RETRY_AFTER_SECONDS;
  }

  @Override
  public Map<String, Object> getExtensions() {
    return Map.of("code", code(), "retryAfter", RETRY_AFTER_SECONDS);
  }
}
