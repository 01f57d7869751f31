package app.confio.users.control;

import app.confio.users.entity.Session;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens, checks and ends sessions ({@link Session}). The checks read the row each time, in SQL with
 * the database's clock, so a revocation on any member counts at once everywhere.
 */
@ApplicationScoped
public class SessionFamilies {

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "confio.session.absolute-lifetime", defaultValue = "P90D")
  Duration absoluteLifetime;

  @PostConstruct
  void check() {
    if (absoluteLifetime.isNegative() || absoluteLifetime.isZero()) {
      throw new IllegalStateException("confio.session.absolute-lifetime must be positive");
    }
  }

  public Session open(long userId) {
    var session = new Session(userId);
    em.persist(session);
    em.flush(); // its id goes into the tokens
    return session;
  }

  public Duration absoluteLifetime() {
    return absoluteLifetime;
  }

  /** Whether the session is {@code userId}'s, not revoked and within its absolute lifetime. */
  public boolean live(long sessionId, long userId) {
    var live =
        em.createNativeQuery(
                "select count(*) from sessions where id = ?1 and user_id = ?2"
                    + " and revoked_at is null and created_at > now() - make_interval(secs => ?3)")
            .setParameter(1, sessionId)
            .setParameter(2, userId)
            .setParameter(3, (double) absoluteLifetime.toSeconds())
            .getSingleResult();
    return ((Number) live).longValue() == 1;
  }

  /** Whether the session is {@code userId}'s, live or ended. */
  public boolean belongs(long sessionId, long userId) {
    var found =
        em.createNativeQuery("select count(*) from sessions where id = ?1 and user_id = ?2")
            .setParameter(1, sessionId)
            .setParameter(2, userId)
            .getSingleResult();
    return ((Number) found).longValue() == 1;
  }

  /**
   * Ends the session and with it every token of its family, in a transaction of its own: a
   * revocation for a reused refresh token must stand although the refresh itself is refused and
   * rolled back. Ending an ended session changes nothing.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void revoke(long sessionId, String because) {
    em.createNativeQuery(
            "update sessions set revoked_at = now(), revoked_because = ?2"
                + " where id = ?1 and revoked_at is null")
        .setParameter(1, sessionId)
        .setParameter(2, because)
        .executeUpdate();
  }
}
