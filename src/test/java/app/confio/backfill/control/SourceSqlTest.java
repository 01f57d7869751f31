package app.confio.backfill.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.activity.entity.Policy;
import org.junit.jupiter.api.Test;

class SourceSqlTest {

  static int parts(String sql) {
    return sql.split("union all").length;
  }

  @Test
  void appActiveReadsEveryPlaceActivityLeavesARow() {
    var cut = SourceSql.events(Policy.APP_ACTIVE, "%1$s >= ?1", null);
    assertEquals(SourceSql.SOURCES.size(), parts(cut));
    for (var table :
        new String[] {
          "login_events",
          "send_transactions",
          "payments",
          "conversions",
          "p2p_offers",
          "p2p_trade_events",
          "p2p_messages",
          "achievements_earned",
          "business_operations"
        }) {
      assertTrue(cut.contains("from " + table), table);
    }
  }

  @Test
  void transactingLeavesOutLoginsMessagesAndOtherSteps() {
    var cut = SourceSql.events(Policy.TRANSACTING, "%1$s >= ?1", null);
    assertEquals(6, parts(cut));
    assertFalse(cut.contains("login_events"));
    assertFalse(cut.contains("p2p_messages"));
    assertFalse(cut.contains("achievements_earned"));
    assertFalse(cut.contains("false as transacting"));
    assertTrue(cut.contains("kind = 'PAYOUT'"));
    assertTrue(cut.contains("t.buyer_id as user_id") && cut.contains("t.seller_id as user_id"));
  }

  @Test
  void everySourceLeavesOutWhatAStaffMemberDidForTheUser() {
    for (var policy : Policy.values()) {
      for (var part : SourceSql.events(policy, "%1$s >= ?1", null).split("union all")) {
        assertTrue(part.contains("acted_by is null"), part);
      }
    }
    var released = SourceSql.events(Policy.TRANSACTING, "%1$s >= ?1", null);
    assertTrue(released.contains("t.status = 'RELEASED' and t.acted_by is null"), released);
  }

  @Test
  void aChunkFiltersEachTableByItsActingUserAndTime() {
    var cut = SourceSql.eventsOfUsers();
    assertTrue(cut.contains("sender_id between ?1 and ?2"));
    assertTrue(cut.contains("t.seller_id between ?1 and ?2"));
    assertTrue(cut.contains("t.updated_at >= ?3 and t.buyer_id between ?1 and ?2"));
    assertFalse(cut.contains("recipient_id"), "receiving money is not activity");
  }
}
