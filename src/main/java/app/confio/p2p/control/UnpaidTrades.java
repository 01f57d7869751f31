package app.confio.p2p.control;

import app.confio.p2p.entity.TooManyUnpaidTradesException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cap on a taker's trades waiting for their payment ({@code confio.p2p.max-unpaid-trades}). The
 * taker's own row is locked while their trades are counted, so trades opened at the same moment on
 * different offers queue up instead of all finding room under the cap.
 */
@ApplicationScoped
public class UnpaidTrades {

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "confio.p2p.max-unpaid-trades", defaultValue = "3")
  int max;

  /**
   * Refuses when {@code takerId} may open no more trades; the caller's transaction holds the lock.
   */
  public void refuseOverCap(long takerId) {
    em.createNativeQuery("select id from users where id = ?1 for update")
        .setParameter(1, takerId)
        .getResultList();
    long unpaid =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from p2p_trades"
                            + " where taker_id = ?1 and status = 'PENDING_PAYMENT'")
                    .setParameter(1, takerId)
                    .getSingleResult())
            .longValue();
    if (unpaid >= max) {
      throw new TooManyUnpaidTradesException(max);
    }
  }
}
