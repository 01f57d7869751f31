package app.confio.metrics.control;

import static app.confio.metrics.control.ActivityMetrics.number;

import app.confio.activity.control.ReportingDay;
import app.confio.activity.entity.Policy;
import app.confio.metrics.entity.DaySnapshot;
import app.confio.metrics.entity.History;
import app.confio.metrics.entity.Trend;
import app.confio.metrics.entity.Window;
import app.confio.platform.Days;
import app.confio.platform.InvalidInputException;
import app.confio.platform.Reads;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The daily snapshots: kept fresh for today and yesterday by the snapshot timer, rebuilt for any
 * range on request, and read with stickiness and the change against 7 and 30 days before.
 */
@ApplicationScoped
public class ActivityHistory {

  public static final String RANGE =
      "select day, dau, wau, mau, eligible, new_users from activity_snapshot"
          + " where policy = ?1 and day between ?2 and ?3 order by day";

  /** Days kept computed without being asked: the dashboard's 90 complete days, and today. */
  public static final int RECENT_DAYS = 91;

  @PersistenceContext EntityManager em;
  @EJB SnapshotWriter writer;
  @Inject Reads reads;
  @Inject ReportingDay reportingDay;

  /** Days a rebuild computes at once (one read of the day sets, one count of the users). */
  static final int REBUILD_CHUNK = 92;

  /** Recomputes yesterday and today: what the timer does. Returns rows written. */
  public int refreshRecent() {
    var today = reportingDay.today();
    return writer.compute(today.minusDays(1), today);
  }

  /** Computes the days among the last {@code days} that have no snapshot yet. */
  public int fillGaps(int days) {
    var today = reportingDay.today();
    List<?> missing =
        em.createNativeQuery(
                "select cast(d as date) from generate_series(cast(?1 as date), cast(?2 as date),"
                    + " interval '1 day') d where not exists (select 1 from activity_snapshot s"
                    + " where s.day = cast(d as date))")
            .setParameter(1, today.minusDays(days - 1))
            .setParameter(2, today)
            .getResultList();
    var written = 0;
    for (var day : missing) {
      written += writer.compute(day(day));
    }
    return written;
  }

  /** Recomputes every day from {@code from} to {@code to}, a few months at a time. */
  public int rebuild(LocalDate from, LocalDate to, IntConsumer daysDone) {
    checkRange(from, to);
    if (to.isAfter(reportingDay.today())) {
      throw new InvalidInputException("to must not be after today (" + reportingDay.today() + ")");
    }
    var written = 0;
    var done = 0;
    for (var first = from; !first.isAfter(to); first = first.plusDays(REBUILD_CHUNK)) {
      var last = first.plusDays(REBUILD_CHUNK - 1);
      if (last.isAfter(to)) {
        last = to;
      }
      written += writer.compute(first, last);
      done += (int) ChronoUnit.DAYS.between(first, last) + 1;
      daysDone.accept(done);
    }
    return written;
  }

  public History range(Policy policy, LocalDate from, LocalDate to) {
    checkRange(from, to);
    var byDay = read(policy, from.minusDays(30), to);
    var days = new ArrayList<DaySnapshot>();
    for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
      var snapshot = byDay.get(day);
      if (snapshot != null) {
        days.add(snapshot);
      }
    }
    var complete = min(to, reportingDay.today().minusDays(1));
    var trends = new ArrayList<Trend>();
    for (var window : Window.values()) {
      trends.add(
          Trend.of(
              window,
              complete,
              byDay.get(complete),
              byDay.get(complete.minusDays(7)),
              byDay.get(complete.minusDays(30))));
    }
    return new History(policy, from, to, reportingDay.zone().getId(), days, trends);
  }

  private Map<LocalDate, DaySnapshot> read(Policy policy, LocalDate from, LocalDate to) {
    var byDay = new HashMap<LocalDate, DaySnapshot>();
    for (var c : reads.rows(RANGE, policy.name(), from, to)) {
      var day = day(c[0]);
      byDay.put(
          day,
          DaySnapshot.of(
              day, policy, number(c[1]), number(c[2]), number(c[3]), number(c[4]), number(c[5])));
    }
    return byDay;
  }

  static void checkRange(LocalDate from, LocalDate to) {
    if (from == null || to == null) {
      throw new InvalidInputException("from and to are required dates (YYYY-MM-DD)");
    }
    if (from.isAfter(to)) {
      throw new InvalidInputException("from (" + from + ") is after to (" + to + ")");
    }
    if (ChronoUnit.DAYS.between(from, to) >= Days.MAX) {
      throw new InvalidInputException("a range covers at most " + Days.MAX + " days");
    }
  }

  private static LocalDate day(Object value) {
    return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
