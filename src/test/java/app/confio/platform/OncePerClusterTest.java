package app.confio.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class OncePerClusterTest {

  static long slot(String firedAt, Duration period) {
    return OncePerCluster.slot(OffsetDateTime.parse(firedAt).toInstant(), period);
  }

  @Test
  void membersFiringSecondsApartNameTheSameSlot() {
    var minute = Duration.ofMinutes(1);
    var early = slot("2026-11-24T03:29:58Z", minute);
    assertEquals(early, slot("2026-11-24T03:30:04.5+00:00", minute));
    assertEquals(early, slot("2026-11-23T23:30:01-04:00", minute));
    assertNotEquals(early, slot("2026-11-24T03:31:00Z", minute));
  }

  @Test
  void aPeriodsFiringsHaveOneSlotEach() {
    var quarter = Duration.ofMinutes(15);
    var firing = slot("2026-11-24T10:15:00Z", quarter);
    assertEquals(firing, slot("2026-11-24T10:14:57Z", quarter));
    assertEquals(firing, slot("2026-11-24T10:15:03Z", quarter));
    assertEquals(firing + 1, slot("2026-11-24T10:30:00Z", quarter));
    assertEquals(
        OncePerCluster.slot(Instant.EPOCH, quarter) + 1,
        OncePerCluster.slot(Instant.EPOCH.plus(quarter), quarter));
  }
}
