package app.confio.admin.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed admin sign-ins per username and client address in the data grid, so every member of
 * a cluster sees the same count. After {@code confio.admin.sign-in.max-failures} failures within
 * {@code confio.admin.sign-in.lockout}, that name from that address is refused, right password or
 * not, until the window that began with the first failure ends. A successful sign-in clears the
 * count. Keying by address as well means a stranger guessing cannot lock the real admin out of
 * their own address.
 */
@ApplicationScoped
public class SignInThrottle {

  static final String FAILURES = "confio-admin-sign-in-failures";

  @Resource(lookup = "payara/Hazelcast")
  HazelcastInstance hazelcast;

  @Inject
  @ConfigProperty(name = "confio.admin.sign-in.max-failures", defaultValue = "5")
  int maxFailures;

  @Inject
  @ConfigProperty(name = "confio.admin.sign-in.lockout", defaultValue = "PT15M")
  Duration lockout;

  /** Counts as "failures:windowEndsAtMillis", a plain string so every member reads it alike. */
  private IMap<String, String> failures;

  @PostConstruct
  void connect() {
    if (maxFailures < 1) {
      throw new IllegalStateException("confio.admin.sign-in.max-failures must be at least 1");
    }
    if (lockout.isNegative() || lockout.isZero()) {
      throw new IllegalStateException("confio.admin.sign-in.lockout must be a positive duration");
    }
    failures = hazelcast.getMap(FAILURES);
  }

  /** How long {@code username} from {@code address} must still wait; empty when it may try. */
  public Optional<Duration> lockedFor(String username, String address) {
    var count = Count.parse(failures.get(key(username, address)));
    if (count == null || count.failures() < maxFailures) {
      return Optional.empty();
    }
    var left = count.endsAt() - System.currentTimeMillis();
    return left > 0 ? Optional.of(Duration.ofMillis(left)) : Optional.empty();
  }

  /** Counts one more failure, atomically across the cluster. */
  public void failed(String username, String address) {
    var key = key(username, address);
    while (true) {
      var now = System.currentTimeMillis();
      var old = failures.get(key);
      var count = Count.parse(old);
      if (count == null || count.endsAt() <= now) {
        var fresh = new Count(1, now + lockout.toMillis()).toString();
        var placed =
            old == null
                ? failures.putIfAbsent(key, fresh, lockout.toMillis(), TimeUnit.MILLISECONDS)
                    == null
                : failures.replace(key, old, fresh);
        if (placed) {
          failures.setTtl(key, lockout.toMillis(), TimeUnit.MILLISECONDS);
          return;
        }
      } else if (failures.replace(key, old, count.plusOne().toString())) {
        failures.setTtl(key, Math.max(1, count.endsAt() - now), TimeUnit.MILLISECONDS);
        return;
      }
    }
  }

  /** Forgets the failures of {@code username} from {@code address}. */
  public void succeeded(String username, String address) {
    failures.delete(key(username, address));
  }

  private static String key(String username, String address) {
    return username.toLowerCase(Locale.ROOT) + "|" + address;
  }

  record Count(int failures, long endsAt) {

    static Count parse(String value) {
      if (value == null) {
        return null;
      }
      var colon = value.indexOf(':');
      return new Count(
          Integer.parseInt(value.substring(0, colon)), Long.parseLong(value.substring(colon + 1)));
    }

    Count plusOne() {
      return new Count(failures + 1, endsAt);
    }

    @Override
    public String toString() {
      return failures + ":" + endsAt;
    }
  }
}
