package app.confio.platform;

import java.time.Duration;

/**
 * The attempts one key (a phone, a client address, an admin name from an address) made within its
 * window, and the rules that make it wait. Every attempt counts until a success forgives it: one
 * that is let through counts before its password is checked, so simultaneous guesses cannot slip
 * past the limit, and one made while told to wait counts too, so a client that ignores the wait
 * only waits longer. Times are epoch milliseconds; the value is immutable and kept in the data grid
 * as text ({@link #toString()}).
 *
 * @param count attempts in the window
 * @param lastAt when the last one was made
 * @param until when the window, or the lockout, ends and the count is forgotten
 */
public record Attempts(int count, long lastAt, long until) {

  static final Attempts NONE = new Attempts(0, 0, 0);

  /**
   * How a key is slowed down: the first {@code freeFailures} attempts go ahead at once; after that
   * each waits {@code backoff}, doubling with every further attempt; at {@code maxFailures} the key
   * is locked out for {@code lockout}, which is also how long a count lasts from its first attempt.
   */
  public record Limits(int maxFailures, int freeFailures, Duration backoff, Duration lockout) {

    public Limits {
      if (maxFailures < 1 || freeFailures < 0) {
        throw new IllegalArgumentException("at least one attempt, and no negative free attempts");
      }
      if (backoff.isNegative() || lockout.isNegative() || lockout.isZero()) {
        throw new IllegalArgumentException("a positive lockout and a back-off of zero or more");
      }
    }
  }

  /** Milliseconds until the key may try again; 0 when it may try now. */
  public long waitAt(long now, Limits limits) {
    if (until <= now) {
      return 0;
    }
    if (count >= limits.maxFailures()) {
      return until - now;
    }
    if (count < limits.freeFailures()) {
      return 0;
    }
    var backoffEnds = lastAt + backoff(count - limits.freeFailures(), limits);
    return Math.max(0, Math.min(backoffEnds, until) - now);
  }

  /** Whether the key is locked out, as opposed to merely slowed down. */
  public boolean lockedAt(long now, Limits limits) {
    return until > now && count >= limits.maxFailures();
  }

  /** The count after one more attempt at {@code now}; reaching the limit starts the lockout. */
  public Attempts plusOneAt(long now, Limits limits) {
    if (until <= now) {
      return limited(1, now, now + limits.lockout().toMillis(), limits);
    }
    return limited(count + 1, now, until, limits);
  }

  /** The same count, its back-off starting at {@code now}: when the attempt was found to fail. */
  public Attempts failedAt(long now) {
    return new Attempts(count, Math.max(lastAt, now), until);
  }

  /** The count with one attempt forgiven (a success from an address others share). */
  public Attempts minusOne() {
    return new Attempts(Math.max(0, count - 1), lastAt, until);
  }

  private static Attempts limited(int count, long now, long until, Limits limits) {
    var ends = count >= limits.maxFailures() ? now + limits.lockout().toMillis() : until;
    return new Attempts(count, now, ends);
  }

  /** {@code backoff · 2^doublings}, never past the lockout (and never overflowing). */
  private static long backoff(int doublings, Limits limits) {
    var cap = limits.lockout().toMillis();
    var wait = Math.min(limits.backoff().toMillis(), cap);
    for (var i = 0; i < doublings && wait < cap; i++) {
      wait = Math.min(wait * 2, cap);
    }
    return wait;
  }

  static Attempts parse(String text) {
    if (text == null) {
      return NONE;
    }
    var parts = text.split(":");
    return new Attempts(
        Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
  }

  @Override
  public String toString() {
    return count + ":" + lastAt + ":" + until;
  }
}
