package app.confio.platform;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * A graceful stop. On SIGTERM Payara Micro waits its shutdown grace ({@code --shutdowngrace}, or
 * {@code -Dfish.payara.shutdowngrace}, in milliseconds: the Dockerfile and the manifests set 10 s)
 * while it goes on serving, then stops. This member's own shutdown hook runs beside it: at once the
 * member reports itself not ready, so a load balancer sends it nothing new; every response carries
 * {@code Connection: close}, so clients open their next connection to another member; and the hook
 * logs how many requests are still in flight until there are none. Then Payara stops the
 * application and leaves the data grid gracefully, handing its partitions — the cooldown claims
 * among them — to the members that stay. A request still running when the grace ends is cut: the
 * grace must outlast the slowest request (a backfill runs in the background and resumes).
 */
@ApplicationScoped
public class Draining {

  private static final Logger LOG = Logger.getLogger(Draining.class.getName());

  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean draining;
  private Thread hook;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    hook = new Thread(this::drain, "confio-drain");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @PreDestroy
  void stop() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException | IllegalArgumentException | NullPointerException e) {
      // the JVM is stopping already (the hook is running), or it never started
    }
  }

  /** True from the moment the member was told to stop. */
  public boolean draining() {
    return draining;
  }

  /** A request begins; false when it arrives while the member drains. */
  public boolean begin() {
    inFlight.incrementAndGet();
    return !draining;
  }

  public void end() {
    inFlight.decrementAndGet();
  }

  void drain() {
    draining = true;
    var grace = grace();
    LOG.info(
        () ->
            "Stopping: not ready from now on; "
                + inFlight.get()
                + " requests in flight, "
                + grace.toMillis()
                + " ms of shutdown grace");
    var deadline = System.nanoTime() + grace.toNanos();
    try {
      while (inFlight.get() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    var left = inFlight.get();
    LOG.info(
        () ->
            left == 0
                ? "Stopping: no request in flight"
                : "Stopping: " + left + " requests still in flight at the end of the grace");
  }

  private static Duration grace() {
    try {
      return Duration.ofMillis(
          Long.parseLong(System.getProperty("fish.payara.shutdowngrace", "0")));
    } catch (NumberFormatException e) {
      return Duration.ZERO;
    }
  }
}
