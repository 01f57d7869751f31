package app.confio.platform;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Counts sign-in attempts per key in the data grid, so every member of a cluster sees one count: a
 * compare-and-set on the key's entry, retried until it wins, never a count per member. What the
 * counts mean and how they slow a key down is {@link Attempts}; the keys and their limits belong to
 * the callers (admin sign-in, customer login), which prefix their keys so they never meet.
 */
@ApplicationScoped
public class Throttle {

  static final String ATTEMPTS = "confio-sign-in-attempts";

  @Resource(lookup = "payara/Hazelcast")
  HazelcastInstance hazelcast;

  private static final Object NO_ANSWER = new Object();

  @jakarta.inject.Inject GridCalls grid;

  /**
   * A sign-in is rare and costs a password hash anyway, so it may wait longer for the grid than a
   * touch does; past this it is refused as UNAVAILABLE.
   */
  @jakarta.inject.Inject
  @org.eclipse.microprofile.config.inject.ConfigProperty(
      name = "confio.grid.sign-in-timeout",
      defaultValue = "PT1S")
  Duration timeout;

  private IMap<String, String> attempts;

  /**
   * After a split, each half counted the attempts it saw; when they merge, the entry with more hits
   * — reads and updates, two for each attempt counted — is kept: the half that saw more attempts,
   * never a count forgotten to zero (the default, put-if-absent, keeps whichever the surviving half
   * had, however small).
   */
  @PostConstruct
  void connect() {
    hazelcast
        .getConfig()
        .addMapConfig(
            new com.hazelcast.config.MapConfig(ATTEMPTS)
                // the hits the merge compares are kept per entry only when asked for
                .setPerEntryStatsEnabled(true)
                .setMergePolicyConfig(
                    new com.hazelcast.config.MergePolicyConfig()
                        .setPolicy(com.hazelcast.spi.merge.HigherHitsMergePolicy.class.getName())));
    attempts = hazelcast.getMap(ATTEMPTS);
  }

  /** How long {@code key} must still wait, without counting anything. */
  public Optional<Duration> waitFor(String key, Attempts.Limits limits) {
    return orRefuse(GridCalls.Operation.THROTTLE_CHECK, () -> waitForNow(key, limits));
  }

  private Optional<Duration> waitForNow(String key, Attempts.Limits limits) {
    return delay(Attempts.parse(attempts.get(key)).waitAt(System.currentTimeMillis(), limits));
  }

  /**
   * Counts one attempt of {@code key}: empty when it may go ahead, else how long it must wait. A
   * locked-out key is refused without counting, so its lockout ends when it said it would.
   */
  public Optional<Duration> attempt(String key, Attempts.Limits limits) {
    return orRefuse(GridCalls.Operation.THROTTLE_COUNT, () -> attemptNow(key, limits));
  }

  private Optional<Duration> attemptNow(String key, Attempts.Limits limits) {
    while (true) {
      var now = System.currentTimeMillis();
      var old = attempts.get(key);
      var count = Attempts.parse(old);
      if (count.lockedAt(now, limits)) {
        return delay(count.waitAt(now, limits));
      }
      var next = count.plusOneAt(now, limits);
      if (swap(key, old, next, now)) {
        return count.waitAt(now, limits) > 0 ? delay(next.waitAt(now, limits)) : Optional.empty();
      }
    }
  }

  /**
   * Marks the last attempt of {@code key} as failed: its back-off runs from now, when the caller
   * learns of the failure, not from when the attempt began (a password check takes a while).
   */
  public void failed(String key) {
    bounded(
        GridCalls.Operation.THROTTLE_FAILED,
        () -> change(key, count -> count.failedAt(System.currentTimeMillis())));
  }

  /** Forgets every attempt of {@code key}. */
  public void forgive(String key) {
    bounded(GridCalls.Operation.THROTTLE_FORGIVE, () -> attempts.delete(key));
  }

  /** Takes back one attempt of {@code key}, one that turned out to be a success. */
  public void release(String key) {
    bounded(GridCalls.Operation.THROTTLE_RELEASE, () -> change(key, Attempts::minusOne));
  }

  /**
   * A check or a count that the grid did not answer in time refuses the sign-in ({@code
   * UNAVAILABLE}, retryable): a throttle that let attempts through uncounted whenever a member is
   * slow would be a way around it. Security fails closed.
   */
  private <T> T orRefuse(GridCalls.Operation operation, Supplier<T> call) {
    Object answer = grid.<Object>within(operation, call::get, timeout, NO_ANSWER, () -> NO_ANSWER);
    if (answer == NO_ANSWER) {
      throw new UnavailableException();
    }
    @SuppressWarnings("unchecked")
    var typed = (T) answer;
    return typed;
  }

  /** An update after the decision: bounded too, and dropped (counted) when the grid is slow. */
  private void bounded(GridCalls.Operation operation, Runnable call) {
    grid.within(
        operation,
        () -> {
          call.run();
          return Boolean.TRUE;
        },
        timeout,
        Boolean.FALSE,
        () -> Boolean.FALSE);
  }

  /** Changes an existing count, atomically; nothing to change when there is none. */
  private void change(String key, UnaryOperator<Attempts> change) {
    while (true) {
      var old = attempts.get(key);
      if (old == null
          || swap(key, old, change.apply(Attempts.parse(old)), System.currentTimeMillis())) {
        return;
      }
    }
  }

  private boolean swap(String key, String old, Attempts next, long now) {
    var ttl = Math.max(1, next.until() - now);
    if (old == null) {
      return attempts.putIfAbsent(key, next.toString(), ttl, TimeUnit.MILLISECONDS) == null;
    }
    if (!attempts.replace(key, old, next.toString())) {
      return false;
    }
    // The count's own end decides; the entry's time to live only clears it out of the grid.
    attempts.setTtl(key, ttl, TimeUnit.MILLISECONDS);
    return true;
  }

  private static Optional<Duration> delay(long millis) {
    return millis > 0 ? Optional.of(Duration.ofMillis(millis)) : Optional.empty();
  }
}
