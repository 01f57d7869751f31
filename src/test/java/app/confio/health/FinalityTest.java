package app.confio.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The freshness promise judged: met, pending, missed, and late. */
class FinalityTest {

  static final LocalDate DAY = LocalDate.parse("2026-11-30");
  static final Instant BY = Instant.parse("2026-12-01T09:00:00Z");

  static Finality at(String repairedAt, long snapshots, String now) {
    return Finality.of(
        DAY,
        BY,
        repairedAt == null ? null : Instant.parse(repairedAt),
        snapshots,
        Instant.parse(now));
  }

  @Test
  void aRepairBeforeThePromisedTimeMeetsIt() {
    var cut = at("2026-12-01T06:31:00Z", 2, "2026-12-01T07:00:00Z");
    assertEquals(Finality.MET, cut.state());
    assertEquals(Instant.parse("2026-12-01T06:31:00Z"), cut.finalAt());
    assertEquals(Finality.MET, at("2026-12-01T09:00:00Z", 2, "2026-12-02T00:00:00Z").state());
  }

  @Test
  void untilThePromisedTimeTheDayIsPending() {
    assertEquals(Finality.PENDING, at(null, 2, "2026-12-01T08:59:59Z").state());
    assertEquals(Finality.PENDING, at(null, 0, "2026-12-01T09:00:00Z").state());
  }

  @Test
  void noRepairOrNoSnapshotByThenMissesIt() {
    assertEquals(Finality.MISSED, at(null, 2, "2026-12-01T09:00:01Z").state());
    var withoutSnapshots = at("2026-12-01T06:31:00Z", 1, "2026-12-01T09:00:01Z");
    assertEquals(Finality.MISSED, withoutSnapshots.state());
    assertNull(withoutSnapshots.finalAt());
  }

  @Test
  void aLateRepairStillMissedIt() {
    var late = at("2026-12-01T09:00:01Z", 2, "2026-12-01T10:00:00Z");
    assertEquals(Finality.MISSED, late.state());
    assertEquals(Instant.parse("2026-12-01T09:00:01Z"), late.finalAt());
  }
}
