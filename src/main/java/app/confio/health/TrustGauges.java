package app.confio.health;

import app.confio.backfill.control.Backfill;
import app.confio.backfill.entity.Progress;
import app.confio.backfill.entity.RunStatus;
import app.confio.platform.Reads;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the alerts watch, as Prometheus gauges beside the active-user figures on {@code
 * /api/admin/prometheus}: the backfill's progress and state, the cluster's last tracking
 * validation, whether yesterday's history kept its freshness promise, and the database connections
 * by state. They describe the figures' trustworthiness, so they are for admins, not the public
 * {@code /metrics}. A scrape reads what this member computed at its last refresh (every minute);
 * before the first, every series reads NaN.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TrustGauges {

  static final List<String> RUN_STATES =
      List.of(
          RunStatus.RUNNING.name(),
          RunStatus.FINISHED.name(),
          RunStatus.FAILED.name(),
          RunStatus.SUPERSEDED.name(),
          Progress.INTERRUPTED);
  static final List<String> PROMISE_STATES =
      List.of(Finality.MET, Finality.PENDING, Finality.MISSED);
  static final List<String> CONNECTION_STATES = List.of("active", "idle", "idle_in_transaction");

  static final String CONNECTIONS =
      """
      select coalesce(state, 'unknown'), count(*) from pg_stat_activity
      where datname = current_database() and backend_type = 'client backend' group by 1
      """;

  private static final Logger LOG = Logger.getLogger(TrustGauges.class.getName());

  @Inject Backfill backfill;
  @Inject TrackingHealth tracking;
  @Inject HistoryPromise promise;
  @Inject Reads reads;
  @Resource TimerService timers;

  private volatile String text = render(null, null, null, Map.of());

  @PostConstruct
  void scheduleFirst() {
    timers.createSingleActionTimer(1000, new TimerConfig("first trust gauges", false));
  }

  @Timeout
  void first() {
    refresh();
  }

  @Schedule(minute = "*", hour = "*", persistent = false)
  void refresh() {
    try {
      text = render(backfill.progress(), tracking.last(), promise.yesterday(), connections());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Trust gauges not refreshed; they keep the last values", e);
    }
  }

  public String text() {
    return text;
  }

  private Map<String, Long> connections() {
    var counts = new TreeMap<String, Long>();
    for (var row : reads.rows(CONNECTIONS)) {
      counts.put(((String) row[0]).replaceAll("[^a-z]+", "_"), ((Number) row[1]).longValue());
    }
    return counts;
  }

  /** The gauges' text; a null part (not known yet) reads NaN. */
  static String render(
      Optional<Progress> run,
      JsonObject validation,
      Finality yesterday,
      Map<String, Long> connections) {
    var out = new PrometheusText();
    var known = run != null;
    var progress = known ? run.orElse(null) : null;
    out.gauge("confio_backfill_running", "1 while a member of the cluster runs a backfill")
        .sample(known ? (progress != null && progress.running() ? 1 : 0) : Double.NaN);
    out.gauge("confio_backfill_progress_ratio", "share of the current or last run's users done")
        .sample(progress == null ? Double.NaN : progress.percent() / 100);
    out.gauge("confio_backfill_status", "1 for the state of the current or last backfill run");
    for (var state : RUN_STATES) {
      out.sample(
          "status",
          state,
          known ? (progress != null && progress.status().equals(state) ? 1 : 0) : Double.NaN);
    }
    var checked = validation != null && validation.containsKey("checkedAt");
    out.gauge(
            "confio_tracking_validation_passed",
            "1 when the cluster's last tracking validation passed")
        .sample(checked ? (validation.getBoolean("validationPassed") ? 1 : 0) : Double.NaN);
    out.gauge(
            "confio_tracking_coverage_ratio",
            "eligible users with recorded activity, of all, at the last validation")
        .sample(checked ? percent(validation.getString("coverage")) : Double.NaN);
    out.gauge("confio_tracking_validation_timestamp_seconds", "when the last validation ran")
        .sample(
            checked
                ? OffsetDateTime.parse(validation.getString("checkedAt")).toEpochSecond()
                : Double.NaN);
    out.gauge(
        "confio_history_final",
        "1 for yesterday's state against the freshness promise (met, pending, missed)");
    for (var state : PROMISE_STATES) {
      out.sample(
          "state", state, yesterday == null ? Double.NaN : yesterday.state().equals(state) ? 1 : 0);
    }
    out.gauge("confio_history_yesterday_snapshots", "snapshot rows of yesterday (one per policy)")
        .sample(yesterday == null ? Double.NaN : yesterday.snapshots());
    out.gauge(
        "confio_database_connections",
        "connections to the database, every member's and client's, by state");
    var states = new ArrayList<>(CONNECTION_STATES);
    connections.keySet().stream().filter(state -> !states.contains(state)).forEach(states::add);
    for (var state : states) {
      out.sample(
          "state", state, connections.isEmpty() ? Double.NaN : connections.getOrDefault(state, 0L));
    }
    return out.toString();
  }

  static double percent(String text) {
    return Double.parseDouble(text.replace("%", "").strip()) / 100;
  }

  /** Prometheus' text format, version 0.0.4, for gauges. */
  static final class PrometheusText {

    private final StringBuilder out = new StringBuilder();
    private String name;

    PrometheusText gauge(String name, String help) {
      this.name = name;
      out.append("# HELP ").append(name).append(' ').append(help).append('\n');
      out.append("# TYPE ").append(name).append(" gauge\n");
      return this;
    }

    PrometheusText sample(double value) {
      out.append(name).append(' ').append(format(value)).append('\n');
      return this;
    }

    PrometheusText sample(String label, String value, double number) {
      out.append(name).append('{').append(label).append("=\"").append(value).append("\"} ");
      out.append(format(number)).append('\n');
      return this;
    }

    static String format(double value) {
      if (Double.isNaN(value)) {
        return "NaN";
      }
      return value == Math.rint(value)
          ? Long.toString((long) value)
          : String.format(Locale.ROOT, "%.4f", value);
    }

    @Override
    public String toString() {
      return out.toString();
    }
  }
}
