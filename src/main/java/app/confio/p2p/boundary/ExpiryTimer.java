package app.confio.p2p.boundary;

import app.confio.p2p.control.Expiries;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every ten seconds, on every member, expires the trades whose payment window has closed. Members
 * need no coordination: {@link Expiries#expire} is safe to race. A trade is refunded at most a
 * sweep after its deadline; until then its seller may cancel it.
 */
@Singleton
public class ExpiryTimer {

  private static final Logger LOG = Logger.getLogger(ExpiryTimer.class.getName());

  @Inject Expiries expiries;

  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void sweep() {
    int expired = 0;
    for (long tradeId : expiries.overdue()) {
      try {
        expired += expiries.expire(tradeId) ? 1 : 0;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Trade " + tradeId + " could not expire; the next sweep retries", e);
      }
    }
    if (expired > 0) {
      LOG.log(Level.INFO, "Expired {0} unpaid trades and returned their escrow", expired);
    }
  }
}
