package app.confio.growth.control;

import app.confio.activity.control.ReportingDay;
import app.confio.activity.entity.Policy;
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
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the growth reports' day sets ready: shortly after start and every quarter of an hour, the
 * last {@link #DAYS} days are read through {@link DaySets}, which builds what a backfill, a late
 * write or a new day made stale, keeps it for every member and holds it in this member's memory. A
 * report then finds its sets built and pays only for the last days' rows. Each member warms its own
 * memory; the database rows are written once, by whichever member builds them first.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // DaySets runs its own transactions
public class DaySetsWarmup {

  /** A year and a month: every default range of every report, and the previous period. */
  static final int DAYS = 400;

  private static final Logger LOG = Logger.getLogger(DaySetsWarmup.class.getName());

  @Inject DaySets sets;
  @Inject ReportingDay reportingDay;
  @Resource TimerService timers;

  @PostConstruct
  void scheduleFirst() {
    timers.createSingleActionTimer(30_000, new TimerConfig("first day sets warm-up", false));
  }

  @Timeout
  void first() {
    warm();
  }

  @Schedule(hour = "*", minute = "*/15", persistent = false)
  void warm() {
    var began = System.nanoTime();
    try {
      var today = reportingDay.today();
      sets.read(Policy.APP_ACTIVE, today.minusDays(DAYS), today);
      var took = (System.nanoTime() - began) / 1_000_000;
      LOG.log(took > 1000 ? Level.INFO : Level.FINE, "Growth day sets ready in {0} ms", took);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Growth day sets not warmed; reports build what they need", e);
    }
  }
}
