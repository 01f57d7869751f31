package app.confio.health;

import app.confio.activity.control.ReportingDay;
import app.confio.platform.Reads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The history's published freshness promise: reporting day d is final {@code
 * confio.history.final-by} (6 hours) after it ends, 06:00 the next morning in the reporting zone —
 * time for the nightly repair (03:30) to re-read it from the activity tables and for its snapshots
 * to follow. See {@link Finality} for what final means and how the promise is judged.
 */
@ApplicationScoped
public class HistoryPromise {

  static final String STATE =
      """
      select (select min(finished_at) from backfill_run
              where status = 'FINISHED' and since <= ?1 and started_at >= ?2),
             (select count(*) from activity_snapshot where day = ?3)
      """;

  @Inject Reads reads;
  @Inject ReportingDay reportingDay;

  @Inject
  @ConfigProperty(name = "confio.history.final-by", defaultValue = "PT6H")
  Duration finalBy;

  /** How yesterday stands now: the day the promise is about most of the time. */
  public Finality yesterday() {
    return of(yesterdayDate(), Instant.now());
  }

  public LocalDate yesterdayDate() {
    return reportingDay.today().minusDays(1);
  }

  public Finality of(LocalDate day, Instant now) {
    var end = reportingDay.start(day.plusDays(1));
    var row = reads.row(STATE, reportingDay.start(day), end, day);
    var repairedAt = row[0] == null ? null : ((Timestamp) row[0]).toInstant();
    var snapshots = ((Number) row[1]).longValue();
    return Finality.of(day, end.toInstant().plus(finalBy), repairedAt, snapshots, now);
  }
}
