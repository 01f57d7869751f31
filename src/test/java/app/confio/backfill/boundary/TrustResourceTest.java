package app.confio.backfill.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.confio.activity.entity.Policy;
import app.confio.platform.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustResourceTest {

  @Test
  void noPolicyMeansBoth() {
    assertEquals(List.of(Policy.APP_ACTIVE, Policy.TRANSACTING), TrustResource.policies(null));
    assertEquals(List.of(Policy.TRANSACTING), TrustResource.policies(" TRANSACTING "));
    var refusal = assertThrows(InvalidInputException.class, () -> TrustResource.policies("ALL"));
    assertEquals(
        "policy must be one of [APP_ACTIVE, TRANSACTING], not 'ALL'", refusal.getMessage());
  }

  @Test
  void samplesAreZeroToAHundred() {
    assertEquals(10, TrustResource.samples(null));
    assertEquals(0, TrustResource.samples("0"));
    assertEquals(100, TrustResource.samples("100"));
    assertThrows(InvalidInputException.class, () -> TrustResource.samples("101"));
    assertThrows(InvalidInputException.class, () -> TrustResource.samples("ten"));
  }
}
