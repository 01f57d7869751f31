package app.confio.backfill.control;

import app.confio.activity.boundary.ActivityTracker;
import app.confio.activity.control.Replayed;
import app.confio.backfill.entity.RunStatus;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;

/**
 * One chunk of a run in one transaction: the tracker replays the users' activity and the run's
 * progress moves past them, both or neither. A run resumed after a crash therefore starts exactly
 * after the last chunk that committed (and a chunk done twice would change nothing anyway).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BackfillChunk {

  @PersistenceContext EntityManager em;
  @EJB ActivityTracker tracker;

  public Replayed replay(long runId, long fromUserId, long toUserId, OffsetDateTime since) {
    var replayed = tracker.replay(SourceSql.eventsOfUsers(), fromUserId, toUserId, since);
    int advanced =
        em.createQuery(
                "update BackfillRun r set r.doneUserId = :to, r.chunks = r.chunks + 1,"
                    + " r.usersUpdated = r.usersUpdated + :users,"
                    + " r.daysWritten = r.daysWritten + :days, r.updatedAt = :now"
                    + " where r.id = :id and r.doneUserId = :done and r.status = :running")
            .setParameter("to", toUserId)
            .setParameter("users", replayed.users())
            .setParameter("days", replayed.days())
            .setParameter("now", OffsetDateTime.now())
            .setParameter("id", runId)
            .setParameter("done", fromUserId - 1)
            .setParameter("running", RunStatus.RUNNING)
            .executeUpdate();
    if (advanced != 1) {
      throw new RunTakenOverException(runId);
    }
    return replayed;
  }

  /** The run moved on without this worker (its claim expired and another member resumed it). */
  @ApplicationException(rollback = true)
  public static class RunTakenOverException extends RuntimeException {
    RunTakenOverException(long runId) {
      super("Backfill run " + runId + " was taken over or ended elsewhere", null, false, false);
    }
  }
}
