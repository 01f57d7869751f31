package app.confio.money.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostingTest {

  static Amount cusd(String value) {
    return Amount.of(Currency.CUSD, new BigDecimal(value));
  }

  @Test
  void aTransferMovesTheAmountFromOneBalanceToTheOther() {
    var after =
        Posting.applyAll(
            Map.of(1L, new BigDecimal("10.00"), 2L, new BigDecimal("0.50")),
            List.of(Posting.debit(1L, cusd("3.25")), Posting.credit(2L, cusd("3.25"))));
    assertEquals(new BigDecimal("6.75"), after.get(1L));
    assertEquals(new BigDecimal("3.75"), after.get(2L));
  }

  @Test
  void aBalanceMayReachZeroButNotBelow() {
    var balances = Map.of(1L, new BigDecimal("5.00"), 2L, BigDecimal.ZERO);
    assertEquals(
        0, Posting.applyAll(balances, List.of(Posting.debit(1L, cusd("5")))).get(1L).signum());
    assertThrows(
        InsufficientFundsException.class,
        () -> Posting.applyAll(balances, List.of(Posting.debit(1L, cusd("5.01")))));
  }

  @Test
  void postingsApplyInOrderSoACreditCanFundALaterDebit() {
    var balances = Map.of(1L, BigDecimal.ZERO);
    var after =
        Posting.applyAll(
            balances, List.of(Posting.credit(1L, cusd("2")), Posting.debit(1L, cusd("2"))));
    assertEquals(0, after.get(1L).signum());
    assertThrows(
        InsufficientFundsException.class,
        () ->
            Posting.applyAll(
                balances, List.of(Posting.debit(1L, cusd("2")), Posting.credit(1L, cusd("2")))));
  }

  @Test
  void theInputIsLeftUntouched() {
    var balances = new java.util.HashMap<>(Map.of(1L, new BigDecimal("1.00")));
    Posting.applyAll(balances, List.of(Posting.debit(1L, cusd("1"))));
    assertEquals(new BigDecimal("1.00"), balances.get(1L));
  }
}
