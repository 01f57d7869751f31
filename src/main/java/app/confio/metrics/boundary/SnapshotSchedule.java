package app.confio.metrics.boundary;

import app.confio.activity.control.ReportingDay;
import app.confio.metrics.control.ActivityHistory;
import app.confio.platform.OncePerCluster;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the daily snapshots current: every {@code confio.metrics.snapshot.minutes} minutes (on the
 * clock, so all members fire together) one member of the cluster recomputes yesterday and today.
 * Shortly after start, days missing from the last 91 are filled in, so a new deployment or a long
 * outage leaves no hole in the charts.
 */
@Singleton
@Startup
public class SnapshotSchedule {

  static final String JOB = "activity-snapshot";
  static final String GAPS = "activity-snapshot-gaps";
  private static final Logger LOG = Logger.getLogger(SnapshotSchedule.class.getName());

  @Resource TimerService timers;
  @Inject ActivityHistory history;
  @Inject OncePerCluster cluster;
  @Inject ReportingDay reportingDay;

  @Inject
  @ConfigProperty(name = "confio.metrics.snapshot.minutes", defaultValue = "15")
  int minutes;

  @PostConstruct
  void schedule() {
    if (minutes < 1 || minutes > 60 || 60 % minutes != 0) {
      throw new IllegalStateException(
          "confio.metrics.snapshot.minutes must divide 60 (1, 2, 3, 5, 10, 15, 20, 30 or 60)");
    }
    var every =
        new ScheduleExpression().hour("*").minute(minutes == 60 ? "0" : "*/" + minutes).second("0");
    every.timezone(reportingDay.zone().getId());
    timers.createCalendarTimer(every, new TimerConfig(JOB, false));
    timers.createSingleActionTimer(Duration.ofSeconds(5).toMillis(), new TimerConfig(GAPS, false));
  }

  @Timeout
  void fire(jakarta.ejb.Timer timer) {
    run((String) timer.getInfo(), Instant.now());
  }

  /**
   * Runs a firing of {@code job} if this member wins it; answers whether it ran. Public for the
   * cluster test, which fires both members at once.
   */
  public boolean run(String job, Instant firedAt) {
    var gaps = GAPS.equals(job);
    var period = gaps ? Duration.ofMinutes(10) : Duration.ofMinutes(minutes);
    try {
      if (!cluster.claim(job, firedAt, period)) {
        return false;
      }
      var written = gaps ? history.fillGaps(ActivityHistory.RECENT_DAYS) : history.refreshRecent();
      LOG.log(Level.FINE, "Snapshot job {0} wrote {1} rows", new Object[] {job, written});
      return true;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Snapshot job " + job + " failed; the next run tries again", e);
      return false;
    }
  }
}
