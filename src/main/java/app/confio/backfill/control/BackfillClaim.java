package app.confio.backfill.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One backfill at a time in the whole cluster: the run holds a claim in Payara's Hazelcast (one
 * atomic {@code putIfAbsent} with a lease), renews it after every chunk and gives it back at the
 * end. If its member dies, the lease runs out and the next start resumes the run. The lease must
 * outlast the slowest chunk; the run's state in the database guards against the rest.
 */
@ApplicationScoped
public class BackfillClaim {

  static final String MAP = "confio-backfill";
  static final String RUN = "run";

  @Resource(lookup = "payara/Hazelcast")
  HazelcastInstance hazelcast;

  @Inject
  @ConfigProperty(name = "confio.backfill.lease", defaultValue = "PT2M")
  Duration lease;

  private IMap<String, String> claims;

  @PostConstruct
  void connect() {
    claims = hazelcast.getMap(MAP);
  }

  /** A token when the caller now holds the claim; empty when a run holds it somewhere. */
  public Optional<String> take() {
    var token = hazelcast.getCluster().getLocalMember().getUuid() + "/" + UUID.randomUUID();
    var holder = claims.putIfAbsent(RUN, token, lease.toMillis(), TimeUnit.MILLISECONDS);
    return holder == null ? Optional.of(token) : Optional.empty();
  }

  /** Extends the lease; false when the claim was lost, and the run must stop. */
  public boolean renew(String token) {
    return token.equals(claims.get(RUN))
        && claims.setTtl(RUN, lease.toMillis(), TimeUnit.MILLISECONDS);
  }

  public void release(String token) {
    claims.remove(RUN, token);
  }

  /** Whether some member is running a backfill now. */
  public boolean held() {
    return claims.containsKey(RUN);
  }
}
