package app.confio.health;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The tracking validations' summaries, in {@code tracking_checks}: the last week of them. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TrackingChecks {

  @PersistenceContext EntityManager em;

  public void keep(OffsetDateTime checkedAt, String summary) {
    em.createNativeQuery(
            "insert into tracking_checks (checked_at, summary) values (?1, ?2)"
                + " on conflict (checked_at) do update set summary = excluded.summary")
        .setParameter(1, checkedAt)
        .setParameter(2, summary)
        .executeUpdate();
    em.createNativeQuery("delete from tracking_checks where checked_at < now() - interval '7 days'")
        .executeUpdate();
  }

  public Optional<String> last() {
    return em.createNativeQuery(
            "select summary from tracking_checks order by checked_at desc limit 1")
        .getResultStream()
        .map(String.class::cast)
        .findFirst();
  }
}
