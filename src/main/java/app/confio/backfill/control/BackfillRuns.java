package app.confio.backfill.control;

import app.confio.backfill.entity.BackfillRun;
import app.confio.backfill.entity.RunStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The stored state of backfill runs. Each change commits on its own, so that what the admin sees
 * and what a resumed run starts from is what the database holds. Callers hold the cluster claim.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BackfillRuns {

  static final String USER_IDS = "select coalesce(min(id), 1), coalesce(max(id), 0) from users";

  @PersistenceContext EntityManager em;

  /**
   * The newest unfinished run, resumed from its last committed chunk when it reaches back at least
   * as far as asked; otherwise a new run, which replaces (and covers) any unfinished one.
   */
  public BackfillRun prepare(BackfillRequest request, OffsetDateTime now) {
    var unfinished = em.createNamedQuery(BackfillRun.UNFINISHED, BackfillRun.class).getResultList();
    BackfillRun resumed = null;
    for (var run : unfinished) {
      if (resumed == null && run.reachesBack(request.days(), now)) {
        run.resume(now);
        resumed = run;
      } else {
        run.supersede(now);
      }
    }
    if (resumed != null) {
      return resumed;
    }
    var ids = (Object[]) em.createNativeQuery(USER_IDS).getSingleResult();
    var run =
        new BackfillRun(
            request.trigger(),
            request.days(),
            now,
            ((Number) ids[0]).longValue(),
            ((Number) ids[1]).longValue());
    em.persist(run);
    em.flush();
    return run;
  }

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<BackfillRun> latest() {
    return em.createNamedQuery(BackfillRun.LATEST, BackfillRun.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  public void finish(long runId) {
    end(runId, RunStatus.FINISHED, null);
  }

  public void fail(long runId, String error) {
    var message = error == null ? "unknown error" : error;
    end(runId, RunStatus.FAILED, message.length() > 500 ? message.substring(0, 500) : message);
  }

  private void end(long runId, RunStatus status, String error) {
    em.createQuery(
            "update BackfillRun r set r.status = :status, r.error = :error,"
                + " r.finishedAt = :now, r.updatedAt = :now where r.id = :id")
        .setParameter("status", status)
        .setParameter("error", error)
        .setParameter("now", status == RunStatus.FINISHED ? OffsetDateTime.now() : null)
        .setParameter("id", runId)
        .executeUpdate();
  }
}
