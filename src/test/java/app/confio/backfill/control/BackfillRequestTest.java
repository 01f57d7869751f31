package app.confio.backfill.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.backfill.entity.Trigger;
import app.confio.platform.Days;
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

  @Test
  void aRequestParameterIsParsedOrRefusedClearly() {
    assertEquals(365, Days.parse(null, 365));
    assertEquals(7, Days.parse(" 7 ", 365));
    var refusal = assertThrows(InvalidInputException.class, () -> Days.parse("a week", 365));
    assertTrue(refusal.getMessage().contains("'a week'"), refusal.getMessage());
    assertEquals("INVALID_INPUT", refusal.code());
  }
}
