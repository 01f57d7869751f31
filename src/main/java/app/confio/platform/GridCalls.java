package app.confio.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Data-grid operations on a request's path, bounded in time. Hazelcast's own calls wait for the
 * key's partition owner as long as its invocation timeout (two minutes), and a member that is
 * frozen — a long GC pause, a network partition — does not answer until the cluster has given up on
 * it. A request must never wait for that: the operation runs on a small pool of its own and the
 * request waits at most {@code confio.grid.timeout}; then (or when the pool is full of such stuck
 * calls) it gets an empty answer and decides what is safe, and the miss is counted at {@code
 * /metrics} as {@code grid_timeouts_total{operation}}, each operation there at zero from the start.
 * An operation that answers late still completes. How busy the pool is shows there too: {@code
 * grid_calls_active} and {@code grid_calls_queued}.
 */
@ApplicationScoped
public class GridCalls {

  /** What goes through the pool, as {@code grid_timeouts_total}'s label names it. */
  public enum Operation {
    ACTIVITY_CLAIM("activity.claim"),
    THROTTLE_CHECK("throttle.check"),
    THROTTLE_COUNT("throttle.count"),
    THROTTLE_FAILED("throttle.failed"),
    THROTTLE_FORGIVE("throttle.forgive"),
    THROTTLE_RELEASE("throttle.release"),
    DASHBOARD_SIGN_IN("dashboard.sign-in"),
    DASHBOARD_SIGN_OUT("dashboard.sign-out");

    private final String label;

    Operation(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Resource ManagedThreadFactory threads;
  @Inject MetricRegistry registry;

  @Inject
  @ConfigProperty(name = "confio.grid.timeout", defaultValue = "PT0.05S")
  Duration timeout;

  private ThreadPoolExecutor pool;

  @PostConstruct
  void start() {
    pool =
        new ThreadPoolExecutor(
            16,
            16,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1024),
            threads,
            new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
    for (var operation : Operation.values()) {
      timeouts(operation);
    }
    registry.gauge("grid.calls.active", pool, ThreadPoolExecutor::getActiveCount);
    registry.gauge("grid.calls.queued", pool, running -> running.getQueue().size());
  }

  /** Registers the counters and the pool's gauges with the application, not at the first call. */
  void eagerly(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // the call itself creates the bean, whose @PostConstruct registers the metrics
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }

  /**
   * {@code call}'s answer, or {@code fallback} when the grid did not give it within {@code
   * confio.grid.timeout} or the pool is full of calls still waiting for it.
   */
  public <T> T within(Operation operation, Supplier<T> call, T fallback) {
    return within(operation, call, timeout, fallback, () -> fallback);
  }

  /**
   * {@code call}'s answer within {@code confio.grid.timeout}; {@code late} when it takes longer
   * (the call goes on, and its answer is dropped), {@code rejected}'s when the pool cannot take it.
   */
  public <T> T within(Operation operation, Supplier<T> call, T late, Supplier<T> rejected) {
    return within(operation, call, timeout, late, rejected);
  }

  /** The same, waiting at most {@code wait}. */
  public <T> T within(
      Operation operation, Supplier<T> call, Duration wait, T late, Supplier<T> rejected) {
    java.util.concurrent.Future<T> running;
    try {
      running = pool.submit(call::get);
    } catch (RejectedExecutionException e) {
      missed(operation);
      return rejected.get();
    }
    try {
      return running.get(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      missed(operation);
      return late;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      missed(operation);
      return late;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Runs {@code call} without waiting for it: a write whose outcome the request does not need. */
  public void later(Operation operation, Runnable call) {
    try {
      pool.execute(call);
    } catch (RejectedExecutionException e) {
      missed(operation);
    }
  }

  private void missed(Operation operation) {
    timeouts(operation).inc();
  }

  private Counter timeouts(Operation operation) {
    return registry.counter("grid.timeouts", new Tag("operation", operation.label()));
  }
}
