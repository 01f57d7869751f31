package app.confio.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AttemptsTest {

  static final long T0 = 1_000_000;
  static final Attempts.Limits LIMITS =
      new Attempts.Limits(6, 3, Duration.ofSeconds(1), Duration.ofMinutes(15));

  Attempts cut = Attempts.NONE;

  void attemptAt(long now) {
    cut = cut.plusOneAt(now, LIMITS);
  }

  @Test
  void theFreeAttemptsGoAheadAtOnce() {
    for (var i = 0; i < 3; i++) {
      assertEquals(0, cut.waitAt(T0, LIMITS), "attempt " + (i + 1));
      attemptAt(T0);
    }
    assertEquals(1000, cut.waitAt(T0, LIMITS), "the fourth waits a second");
  }

  @Test
  void eachFurtherAttemptWaitsTwiceAsLongFromTheLastOne() {
    for (var i = 0; i < 3; i++) {
      attemptAt(T0);
    }
    attemptAt(T0 + 1000);
    assertEquals(2000, cut.waitAt(T0 + 1000, LIMITS));
    assertEquals(500, cut.waitAt(T0 + 2500, LIMITS));
    attemptAt(T0 + 3000);
    assertEquals(4000, cut.waitAt(T0 + 3000, LIMITS));
    assertFalse(cut.lockedAt(T0 + 3000, LIMITS));
  }

  @Test
  void theLimitLocksTheKeyOutForTheLockoutFromTheAttemptThatReachedIt() {
    var at = T0;
    for (var i = 0; i < 6; i++) {
      at += 60_000;
      attemptAt(at);
    }
    assertTrue(cut.lockedAt(at, LIMITS));
    assertEquals(Duration.ofMinutes(15).toMillis(), cut.waitAt(at, LIMITS));
    assertTrue(cut.lockedAt(at + Duration.ofMinutes(15).toMillis() - 1, LIMITS));
    assertFalse(cut.lockedAt(at + Duration.ofMinutes(15).toMillis(), LIMITS));
    assertEquals(0, cut.waitAt(at + Duration.ofMinutes(15).toMillis(), LIMITS));
  }

  @Test
  void aCountEndsWithItsWindowAndTheNextAttemptStartsAfresh() {
    for (var i = 0; i < 4; i++) {
      attemptAt(T0);
    }
    var later = T0 + Duration.ofMinutes(15).toMillis();
    assertEquals(0, cut.waitAt(later, LIMITS));
    attemptAt(later);
    assertEquals(1, cut.count());
    assertEquals(later + Duration.ofMinutes(15).toMillis(), cut.until());
  }

  @Test
  void theBackOffNeverOutlastsTheWindowNorOverflows() {
    var limits = new Attempts.Limits(1000, 1, Duration.ofSeconds(1), Duration.ofMinutes(15));
    for (var i = 0; i < 200; i++) {
      cut = cut.plusOneAt(T0, limits);
    }
    assertEquals(Duration.ofMinutes(15).toMillis(), cut.waitAt(T0, limits));
    assertEquals(1, cut.waitAt(cut.until() - 1, limits));
  }

  @Test
  void withoutFreeAttemptsBelowTheLimitNothingWaits() {
    var admin = new Attempts.Limits(5, 5, Duration.ZERO, Duration.ofMinutes(15));
    for (var i = 0; i < 4; i++) {
      cut = cut.plusOneAt(T0, admin);
      assertEquals(0, cut.waitAt(T0, admin));
    }
    cut = cut.plusOneAt(T0, admin);
    assertTrue(cut.lockedAt(T0, admin));
  }

  @Test
  void theBackOffRunsFromWhenTheFailureWasKnown() {
    for (var i = 0; i < 3; i++) {
      attemptAt(T0);
    }
    cut = cut.failedAt(T0 + 700);
    assertEquals(1000, cut.waitAt(T0 + 700, LIMITS));
    assertEquals(T0 + 700, cut.failedAt(T0 + 100).lastAt(), "never earlier than it was");
  }

  @Test
  void aForgivenAttemptNoLongerCounts() {
    for (var i = 0; i < 3; i++) {
      attemptAt(T0);
    }
    cut = cut.minusOne();
    assertEquals(0, cut.waitAt(T0, LIMITS));
    assertEquals(0, Attempts.NONE.minusOne().count());
  }

  @Test
  void itTravelsAsText() {
    attemptAt(T0);
    assertEquals(cut, Attempts.parse(cut.toString()));
    assertEquals(Attempts.NONE, Attempts.parse(null));
  }

  @Test
  void limitsMustMakeSense() {
    var second = Duration.ofSeconds(1);
    assertThrows(IllegalArgumentException.class, () -> new Attempts.Limits(0, 0, second, second));
    assertThrows(
        IllegalArgumentException.class, () -> new Attempts.Limits(1, 0, second, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class, () -> new Attempts.Limits(1, 0, second.negated(), second));
  }
}
