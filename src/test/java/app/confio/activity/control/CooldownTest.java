package app.confio.activity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.activity.entity.Policy;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The claims on a real, lone Hazelcast member. {@link Cooldown#heldHere} reads the near cache
 * through a proxy that is not Hazelcast's public API: if an upgrade changes it, this fails, rather
 * than every touch silently asking the grid.
 */
class CooldownTest {

  static HazelcastInstance member;
  static Cooldown cooldown = new Cooldown();
  static final LocalDate DAY = LocalDate.of(2026, 12, 1);

  @BeforeAll
  static void start() {
    var config = new Config().setClusterName("cooldown-test-" + ProcessHandle.current().pid());
    config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    member = Hazelcast.newHazelcastInstance(config);
    cooldown.hazelcast = member;
    cooldown.window = Duration.ofMinutes(5);
    cooldown.connect();
  }

  @AfterAll
  static void stop() {
    member.shutdown();
  }

  @Test
  void aWindowThisMemberHasSeenHeldIsKnownHereForItsDayOnly() {
    assertFalse(cooldown.heldHere(1, Policy.APP_ACTIVE, DAY), "nobody claimed it yet");
    assertEquals(Cooldown.Claim.WON, cooldown.claim(1, Policy.APP_ACTIVE, DAY));
    // The winner's own put does not fill the near cache; the first look does.
    assertEquals(Cooldown.Claim.HELD, cooldown.claim(1, Policy.APP_ACTIVE, DAY));
    assertTrue(cooldown.heldHere(1, Policy.APP_ACTIVE, DAY));
    assertFalse(cooldown.heldHere(1, Policy.APP_ACTIVE, DAY.plusDays(1)), "a new day asks");
    assertFalse(cooldown.heldHere(1, Policy.TRANSACTING, DAY), "another policy's window");
    assertFalse(cooldown.heldHere(2, Policy.APP_ACTIVE, DAY), "another user's window");
  }

  @Test
  void aWindowGivenBackIsNoLongerKnownHere() {
    assertEquals(Cooldown.Claim.WON, cooldown.claim(7, Policy.TRANSACTING, DAY));
    assertEquals(Cooldown.Claim.HELD, cooldown.claim(7, Policy.TRANSACTING, DAY));
    assertTrue(cooldown.heldHere(7, Policy.TRANSACTING, DAY));
    cooldown.release(7, Policy.TRANSACTING);
    assertFalse(cooldown.heldHere(7, Policy.TRANSACTING, DAY));
    assertEquals(Cooldown.Claim.WON, cooldown.claim(7, Policy.TRANSACTING, DAY));
  }
}
