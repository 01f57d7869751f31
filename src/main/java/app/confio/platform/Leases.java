package app.confio.platform;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Named leases in PostgreSQL ({@code cluster_leases}): the fence for work that must run once in the
 * whole cluster. The data grid cannot be that fence: after a split each half has a grid of its own,
 * and both would win a claim there; they still share the one database. Every call is a transaction
 * of its own, and time is the database's clock, so members whose clocks differ agree.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Leases {

  @PersistenceContext EntityManager em;

  /**
   * Takes {@code name} for {@code ttl} when nobody holds it or its holder's lease has run out: true
   * for the one caller that got it, even when that caller held it before (renew instead).
   */
  public boolean take(String name, String holder, Duration ttl) {
    List<?> taken =
        em.createNativeQuery(
                "insert into cluster_leases (name, holder, expires_at)"
                    + " values (?1, ?2, now() + ?3 * interval '1 millisecond')"
                    + " on conflict (name) do update"
                    + " set holder = excluded.holder, taken_at = now(), expires_at ="
                    + " excluded.expires_at"
                    + " where cluster_leases.expires_at <= now()"
                    + " returning holder")
            .setParameter(1, name)
            .setParameter(2, holder)
            .setParameter(3, ttl.toMillis())
            .getResultList();
    return !taken.isEmpty();
  }

  /** Extends {@code holder}'s lease by {@code ttl}; false when it ran out or another took it. */
  public boolean renew(String name, String holder, Duration ttl) {
    return em.createNativeQuery(
                "update cluster_leases set expires_at = now() + ?3 * interval '1 millisecond'"
                    + " where name = ?1 and holder = ?2 and expires_at > now()")
            .setParameter(1, name)
            .setParameter(2, holder)
            .setParameter(3, ttl.toMillis())
            .executeUpdate()
        == 1;
  }

  /** Gives the lease back, if {@code holder} still holds it. */
  public void release(String name, String holder) {
    em.createNativeQuery("delete from cluster_leases where name = ?1 and holder = ?2")
        .setParameter(1, name)
        .setParameter(2, holder)
        .executeUpdate();
  }

  /** Who holds {@code name} now, if anyone. */
  public Optional<String> holder(String name) {
    return em.createNativeQuery(
            "select holder from cluster_leases where name = ?1 and expires_at > now()")
        .setParameter(1, name)
        .getResultStream()
        .map(String.class::cast)
        .findFirst();
  }

  /** Deletes leases that ran out more than a day ago: each job firing leaves one behind. */
  public int purge() {
    return em.createNativeQuery(
            "delete from cluster_leases where expires_at < now() - interval '1 day'")
        .executeUpdate();
  }
}
