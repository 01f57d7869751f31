package app.confio.platform;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The members' records of their cluster views, {@code cluster_members}: see ClusterMembership. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MembershipRows {

  /** A record older than this is of a member that stopped, froze or lost the database. */
  static final String ALIVE = "15 seconds";

  @PersistenceContext EntityManager em;

  /** A member's record and when it was last written (epoch milliseconds, the database's clock). */
  public record Row(ClusterViews.Seen seen, long seenAt) {}

  /** Records {@code ours} and answers every record alive under {@code clusterName}, ours too. */
  public List<Row> beat(ClusterViews.Seen ours, String clusterName) {
    em.createNativeQuery(
            "insert into cluster_members"
                + " (member, cluster_name, view, view_size, view_since, seen_at)"
                + " values (?1, ?2, ?3, ?4, ?5, now()) on conflict (member) do update set"
                + " cluster_name = excluded.cluster_name, view = excluded.view,"
                + " view_size = excluded.view_size, view_since = excluded.view_since,"
                + " seen_at = excluded.seen_at")
        .setParameter(1, ours.member())
        .setParameter(2, clusterName)
        .setParameter(3, ours.view())
        .setParameter(4, ours.size())
        .setParameter(5, java.time.OffsetDateTime.ofInstant(ours.since(), java.time.ZoneOffset.UTC))
        .executeUpdate();
    em.createNativeQuery("delete from cluster_members where seen_at < now() - interval '1 day'")
        .executeUpdate();
    @SuppressWarnings("unchecked")
    List<Object[]> alive =
        em.createNativeQuery(
                "select member, view, view_size, (extract(epoch from view_since) * 1000)::bigint,"
                    + " (extract(epoch from seen_at) * 1000)::bigint"
                    + " from cluster_members where cluster_name = ?1"
                    + " and seen_at > now() - interval '"
                    + ALIVE
                    + "'")
            .setParameter(1, clusterName)
            .getResultList();
    return alive.stream()
        .map(
            r ->
                new Row(
                    new ClusterViews.Seen(
                        (String) r[0],
                        (String) r[1],
                        ((Number) r[2]).intValue(),
                        java.time.Instant.ofEpochMilli(((Number) r[3]).longValue())),
                    ((Number) r[4]).longValue()))
        .toList();
  }

  public void leave(String member) {
    em.createNativeQuery("delete from cluster_members where member = ?1")
        .setParameter(1, member)
        .executeUpdate();
  }
}
