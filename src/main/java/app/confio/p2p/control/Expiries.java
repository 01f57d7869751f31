package app.confio.p2p.control;

import app.confio.p2p.entity.Trade;
import app.confio.p2p.entity.TradeEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Ends trades left unpaid past their payment deadline and returns the escrow to the seller. Every
 * member of a cluster runs this, and a buyer may mark the same trade paid at the same moment: each
 * trade is expired under its row lock and only from PENDING_PAYMENT, so it happens once, whoever
 * comes second finds it done.
 */
@ApplicationScoped
public class Expiries {

  /** Trades expired per sweep at most; the next sweep takes the rest. */
  static final int BATCH = 200;

  @PersistenceContext EntityManager em;
  @Inject Market market;

  public List<Long> overdue() {
    return em
        .createNativeQuery(
            "select id from p2p_trades where status = 'PENDING_PAYMENT' and payment_deadline <= ?1"
                + " order by payment_deadline limit "
                + BATCH)
        .setParameter(1, OffsetDateTime.now())
        .getResultList()
        .stream()
        .map(id -> ((Number) id).longValue())
        .toList();
  }

  /** Expires one trade in a transaction of its own; false when there was nothing to do. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean expire(long tradeId) {
    var trade = em.find(Trade.class, tradeId, LockModeType.PESSIMISTIC_WRITE);
    if (trade == null || !trade.expire(OffsetDateTime.now())) {
      return false;
    }
    market.returnEscrow(trade);
    em.persist(new TradeEvent(trade, null));
    return true;
  }
}
