package app.confio.metrics.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ShareTest {

  @Test
  void aShareHasTwoDecimalsRoundedHalfUp() {
    assertEquals(new BigDecimal("33.33"), Share.percent(1, 3));
    assertEquals(new BigDecimal("66.67"), Share.percent(2, 3));
    assertEquals(new BigDecimal("0.01"), Share.percent(1, 10_000)); // 0.01 exactly
    assertEquals(new BigDecimal("0.01"), Share.percent(1, 19_999)); // 0.005000.. rounds up
    assertEquals(new BigDecimal("100.00"), Share.percent(7, 7));
  }

  @Test
  void aShareOfNobodyIsZeroNotAnError() {
    assertEquals(new BigDecimal("0.00"), Share.percent(0, 0));
  }

  @Test
  void aChangeIsRelativeToTheEarlierValue() {
    assertEquals(new BigDecimal("50.00"), Share.change(150, 100));
    assertEquals(new BigDecimal("-25.00"), Share.change(75, 100));
    assertNull(Share.change(10, 0));
  }
}
