package app.confio.activity.control;

import app.confio.activity.entity.ActivityKind;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Tracking's MicroProfile Metrics, visible at {@code /metrics}: touches by kind, cooldown hits,
 * writes, unknown users and failures, and the time {@code touch} takes. They are registered when
 * the application starts, so a fresh member shows each at zero instead of nothing. Failures are
 * logged, but no more than once a minute, with the number left out since.
 */
@ApplicationScoped
public class ActivityCounters {

  private static final Logger LOG = Logger.getLogger(ActivityCounters.class.getName());
  static final long LOG_INTERVAL_NANOS = 60_000_000_000L;

  @Inject MetricRegistry registry;

  private final Map<ActivityKind, Counter> touches = new EnumMap<>(ActivityKind.class);
  private Counter cooldownHits;
  private Counter writes;
  private Counter unchanged;
  private Counter unknownUsers;
  private Counter failures;
  private Timer touchTime;
  private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);
  private final AtomicLong suppressed = new AtomicLong();

  @PostConstruct
  void register() {
    for (var kind : ActivityKind.values()) {
      touches.put(kind, registry.counter("activity.touches", new Tag("kind", kind.name())));
    }
    cooldownHits = registry.counter("activity.cooldown.hits");
    writes = registry.counter("activity.writes");
    unchanged = registry.counter("activity.writes.unchanged");
    unknownUsers = registry.counter("activity.unknown.users");
    failures = registry.counter("activity.failures");
    touchTime = registry.timer("activity.touch");
  }

  /** Creates the bean, and so registers the metrics, as the application starts. */
  void eagerly(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // the call itself creates the bean, whose @PostConstruct registers the metrics
  }

  public Timer.Context touched(ActivityKind kind) {
    touches.get(kind).inc();
    return touchTime.time();
  }

  public void cooldownHit() {
    cooldownHits.inc();
  }

  public void written(Touch touch, Touch.Outcome outcome) {
    switch (outcome) {
      case WRITTEN -> writes.inc();
      case UNCHANGED -> unchanged.inc();
      case UNKNOWN_USER -> {
        unknownUsers.inc();
        LOG.fine(() -> "Activity for unknown user " + touch.userId() + " ignored");
      }
      default -> {} // FAILED is counted and logged by failed(...), with its cause
    }
  }

  public void failed(Touch touch, Throwable cause) {
    failed("Activity of user " + touch.userId() + " not recorded", cause);
  }

  /** Counts a tracking failure and logs it unless one was logged in the last minute. */
  public void failed(String what, Throwable cause) {
    failures.inc();
    long now = System.nanoTime();
    long last = lastLogged.get();
    if (now - last >= LOG_INTERVAL_NANOS && lastLogged.compareAndSet(last, now)) {
      long skipped = suppressed.getAndSet(0);
      LOG.log(
          Level.WARNING,
          what + (skipped > 0 ? " (" + skipped + " similar failures not logged)" : ""),
          cause);
    } else {
      suppressed.incrementAndGet();
    }
  }
}
