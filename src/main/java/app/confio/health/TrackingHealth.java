package app.confio.health;

import app.confio.backfill.control.Validation;
import app.confio.backfill.entity.ValidationReport;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness, with the tracking's health as data: the last validation's coverage, stale and never
 * recorded users, and whether its checks passed. The validation reads the activity tables (about a
 * second on a million users), so it runs every 15 minutes and a probe reads the result; a failed
 * validation is data for people and dashboards, not a reason to restart the member.
 */
@Liveness
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TrackingHealth implements HealthCheck {

  static final int DAYS = 30;
  private static final Logger LOG = Logger.getLogger(TrackingHealth.class.getName());

  @Inject Validation validation;
  @Resource TimerService timers;

  private volatile ValidationReport last;

  @PostConstruct
  void firstCheck() {
    timers.createSingleActionTimer(30_000, new TimerConfig("first tracking check", false));
  }

  @Timeout
  void first() {
    check();
  }

  @Schedule(minute = "*/15", hour = "*", persistent = false)
  void check() {
    try {
      last = validation.validate(DAYS, 0);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Tracking health not checked; it keeps the last result", e);
    }
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("activity-tracking").up();
    var report = last;
    if (report == null) {
      return response.withData("checked", "not yet").build();
    }
    return response
        .withData("checkedAt", report.asOf().toString())
        .withData(
            "coverage", String.format(java.util.Locale.ROOT, "%.2f%%", report.coverage() * 100))
        .withData("sourceActiveUsers", report.sourceActiveUsers())
        .withData("staleUsers", report.staleUsers())
        .withData("neverRecordedUsers", report.nullUsers())
        .withData("validationPassed", report.passed())
        .build();
  }
}
