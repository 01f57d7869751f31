package app.confio.platform;

import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * Lets a scheduled job run on one member of the cluster only. A non-persistent timer fires on every
 * member at the same wall-clock moment; each asks for the firing's lease — named after the job and
 * the firing time rounded to the job's period, so clocks a few seconds apart agree — and only the
 * member that gets it does the work. The lease is a row in PostgreSQL ({@link Leases}), not a grid
 * entry: the two halves of a split cluster share the database, so a firing still runs once.
 */
@ApplicationScoped
public class OncePerCluster {

  @Resource(lookup = "payara/Hazelcast")
  HazelcastInstance hazelcast;

  @Inject Leases leases;

  /** True for the one member that should run {@code job}'s firing at {@code firedAt}. */
  public boolean claim(String job, Instant firedAt, Duration period) {
    var name = job + ":" + slot(firedAt, period);
    return leases.take(name, member(), period.multipliedBy(2));
  }

  /**
   * True for the one member that should run {@code job} now, when nobody has in the last {@code
   * every}: the lease is left to run out, not given back.
   */
  public boolean claimEvery(String job, Duration every) {
    return leases.take(job, member(), every);
  }

  /** This member's name in the leases: its data-grid member id. */
  public String member() {
    return hazelcast.getCluster().getLocalMember().getUuid().toString();
  }

  /** The firing's slot: its time rounded to the nearest multiple of {@code period}. */
  static long slot(Instant firedAt, Duration period) {
    return Math.round((double) firedAt.toEpochMilli() / period.toMillis());
  }
}
