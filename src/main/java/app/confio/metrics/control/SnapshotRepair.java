package app.confio.metrics.control;

import app.confio.activity.control.ReportingDay;
import app.confio.backfill.entity.BackfillFinished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Recomputes the daily snapshots a finished backfill made stale, so the charts show the history it
 * restored: the days from the start of its window to today, at most the last {@link
 * ActivityHistory#RECENT_DAYS} (what the dashboard shows; older days take a rebuild through the
 * admin API). Runs asynchronously, after the backfill has released its claim.
 */
@ApplicationScoped
public class SnapshotRepair {

  private static final Logger LOG = Logger.getLogger(SnapshotRepair.class.getName());

  @Inject ActivityHistory history;
  @Inject ReportingDay reportingDay;

  void afterBackfill(@ObservesAsync BackfillFinished finished) {
    var from = reportingDay.of(finished.since());
    var today = reportingDay.today();
    var oldest = today.minusDays(ActivityHistory.RECENT_DAYS - 1);
    var first = from.isBefore(oldest) ? oldest : from;
    try {
      var written = history.rebuild(first, today, done -> {});
      LOG.log(
          Level.INFO,
          "Daily snapshots from {0} to {1} recomputed after backfill run {2}: {3} rows changed",
          new Object[] {first, today, finished.runId(), written});
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Daily snapshots not recomputed after a backfill; rebuild them", e);
    }
  }
}
