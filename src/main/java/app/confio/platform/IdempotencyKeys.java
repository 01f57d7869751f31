package app.confio.platform;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The kept answers of idempotent mutations, in the mutation's own transaction: the key's row is
 * written with the money's rows, both or neither. A transaction-level advisory lock on (user, key)
 * tells a duplicate that arrives while the first is still running (refused as in flight) from one
 * that arrives after it (answered from the row).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class IdempotencyKeys {

  private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class.getName());

  /** The lock's number; a test takes the same lock to hold a key "in flight". */
  public static final String LOCK =
      "select pg_try_advisory_xact_lock(hashtextextended(?1 || ':' || ?2, 0))";

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "confio.idempotency.retention", defaultValue = "P1D")
  Duration retention;

  public record Kept(String operation, String requestHash, String response) {}

  /** Takes the key for this transaction; false while another transaction holds it. */
  public boolean lock(long userId, String key) {
    return Boolean.TRUE.equals(
        em.createNativeQuery(LOCK).setParameter(1, userId).setParameter(2, key).getSingleResult());
  }

  public Optional<Kept> find(long userId, String key) {
    @SuppressWarnings("unchecked")
    java.util.List<Object[]> rows =
        em.createNativeQuery(
                "select operation, request_hash, response from idempotency_keys"
                    + " where user_id = ?1 and key = ?2")
            .setParameter(1, userId)
            .setParameter(2, key)
            .getResultList();
    return rows.stream()
        .map(r -> new Kept((String) r[0], ((String) r[1]).strip(), (String) r[2]))
        .findFirst();
  }

  public void keep(long userId, String key, String operation, String requestHash, String answer) {
    em.createNativeQuery(
            "insert into idempotency_keys (user_id, key, operation, request_hash, response)"
                + " values (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, userId)
        .setParameter(2, key)
        .setParameter(3, operation)
        .setParameter(4, requestHash)
        .setParameter(5, answer)
        .executeUpdate();
  }

  /** Deletes the keys older than the retention, every hour on every member (idempotent itself). */
  @Schedule(hour = "*", minute = "17", persistent = false)
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  void purge() {
    var deleted =
        em.createNativeQuery("delete from idempotency_keys where created_at < ?1")
            .setParameter(1, OffsetDateTime.now().minus(retention))
            .executeUpdate();
    if (deleted > 0) {
      LOG.info(() -> "Deleted " + deleted + " idempotency keys older than " + retention);
    }
  }
}
