package app.confio.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * How many API requests a member serves at once. Beyond {@code confio.admission.max-concurrent} a
 * request waits for a place at most {@code confio.admission.max-wait}, then is refused as {@code
 * UNAVAILABLE} (retryable) without running: under more clients than the member can serve, the ones
 * it serves keep their latency — bounded by the wait and their own work — instead of everyone
 * queueing behind everyone, and nothing is half done. When the load drops, places free up and the
 * member serves everyone again by itself. Counted at {@code /metrics}: {@code admission_in_flight}
 * and {@code admission_refused_total}.
 */
@ApplicationScoped
public class Admission {

  @Inject
  @ConfigProperty(name = "confio.admission.max-concurrent", defaultValue = "64")
  int maxConcurrent;

  @Inject
  @ConfigProperty(name = "confio.admission.max-wait", defaultValue = "PT0.5S")
  Duration maxWait;

  @Inject MetricRegistry registry;

  private Semaphore places;

  @PostConstruct
  void start() {
    if (maxConcurrent < 1) {
      throw new IllegalStateException(
          "confio.admission.max-concurrent must be at least 1, not " + maxConcurrent);
    }
    if (maxWait.isNegative()) {
      throw new IllegalStateException("confio.admission.max-wait must not be negative");
    }
    places = new Semaphore(maxConcurrent, true);
    registry.gauge("admission.in_flight", () -> maxConcurrent - places.availablePermits());
    registry.counter("admission.refused");
  }

  /** Takes a place, waiting at most the configured time; false: refuse the request. */
  public boolean enter() throws InterruptedException {
    if (places.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
      return true;
    }
    registry.counter("admission.refused").inc();
    return false;
  }

  public void leave() {
    places.release();
  }
}
