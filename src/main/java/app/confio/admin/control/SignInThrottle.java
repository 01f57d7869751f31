package app.confio.admin.control;

import app.confio.platform.Attempts;
import app.confio.platform.Throttle;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts admin sign-in attempts per username and client address with the shared {@link Throttle}.
 * After {@code confio.admin.sign-in.max-failures} failures within {@code
 * confio.admin.sign-in.lockout}, that name from that address is refused, right password or not, for
 * the lockout; there is no back-off before it. A successful sign-in clears the count. Keying by
 * address as well means a stranger guessing cannot lock the real admin out of their own address.
 */
@ApplicationScoped
public class SignInThrottle {

  @Inject Throttle throttle;

  @Inject
  @ConfigProperty(name = "confio.admin.sign-in.max-failures", defaultValue = "5")
  int maxFailures;

  @Inject
  @ConfigProperty(name = "confio.admin.sign-in.lockout", defaultValue = "PT15M")
  Duration lockout;

  private Attempts.Limits limits;

  @PostConstruct
  void limits() {
    if (maxFailures < 1) {
      throw new IllegalStateException("confio.admin.sign-in.max-failures must be at least 1");
    }
    if (lockout.isNegative() || lockout.isZero()) {
      throw new IllegalStateException("confio.admin.sign-in.lockout must be a positive duration");
    }
    limits = new Attempts.Limits(maxFailures, maxFailures, Duration.ZERO, lockout);
  }

  /** How long {@code username} from {@code address} must still wait; empty when it may try. */
  public Optional<Duration> lockedFor(String username, String address) {
    return throttle.waitFor(key(username, address), limits);
  }

  /** Counts an attempt, before its password is checked; how long to wait if refused. */
  public Optional<Duration> attempt(String username, String address) {
    return throttle.attempt(key(username, address), limits);
  }

  /** Forgets the attempts of {@code username} from {@code address}. */
  public void succeeded(String username, String address) {
    throttle.forgive(key(username, address));
  }

  private static String key(String username, String address) {
    return "admin|" + username.toLowerCase(Locale.ROOT) + "|" + address;
  }
}
