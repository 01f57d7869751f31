package app.confio.platform;

import java.time.Duration;
import java.util.Map;

/**
 * A sign-in refused without looking at the credentials, because too many attempts came before it.
 * {@code extensions.retryAfter} holds the whole seconds to wait.
 */
public class TooManyAttemptsException extends Refusal {

  private final long retryAfter;

  public TooManyAttemptsException(Duration wait) {
    this(seconds(wait));
  }

  private TooManyAttemptsException(long retryAfter) {
    super("TOO_MANY_ATTEMPTS", "Too many attempts; try again in " + retryAfter + " seconds");
    this.retryAfter = retryAfter;
  }

  @Override
  public Map<String, Object> getExtensions() {
    return Map.of("code", code(), "retryAfter", retryAfter);
  }

  /** Rounded up, so that a client waiting that long is never early. */
  static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }
}
