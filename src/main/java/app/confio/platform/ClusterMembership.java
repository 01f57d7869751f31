package app.confio.platform;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Split-brain detection through the database. Every 5 seconds each member records its data grid's
 * view of the cluster in {@code cluster_members} and reads the others' records of the last 15
 * seconds. When a member of the same cluster name is alive in the database but missing from this
 * member's view, the grid is split (a partition, or a member that froze for longer than the grid's
 * heartbeat timeout and came back alone). Both halves go on serving the requests they get — every
 * write they make is safe to repeat, and once-per-cluster work is fenced by {@link Leases} — but
 * the half that loses by {@link ClusterViews} reports itself not ready, so a load balancer sends
 * every user to one half, where cooldowns and sign-in throttles are counted once. The grid merges
 * the halves by itself when they see each other again; then the member is ready again.
 *
 * <p>A member started without a way to find others ({@code --nocluster}) is a cluster of one by
 * design and checks nothing. {@code cluster_split} at {@code /metrics} is 1 while this member
 * stands aside.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterMembership {

  private static final Logger LOG = Logger.getLogger(ClusterMembership.class.getName());

  @Resource(lookup = "payara/Hazelcast")
  HazelcastInstance hazelcast;

  @Inject MembershipRows rows;
  @Inject MetricRegistry registry;

  private boolean clustered;
  private volatile Optional<ClusterViews.View> beatenBy = Optional.empty();
  private String viewShape;
  private java.util.Map<String, Long> lastSeen = java.util.Map.of();
  private Instant viewSince;

  @PostConstruct
  void start() {
    clustered = canFindOthers(hazelcast.getConfig().getNetworkConfig().getJoin());
    registry.gauge("cluster.split", () -> beatenBy.isPresent() ? 1 : 0);
    LOG.info(
        clustered
            ? "Split-brain detection on: members record their view of the cluster in the database"
            : "A member without discovery: no split-brain detection");
    if (clustered && !"false".equals(System.getProperty("hazelcast.shutdownhook.enabled"))) {
      LOG.warning(
          "hazelcast.shutdownhook.enabled is not false: on SIGTERM Hazelcast's own hook drops this"
              + " member from the data grid at once, without handing its partitions over; start"
              + " the JVM with -Dhazelcast.shutdownhook.enabled=false (the image does)");
    }
  }

  private static boolean canFindOthers(JoinConfig join) {
    return join.getMulticastConfig().isEnabled()
        || join.getTcpIpConfig().isEnabled()
        || join.getKubernetesConfig().isEnabled()
        || join.getDiscoveryConfig().isEnabled();
  }

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  void beat() {
    if (!clustered) {
      return;
    }
    try {
      var cluster = hazelcast.getCluster();
      Set<Member> members = cluster.getMembers();
      var view = members.iterator().next().getUuid().toString();
      var shape = view + "/" + members.size();
      if (!shape.equals(viewShape)) {
        viewShape = shape;
        viewSince = Instant.now();
      }
      var ours =
          new ClusterViews.Seen(
              cluster.getLocalMember().getUuid().toString(), view, members.size(), viewSince);
      var name = hazelcast.getConfig().getClusterName();
      var ids = members.stream().map(m -> m.getUuid().toString()).collect(Collectors.toSet());
      var alive = running(rows.beat(ours, name), ids);
      var beaten = ClusterViews.beatenBy(ours, ids, alive);
      if (beaten.isPresent() != beatenBy.isPresent()) {
        if (beaten.isPresent()) {
          LOG.warning(
              "The data grid is split: members of view "
                  + beaten.get().id()
                  + " are alive in the database but not in this member's cluster; that side ("
                  + beaten.get().size()
                  + " members) serves, this side ("
                  + ours.size()
                  + ") reports not ready until the grid merges");
        } else {
          LOG.info("The data grid is whole again: this member is ready");
        }
      }
      beatenBy = beaten;
    } catch (RuntimeException e) {
      // The database is away: its own readiness check says so; the last decision stands.
      LOG.log(Level.FINE, "Cluster view not recorded", e);
    }
  }

  /**
   * The records of members that are running: ours, and those whose record was written again since
   * this member's last look. A member killed without leaving keeps a fresh-looking record for a few
   * seconds; it never counts as the other half of a split.
   */
  private List<ClusterViews.Seen> running(List<MembershipRows.Row> rows, Set<String> ours) {
    var before = lastSeen;
    lastSeen =
        rows.stream()
            .collect(Collectors.toMap(row -> row.seen().member(), MembershipRows.Row::seenAt));
    return rows.stream()
        .filter(
            row ->
                ours.contains(row.seen().member())
                    || before.getOrDefault(row.seen().member(), Long.MAX_VALUE) < row.seenAt())
        .map(MembershipRows.Row::seen)
        .toList();
  }

  /** True while this member is on the losing side of a split and should receive no traffic. */
  public boolean standsAside() {
    return beatenBy.isPresent();
  }

  @PreDestroy
  void leave() {
    if (clustered) {
      try {
        rows.leave(hazelcast.getCluster().getLocalMember().getUuid().toString());
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Cluster view not removed; it ages out", e);
      }
    }
  }
}
