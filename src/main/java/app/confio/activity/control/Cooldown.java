package app.confio.activity.control;

import app.confio.activity.entity.Policy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.impl.proxy.NearCachedMapProxyImpl;
import com.hazelcast.spi.merge.PutIfAbsentMergePolicy;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cluster-wide claims, held in Payara's embedded Hazelcast. A user's claim for a policy lives for
 * one cooldown window; whoever wins it (one {@code putIfAbsent} with a TTL, atomic on the partition
 * owner) may write, everyone else in the cluster skips. A second set of claims, one per user,
 * policy and reporting day, gates the history row. A window remembers the reporting day it was
 * claimed on: a window that started before local midnight still holds after it, and the first touch
 * of the new day must still write that day's history row. Both maps keep a near cache, so a user in
 * cooldown costs a local lookup: no database access and no network hop.
 */
@ApplicationScoped
public class Cooldown {

  static final String WINDOWS = "confio-activity-window";
  static final String DAYS = "confio-activity-day";
  static final Duration DAY_CLAIM = Duration.ofHours(26);

  @Resource(lookup = "payara/Hazelcast")
  HazelcastInstance hazelcast;

  @Inject
  @ConfigProperty(name = "confio.activity.cooldown", defaultValue = "PT5M")
  Duration window;

  /** The reporting day (epoch day) each window was claimed on. */
  private IMap<Long, Long> windows;

  private IMap<String, Boolean> days;

  @PostConstruct
  void connect() {
    configure(WINDOWS, window);
    configure(DAYS, DAY_CLAIM);
    windows = hazelcast.getMap(WINDOWS);
    days = hazelcast.getMap(DAYS);
  }

  private void configure(String name, Duration ttl) {
    var nearCache =
        new NearCacheConfig(name)
            .setInMemoryFormat(InMemoryFormat.OBJECT)
            .setCacheLocalEntries(true)
            .setInvalidateOnChange(true)
            .setTimeToLiveSeconds((int) ttl.toSeconds());
    // After a split, either half's claim is a valid one: the merge keeps the surviving half's
    // entry and adds the other's where it has none (put-if-absent, Hazelcast's default, named).
    var merge = new MergePolicyConfig().setPolicy(PutIfAbsentMergePolicy.class.getName());
    hazelcast
        .getConfig()
        .addMapConfig(
            new MapConfig(name).setNearCacheConfig(nearCache).setMergePolicyConfig(merge));
  }

  /** What became of a claim of a window. */
  public enum Claim {
    /** This caller, alone in the cluster, may write the user's policy in this window. */
    WON,
    /** Someone holds the window, claimed on the same reporting day. */
    HELD,
    /** Someone holds the window, claimed on another reporting day: the day may be new. */
    HELD_SINCE_OTHER_DAY
  }

  /** Claims this user's policy for one window, for a touch on reporting day {@code day}. */
  public Claim claim(long userId, Policy policy, LocalDate day) {
    var key = windowKey(userId, policy);
    // Object, not Long: a member of an older version holds Boolean values in the same map.
    Object held = windows.get(key);
    if (held == null) {
      held = windows.putIfAbsent(key, day.toEpochDay(), window.toMillis(), TimeUnit.MILLISECONDS);
      if (held == null) {
        return Claim.WON;
      }
    }
    return Long.valueOf(day.toEpochDay()).equals(held) ? Claim.HELD : Claim.HELD_SINCE_OTHER_DAY;
  }

  /**
   * True when this member's near cache already shows the window held since {@code day}: the same
   * answer {@link #claim} would give, read without leaving the caller's thread. False means "ask
   * the grid", never "free". Reads the near cache through Hazelcast's map proxy, which is not
   * public API; where the proxy is another one, every claim asks the grid.
   */
  public boolean heldHere(long userId, Policy policy, LocalDate day) {
    if (!(windows instanceof NearCachedMapProxyImpl<Long, Long> cached)) {
      return false;
    }
    try {
      Object held = cached.getNearCache().get(windowKey(userId, policy));
      return Long.valueOf(day.toEpochDay()).equals(held);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Takes the claim whether or not someone holds it, starting a new window on {@code day}. */
  public void renew(long userId, Policy policy, LocalDate day) {
    windows.set(
        windowKey(userId, policy), day.toEpochDay(), window.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Gives a claim back after a failed write, so the user's next action tries again. */
  public void release(long userId, Policy policy) {
    windows.delete(windowKey(userId, policy));
  }

  /** True for the one caller in the cluster that may write this user's history row for the day. */
  public boolean claimDay(long userId, Policy policy, LocalDate day) {
    var key = dayKey(userId, policy, day);
    if (days.get(key) != null) {
      return false;
    }
    return days.putIfAbsent(key, Boolean.TRUE, DAY_CLAIM.toMillis(), TimeUnit.MILLISECONDS) == null;
  }

  public void releaseDay(long userId, Policy policy, LocalDate day) {
    days.delete(dayKey(userId, policy, day));
  }

  static long windowKey(long userId, Policy policy) {
    return userId << 1 | policy.ordinal();
  }

  static String dayKey(long userId, Policy policy, LocalDate day) {
    return userId + ":" + policy.ordinal() + ":" + day.toEpochDay();
  }
}
