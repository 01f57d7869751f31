package app.confio.backfill.entity;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A backfill run as the admin API, the dashboard and the command line show it. {@code status} is
 * the stored one, except that a run stored as RUNNING which no member is working on is reported as
 * INTERRUPTED (the next start resumes it). {@code running} says that a member of the cluster holds
 * the backfill claim: a run is going on, or ending, and a start now would be refused. {@code
 * percent} is the share of the run's user id range done; {@code remainingSeconds} extrapolates the
 * pace since the run (re)started, and is null until there is one.
 */
public record Progress(
    Long runId,
    String status,
    boolean running,
    Trigger trigger,
    int days,
    OffsetDateTime since,
    long firstUserId,
    long lastUserId,
    long doneUserId,
    double percent,
    long usersUpdated,
    long daysWritten,
    long rowsWritten,
    int chunks,
    int resumes,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    long elapsedSeconds,
    Long remainingSeconds,
    String error) {

  public static final String INTERRUPTED = "INTERRUPTED";

  /** The run as of {@code now}; {@code running}: whether a member holds the cluster claim. */
  public static Progress of(BackfillRun run, OffsetDateTime now, boolean running) {
    var status = !running && run.status() == RunStatus.RUNNING ? INTERRUPTED : run.status().name();
    var end = run.finishedAt() == null ? now : run.finishedAt();
    return new Progress(
        run.id(),
        status,
        running,
        run.trigger(),
        run.days(),
        run.since(),
        run.firstUserId(),
        run.lastUserId(),
        run.doneUserId(),
        percent(run),
        run.usersUpdated(),
        run.daysWritten(),
        run.usersUpdated() + run.daysWritten(),
        run.chunks(),
        run.resumes(),
        run.startedAt(),
        run.finishedAt(),
        Duration.between(run.startedAt(), end).toSeconds(),
        remainingSeconds(run, now),
        run.error());
  }

  static double percent(BackfillRun run) {
    long total = run.lastUserId() - run.firstUserId() + 1;
    if (total <= 0 || run.complete()) {
      return 100.0;
    }
    long done = run.doneUserId() - run.firstUserId() + 1;
    return Math.floor(1000.0 * done / total) / 10;
  }

  static Long remainingSeconds(BackfillRun run, OffsetDateTime now) {
    if (run.complete() || run.status() == RunStatus.FINISHED) {
      return 0L;
    }
    long doneThisSession = run.doneUserId() - run.sessionFrom();
    long millis = Duration.between(run.sessionAt(), now).toMillis();
    if (doneThisSession <= 0 || millis <= 0) {
      return null;
    }
    long left = run.lastUserId() - run.doneUserId();
    return Math.round(left * (millis / 1000.0) / doneThisSession);
  }
}
