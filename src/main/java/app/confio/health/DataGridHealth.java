package app.confio.health;

import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when Payara's Hazelcast member runs and its cluster accepts work: the cooldown claims and
 * the once-per-cluster jobs live there. Reports the members this one sees.
 */
@Readiness
@ApplicationScoped
public class DataGridHealth implements HealthCheck {

  @Resource(lookup = "payara/Hazelcast")
  HazelcastInstance hazelcast;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("data-grid");
    try {
      if (!hazelcast.getLifecycleService().isRunning()) {
        return response.down().withData("state", "not running").build();
      }
      var cluster = hazelcast.getCluster();
      var state = cluster.getClusterState().name();
      return response
          .status("ACTIVE".equals(state))
          .withData("state", state)
          .withData("members", cluster.getMembers().size())
          .build();
    } catch (RuntimeException e) {
      return response.down().withData("error", String.valueOf(e.getMessage())).build();
    }
  }
}
