package app.confio.growth.control;

import app.confio.activity.control.ReportingDay;
import app.confio.platform.Reads;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The growth reports' answers, kept per member while the history they were computed from holds.
 *
 * <p>An answer is served again only if the database's {@code history_generation} (migration V9:
 * bumped by triggers whenever a row of {@code user_activity_day} changes, or a user's status or
 * kind) has not moved since, the reporting day is the same, and it is younger than {@code
 * confio.growth.cache.max-age}. The generation is read before the computation; if it moved while
 * the answer was computed, the answer is returned but not kept. So a cached answer is exactly what
 * a fresh computation would give, except for one race that the maximum age bounds: a writer whose
 * bump was read before its commit became visible.
 *
 * <p>Every member keeps its own answers (they are small and cheap to recompute once), so nothing is
 * shared that a split cluster could get wrong. Hits and misses are counted at {@code /metrics}.
 */
@ApplicationScoped
public class GrowthCache {

  static final String GENERATION = "select last_value from history_generation";

  @Inject Reads reads;
  @Inject ReportingDay reportingDay;
  @Inject MetricRegistry registry;

  @Inject
  @ConfigProperty(name = "confio.growth.cache.size", defaultValue = "256")
  int size;

  @Inject
  @ConfigProperty(name = "confio.growth.cache.max-age", defaultValue = "PT10M")
  Duration maxAge;

  private Map<Object, Answer> answers;
  private Counter hits;
  private Counter misses;

  record Answer(Object value, long generation, LocalDate day, long computedAt) {}

  @PostConstruct
  void start() {
    var capacity = size;
    answers =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Object, Answer> eldest) {
            return size() > capacity;
          }
        };
    hits = registry.counter("growth.cache.hits");
    misses = registry.counter("growth.cache.misses");
  }

  /** Registers the counters as the application starts: a fresh member shows them at zero. */
  void eagerly(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // the call itself creates the bean, whose @PostConstruct registers the metrics
  }

  /**
   * The answer for {@code key} (a record naming the report and all its parameters), computed by
   * {@code compute} unless a valid one is kept. A computation that fails is not kept.
   */
  @SuppressWarnings("unchecked")
  public <T> T get(Object key, Supplier<T> compute) {
    if (size <= 0) {
      return compute.get();
    }
    var generation = generation();
    var today = reportingDay.today();
    var now = System.nanoTime();
    Answer kept;
    synchronized (answers) {
      kept = answers.get(key);
    }
    if (kept != null
        && kept.generation() == generation
        && kept.day().equals(today)
        && now - kept.computedAt() < maxAge.toNanos()) {
      hits.inc();
      return (T) kept.value();
    }
    misses.inc();
    var value = compute.get();
    if (generation() == generation) {
      synchronized (answers) {
        answers.put(key, new Answer(value, generation, today, now));
      }
    }
    return value;
  }

  long generation() {
    return ((Number) reads.row(GENERATION)[0]).longValue();
  }
}
