package app.confio.activity.control;

import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.Future;

/**
 * Runs a touch's write on the EJB thread pool, so the user's request never waits for the database
 * and a database outage never stalls it. A failure is counted, logged (at most once a minute) and
 * gives the claims back, so the user's next action tries again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ActivityWriter {

  @EJB ActivityStore store;
  @Inject Cooldown cooldown;
  @Inject ActivityCounters counters;

  @Asynchronous
  public Future<Touch.Outcome> write(Touch touch) {
    try {
      var outcome = store.write(touch);
      counters.written(touch, outcome);
      return new AsyncResult<>(outcome);
    } catch (RuntimeException e) {
      giveBack(touch);
      counters.failed(touch, e);
      return new AsyncResult<>(Touch.Outcome.FAILED);
    }
  }

  /** Releases the claims a touch won, so that the user's next action writes instead. */
  public void giveBack(Touch touch) {
    touch.policies().forEach(p -> cooldown.release(touch.userId(), p));
    touch.dayPolicies().forEach(p -> cooldown.releaseDay(touch.userId(), p, touch.day()));
  }
}
