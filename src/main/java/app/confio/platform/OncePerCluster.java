package app.confio.platform;

import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Lets a scheduled job run on one member of the cluster only. A non-persistent timer fires on every
 * member at the same wall-clock moment; each asks for the firing's slot (the firing time rounded to
 * the job's period, so clocks a few seconds apart agree) with an atomic {@code putIfAbsent} in the
 * data grid, and only the member that wins does the work. A member alone in its cluster always
 * wins.
 */
@ApplicationScoped
public class OncePerCluster {

  static final String CLAIMS = "confio-job-claims";

  @Resource(lookup = "payara/Hazelcast")
  HazelcastInstance hazelcast;

  private com.hazelcast.map.IMap<String, String> claims;

  @PostConstruct
  void connect() {
    claims = hazelcast.getMap(CLAIMS);
  }

  /** True for the one member that should run {@code job}'s firing at {@code firedAt}. */
  public boolean claim(String job, Instant firedAt, Duration period) {
    var key = job + ":" + slot(firedAt, period);
    var member = hazelcast.getCluster().getLocalMember().getUuid().toString();
    var ttl = period.multipliedBy(2).toMillis();
    return claims.putIfAbsent(key, member, ttl, TimeUnit.MILLISECONDS) == null;
  }

  /** The firing's slot: its time rounded to the nearest multiple of {@code period}. */
  static long slot(Instant firedAt, Duration period) {
    return Math.round((double) firedAt.toEpochMilli() / period.toMillis());
  }
}
