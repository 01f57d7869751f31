package app.confio.backfill.control;

import app.confio.platform.Leases;
import app.confio.platform.OncePerCluster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One backfill at a time in the whole cluster: the run holds a lease in PostgreSQL ({@link
 * Leases}), renews it before every chunk and gives it back at the end. If its member dies, the
 * lease runs out and the next start resumes the run. The lease is in the database, not in the data
 * grid, so the two halves of a split cluster cannot both hold it; it must outlast the slowest
 * chunk, and the run's state in the database guards against the rest (a chunk whose run was taken
 * over is refused).
 */
@ApplicationScoped
public class BackfillClaim {

  static final String LEASE = "backfill-run";

  @Inject Leases leases;
  @Inject OncePerCluster cluster;

  @Inject
  @ConfigProperty(name = "confio.backfill.lease", defaultValue = "PT2M")
  Duration lease;

  /** A token when the caller now holds the claim; empty when a run holds it somewhere. */
  public Optional<String> take() {
    var token = cluster.member() + "/" + UUID.randomUUID();
    return leases.take(LEASE, token, lease) ? Optional.of(token) : Optional.empty();
  }

  /** Extends the lease; false when the claim was lost, and the run must stop. */
  public boolean renew(String token) {
    return leases.renew(LEASE, token, lease);
  }

  public void release(String token) {
    leases.release(LEASE, token);
  }

  /** Whether some member is running a backfill now. */
  public boolean held() {
    return leases.holder(LEASE).isPresent();
  }
}
