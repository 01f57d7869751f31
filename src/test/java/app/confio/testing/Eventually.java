package app.confio.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Waits for a condition the server brings about in its own time, such as a timer's work. */
public final class Eventually {

  private Eventually() {}

  /** The first value {@code check} finds within {@code timeout}; fails with {@code what}. */
  public static <T> T within(Duration timeout, String what, Callable<Optional<T>> check)
      throws Exception {
    var deadline = System.nanoTime() + timeout.toNanos();
    do {
      var value = check.call();
      if (value.isPresent()) {
        return value.get();
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    throw new AssertionError(what + " did not happen within " + timeout);
  }
}
