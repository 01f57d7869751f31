package app.confio.activity.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ActivityKindTest {

  @Test
  void everyKindCountsAsAppActive() {
    for (var kind : ActivityKind.values()) {
      assertTrue(kind.policies().contains(Policy.APP_ACTIVE), kind.name());
    }
  }

  @Test
  void onlyCommittedMoneyMovementCountsAsTransacting() {
    var transacting = EnumSet.noneOf(ActivityKind.class);
    for (var kind : ActivityKind.values()) {
      if (kind.transacting()) {
        transacting.add(kind);
      }
    }
    assertEquals(
        EnumSet.of(
            ActivityKind.SEND,
            ActivityKind.PAYMENT,
            ActivityKind.CONVERSION,
            ActivityKind.P2P_TRADE_COMPLETED,
            ActivityKind.BUSINESS_MONEY_OPERATION),
        transacting);
  }
}
