package app.confio.health;

import app.confio.platform.ClusterMembership;
import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when Payara's Hazelcast member runs and its cluster accepts work: the cooldown claims and
 * the sign-in throttle live there. Not ready, too, on the side of a split cluster that stands aside
 * ({@link ClusterMembership}). Status only, as for every probe; causes go to the log.
 */
@Readiness
@ApplicationScoped
public class DataGridHealth implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(DataGridHealth.class.getName());

  @Resource(lookup = "payara/Hazelcast")
  HazelcastInstance hazelcast;

  @Inject ClusterMembership membership;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("data-grid");
    try {
      if (!hazelcast.getLifecycleService().isRunning()) {
        return response.down().build();
      }
      var state = hazelcast.getCluster().getClusterState().name();
      return response.status("ACTIVE".equals(state) && !membership.standsAside()).build();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Readiness: the data grid does not answer", e);
      return response.down().build();
    }
  }
}
