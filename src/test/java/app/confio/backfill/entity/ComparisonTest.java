package app.confio.backfill.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ComparisonTest {

  @Test
  void theDifferenceIsNewMinusOldInUsersAndPercentOfOld() {
    var cut = Comparison.Row.of("MAU", 30, 800, 812);
    assertEquals(12, cut.difference());
    assertEquals(1.5, cut.percent());
    assertEquals(-25.0, Comparison.Row.of("DAU", 1, 40, 30).percent());
  }

  @Test
  void noOldUsersHasNoPercent() {
    assertNull(Comparison.Row.of("DAU", 1, 0, 3).percent());
  }
}
