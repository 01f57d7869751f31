package app.confio.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Data-grid operations on a request's path, bounded in time. Hazelcast's own calls wait for the
 * key's partition owner as long as its invocation timeout (two minutes), and a member that is
 * frozen — a long GC pause, a network partition — does not answer until the cluster has given up on
 * it. A request must never wait for that: the operation runs on a small pool of its own and the
 * request waits at most {@code confio.grid.timeout}; then (or when the pool is full of such stuck
 * calls) it gets an empty answer and decides what is safe, and the miss is counted at {@code
 * /metrics} as {@code grid_timeouts_total{operation}}. An operation that answers late still
 * completes.
 */
@ApplicationScoped
public class GridCalls {

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
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }

  /**
   * {@code call}'s answer, or {@code fallback} when the grid did not give it within {@code
   * confio.grid.timeout} or the pool is full of calls still waiting for it.
   */
  public <T> T within(String operation, Supplier<T> call, T fallback) {
    return within(operation, call, timeout, fallback, () -> fallback);
  }

  /**
   * {@code call}'s answer within {@code confio.grid.timeout}; {@code late} when it takes longer
   * (the call goes on, and its answer is dropped), {@code rejected}'s when the pool cannot take it.
   */
  public <T> T within(String operation, Supplier<T> call, T late, Supplier<T> rejected) {
    return within(operation, call, timeout, late, rejected);
  }

  /** The same, waiting at most {@code wait}. */
  public <T> T within(
      String operation, Supplier<T> call, Duration wait, T late, Supplier<T> rejected) {
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
  public void later(String operation, Runnable call) {
    try {
      pool.execute(call);
    } catch (RejectedExecutionException e) {
      missed(operation);
    }
  }

  private void missed(String operation) {
    registry.counter("grid.timeouts", new Tag("operation", operation)).inc();
  }
}
