package app.confio.backfill.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ProgressTest {

  static final OffsetDateTime START = OffsetDateTime.parse("2026-11-24T03:30:00Z");

  BackfillRun cut = new BackfillRun(Trigger.SCHEDULED, 2, START, 101, 1100);

  @Test
  void aFreshRunHasNoEstimateYet() {
    var progress = Progress.of(cut, START.plusSeconds(1), true);
    assertEquals("RUNNING", progress.status());
    assertEquals(0.0, progress.percent());
    assertNull(progress.remainingSeconds());
    assertEquals(START.minusDays(2), progress.since());
  }

  @Test
  void percentAndEstimateFollowTheUserIdsDone() throws Exception {
    setDone(350); // 250 of 1,000 ids in 10 s: 750 left take 30 s
    var progress = Progress.of(cut, START.plusSeconds(10), true);
    assertEquals(25.0, progress.percent());
    assertEquals(30L, progress.remainingSeconds());
    assertEquals(10, progress.elapsedSeconds());
  }

  @Test
  void aRunNobodyWorksOnIsInterrupted() {
    assertEquals("INTERRUPTED", Progress.of(cut, START, false).status());
  }

  @Test
  void aResumedRunEstimatesFromItsOwnPaceNotTheTimeItWasDown() throws Exception {
    setDone(600);
    cut.resume(START.plusHours(5));
    setDone(700); // 100 ids in 20 s since the resume: 400 left take 80 s
    var progress = Progress.of(cut, START.plusHours(5).plusSeconds(20), true);
    assertEquals(80L, progress.remainingSeconds());
    assertEquals(1, progress.resumes());
  }

  @Test
  void noUsersAtAllIsDoneAtOnce() {
    var empty = new BackfillRun(Trigger.ON_DEMAND, 365, START, 1, 0);
    assertEquals(100.0, Progress.of(empty, START, true).percent());
    assertEquals(0L, Progress.of(empty, START, true).remainingSeconds());
  }

  private void setDone(long userId) throws Exception {
    var field = BackfillRun.class.getDeclaredField("doneUserId");
    field.setAccessible(true);
    field.set(cut, userId);
  }
}
