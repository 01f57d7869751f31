package app.confio.backfill.boundary;

import app.confio.backfill.control.Backfill;
import app.confio.backfill.control.BackfillBusyException;
import app.confio.backfill.control.Schedules;
import app.confio.backfill.entity.Trigger;
import app.confio.platform.Days;
import app.confio.platform.OncePerCluster;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The nightly repair: a backfill of the last few days, to put back what a crash or an outage kept
 * the tracker from writing. The timer is not persistent, so it fires on every member; the first
 * member to claim the occurrence starts the run, the others skip it. A bad schedule or number of
 * days fails the deployment, with the reason.
 */
@Singleton
@Startup
public class BackfillTimer {

  static final String JOB = "backfill-repair";
  private static final Logger LOG = Logger.getLogger(BackfillTimer.class.getName());

  @Resource TimerService timers;
  @Inject Backfill backfill;
  @Inject OncePerCluster cluster;

  @Inject
  @ConfigProperty(name = "confio.backfill.schedule", defaultValue = "30 3 * * *")
  String schedule;

  @Inject
  @ConfigProperty(name = "confio.backfill.scheduled-days", defaultValue = "2")
  int days;

  @Inject
  @ConfigProperty(name = "confio.activity.zone", defaultValue = "UTC")
  ZoneId zone;

  @PostConstruct
  void schedule() {
    Days.require(days);
    Schedules.parse(schedule, zone)
        .ifPresentOrElse(
            expression ->
                timers.createCalendarTimer(expression, new TimerConfig("backfill repair", false)),
            () -> LOG.info("The scheduled backfill is off"));
  }

  @Timeout
  void repair() {
    repair(Instant.now());
  }

  /**
   * The scheduled backfill's firing at {@code firedAt}, on whichever member claims it: every member
   * fires, one runs it (also in a split cluster: the claim is a lease row in PostgreSQL). Answers
   * whether this member claimed it.
   */
  public boolean repair(Instant firedAt) {
    // Timers fire on the minute: rounded to it, every member names the firing alike.
    if (!cluster.claim(JOB, firedAt, Duration.ofMinutes(1))) {
      return false;
    }
    try {
      var started = backfill.start(days, Trigger.SCHEDULED);
      LOG.log(Level.INFO, "Scheduled backfill run {0} started", started.runId());
    } catch (BackfillBusyException e) {
      LOG.info("Scheduled backfill skipped: a backfill is already running");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Scheduled backfill could not start", e);
    }
    return true;
  }
}
