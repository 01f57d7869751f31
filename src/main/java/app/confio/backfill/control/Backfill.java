package app.confio.backfill.control;

import app.confio.backfill.entity.BackfillFinished;
import app.confio.backfill.entity.BackfillRun;
import app.confio.backfill.entity.Progress;
import app.confio.backfill.entity.Trigger;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Recomputes {@code last_activity_at}, {@code last_transaction_at} and {@code user_activity_day}
 * from the activity tables over the last N days, through the activity tracker (the only writer), in
 * chunks of user ids. A start takes the cluster's backfill claim, prepares the run (a new one, or
 * the unfinished one resumed) and returns at once; the chunks run on the managed executor.
 * Monotonic and idempotent because the tracker's replay is; resumable because each chunk commits
 * with the run's progress.
 */
@ApplicationScoped
public class Backfill {

  private static final Logger LOG = Logger.getLogger(Backfill.class.getName());

  @Inject BackfillClaim claim;
  @EJB BackfillRuns runs;
  @EJB BackfillChunk chunk;
  @Resource ManagedExecutorService executor;
  @Inject Event<BackfillFinished> finished;

  @Inject
  @ConfigProperty(name = "confio.backfill.chunk-size", defaultValue = "10000")
  int chunkSize;

  @Inject
  @ConfigProperty(name = "confio.backfill.days", defaultValue = "365")
  int defaultDays;

  /** The days an on-demand run covers when nobody says. */
  public int defaultDays() {
    return defaultDays;
  }

  /** Starts a run over the last {@code days} days, or resumes the unfinished one. */
  public Progress start(int days, Trigger trigger) {
    return start(BackfillRequest.of(days, trigger, chunkSize));
  }

  /**
   * Starts the run and returns its progress right away.
   *
   * @throws BackfillBusyException when a run holds the claim anywhere in the cluster
   */
  public Progress start(BackfillRequest request) {
    var token = claim.take().orElseThrow(() -> new BackfillBusyException(progress().orElse(null)));
    try {
      var now = OffsetDateTime.now();
      var run = runs.prepare(request, now);
      LOG.log(
          Level.INFO,
          "Backfill run {0} ({1} days) starts at user {2}",
          new Object[] {run.id(), run.days(), run.doneUserId() + 1});
      executor.execute(() -> work(run, token, request));
      return Progress.of(run, now, true);
    } catch (RuntimeException e) {
      claim.release(token);
      throw e;
    }
  }

  /** The current run, or the last one; empty before the first. */
  public Optional<Progress> progress() {
    var held = claim.held();
    return runs.latest().map(run -> Progress.of(run, OffsetDateTime.now(), held));
  }

  /** The innermost cause says what went wrong; the EJB and JPA wrappers around it do not. */
  static String rootMessage(Throwable e) {
    var cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  private void work(BackfillRun run, String token, BackfillRequest request) {
    var done = run.doneUserId();
    try {
      for (int chunks = 0; done < run.lastUserId() && chunks < request.maxChunks(); chunks++) {
        if (!claim.renew(token)) {
          LOG.log(
              Level.WARNING,
              "Backfill run {0} lost its claim at user {1}",
              new Object[] {run.id(), done});
          return;
        }
        var to = Math.min(run.lastUserId(), done + request.chunkSize());
        chunk.replay(run.id(), done + 1, to, run.since());
        done = to;
      }
      if (done >= run.lastUserId()) {
        runs.finish(run.id());
        LOG.log(Level.INFO, "Backfill run {0} finished", run.id());
        finished.fireAsync(new BackfillFinished(run.id(), run.since()));
      }
    } catch (BackfillChunk.RunTakenOverException e) {
      LOG.log(
          Level.WARNING, "Backfill run {0} stops: {1}", new Object[] {run.id(), e.getMessage()});
    } catch (RuntimeException e) {
      var at = done;
      LOG.log(Level.WARNING, e, () -> "Backfill run " + run.id() + " failed after user " + at);
      runs.fail(run.id(), rootMessage(e));
    } finally {
      claim.release(token);
    }
  }
}
