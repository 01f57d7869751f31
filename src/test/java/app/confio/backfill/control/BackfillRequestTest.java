package app.confio.backfill.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.confio.backfill.entity.Trigger;
import app.confio.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class BackfillRequestTest {

  @Test
  void daysRunFromOneToTenYears() {
    assertEquals(1, BackfillRequest.of(1, Trigger.ON_DEMAND, 10).days());
    assertEquals(3650, BackfillRequest.of(3650, Trigger.ON_DEMAND, 10).days());
    var refusal =
        assertThrows(
            InvalidInputException.class, () -> BackfillRequest.of(0, Trigger.ON_DEMAND, 10));
    assertEquals("days must be between 1 and 3650, not 0", refusal.getMessage());
    assertThrows(
        InvalidInputException.class, () -> BackfillRequest.of(3651, Trigger.SCHEDULED, 10));
  }

  @Test
  void aChunkHoldsAtLeastOneUser() {
    assertThrows(InvalidInputException.class, () -> BackfillRequest.of(2, Trigger.ON_DEMAND, 0));
    assertThrows(
        InvalidInputException.class, () -> new BackfillRequest(2, Trigger.ON_DEMAND, 10, 0));
  }
}
