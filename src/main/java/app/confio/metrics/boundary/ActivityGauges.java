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
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Prometheus gauges {@code confio_active_users{policy, window}} and {@code confio_eligible_users}.
 * A scrape reads the figures this member computed at its last refresh (every minute), never the
 * database; until the first refresh the gauges read NaN.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ActivityGauges {

  private static final Logger LOG = Logger.getLogger(ActivityGauges.class.getName());

  @Inject MetricRegistry registry;
  @Inject ActivityMetrics metrics;
  @Resource TimerService timers;

  private volatile CurrentMetrics latest;

  @PostConstruct
  void register() {
    for (var policy : Policy.values()) {
      for (var window : Window.values()) {
        registry.gauge(
            "confio.active.users",
            this,
            gauges -> gauges.value(policy, window),
            new Tag("policy", policy.name().toLowerCase(Locale.ROOT)),
            new Tag("window", window.days() + "d"));
      }
    }
    registry.gauge("confio.eligible.users", this, ActivityGauges::eligible);
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

  double value(Policy policy, Window window) {
    var figures = latest;
    return figures == null ? Double.NaN : figures.of(policy).value(window);
  }

  double eligible() {
    var figures = latest;
    return figures == null ? Double.NaN : figures.eligible();
  }
}
