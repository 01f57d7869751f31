package app.confio.health;

import app.confio.backfill.control.Validation;
import app.confio.backfill.entity.ValidationReport;
import app.confio.platform.OncePerCluster;
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
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tracking's health: the last validation's coverage, stale and never recorded users, and
 * whether its checks passed, for admins ({@code GET /api/admin/trust/health}). The validation reads
 * the activity tables (about a minute on a million users), so it runs every 15 minutes, once for
 * the whole cluster: the member whose timer fires first takes a lease in PostgreSQL that runs for
 * 14 minutes, validates and stores the result there; the others find the lease taken and skip.
 * Every member answers with that shared result — also the two halves of a split cluster, which
 * share the database but not a data grid. A failed validation is data for people and dashboards,
 * not a reason to restart the member, and a figure that is not for the public: it is no health
 * probe.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TrackingHealth {

  static final int DAYS = 30;
  static final String JOB = "tracking-validation";

  /** A validation younger than this is fresh enough: another member ran this firing already. */
  static final Duration FRESH = Duration.ofMinutes(14);

  private static final Logger LOG = Logger.getLogger(TrackingHealth.class.getName());

  @Inject Validation validation;
  @Resource TimerService timers;

  @Inject OncePerCluster cluster;
  @Inject TrackingChecks checks;

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
      if (!cluster.claimEvery(JOB, FRESH)) {
        return;
      }
      var report = validation.validate(DAYS, 0);
      checks.keep(report.asOf(), summary(report).toString());
      LOG.info(
          () ->
              "Tracking validated for the cluster at "
                  + report.asOf()
                  + (report.passed() ? ": passed" : ": FAILED"));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Tracking health not checked; it keeps the last result", e);
    }
  }

  /** The cluster's last validation, or a line saying why there is none. */
  public JsonObject last() {
    java.util.Optional<String> last;
    try {
      last = checks.last();
    } catch (RuntimeException e) {
      return Json.createObjectBuilder()
          .add("checked", "unknown: the database did not answer")
          .build();
    }
    return last.map(TrackingHealth::parse)
        .orElseGet(() -> Json.createObjectBuilder().add("checked", "not yet").build());
  }

  /** What is kept of a report, as JSON text: every member reads it alike. */
  static JsonObject summary(ValidationReport report) {
    return Json.createObjectBuilder()
        .add("checkedAt", report.asOf().toString())
        .add("coverage", String.format(Locale.ROOT, "%.2f%%", report.coverage() * 100))
        .add("sourceActiveUsers", report.sourceActiveUsers())
        .add("staleUsers", report.staleUsers())
        .add("neverRecordedUsers", report.nullUsers())
        .add("validationPassed", report.passed())
        .build();
  }

  private static JsonObject parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
