package app.confio.metrics.boundary;

import app.confio.activity.entity.Policy;
import app.confio.metrics.control.ActivityMetrics;
import app.confio.metrics.entity.CurrentMetrics;
import app.confio.metrics.entity.Window;
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
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Prometheus gauges {@code confio_active_users{policy, window}} and {@code confio_eligible_users},
 * in the text exposition format. They are investor figures, so they are not on the container's
 * public {@code /metrics}: an authenticated scraper reads them from {@code /api/admin/prometheus}
 * ({@link PrometheusResource}). A scrape reads the figures this member computed at its last refresh
 * (every minute), never the database; until the first refresh the gauges read NaN.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ActivityGauges {

  private static final Logger LOG = Logger.getLogger(ActivityGauges.class.getName());

  @Inject ActivityMetrics metrics;
  @Resource TimerService timers;

  private volatile CurrentMetrics latest;

  @PostConstruct
  void scheduleFirst() {
    timers.createSingleActionTimer(1000, new TimerConfig("first refresh", false));
  }

  @Timeout
  void first() {
    refresh();
  }

  @Schedule(minute = "*", hour = "*", persistent = false)
  void refresh() {
    try {
      latest = metrics.current();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Active-user gauges not refreshed; they keep the last figures", e);
    }
  }

  /** The gauges in Prometheus' text format, version 0.0.4. */
  public String text() {
    var out = new StringBuilder();
    out.append("# HELP confio_active_users Eligible users active within the window\n")
        .append("# TYPE confio_active_users gauge\n");
    for (var policy : Policy.values()) {
      for (var window : Window.values()) {
        out.append("confio_active_users{policy=\"")
            .append(policy.name().toLowerCase(Locale.ROOT))
            .append("\",window=\"")
            .append(window.days())
            .append("d\"} ")
            .append(format(value(policy, window)))
            .append('\n');
      }
    }
    return out.append("# HELP confio_eligible_users Users the figures count among\n")
        .append("# TYPE confio_eligible_users gauge\n")
        .append("confio_eligible_users ")
        .append(format(eligible()))
        .append('\n')
        .toString();
  }

  private static String format(double value) {
    return Double.isNaN(value) ? "NaN" : Long.toString((long) value);
  }

  double value(Policy policy, Window window) {
    var figures = latest;
    return figures == null ? Double.NaN : figures.of(policy).value(window);
  }

  double eligible() {
    var figures = latest;
    return figures == null ? Double.NaN : figures.eligible();
  }
}
