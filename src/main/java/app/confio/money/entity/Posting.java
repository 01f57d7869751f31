package app.confio.money.entity;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One change to one account: a debit when {@code delta} is negative, a credit otherwise. */
public record Posting(long accountId, Currency currency, BigDecimal delta) {

  public static Posting debit(long accountId, Amount amount) {
    return new Posting(accountId, amount.currency(), amount.value().negate());
  }

  public static Posting credit(long accountId, Amount amount) {
    return new Posting(accountId, amount.currency(), amount.value());
  }

  /**
   * The balances after all postings, in order. A posting that would take a balance below zero
   * refuses the whole set: money either all moves or none does.
   */
  public static Map<Long, BigDecimal> applyAll(
      Map<Long, BigDecimal> balances, List<Posting> postings) {
    var after = new HashMap<>(balances);
    for (var posting : postings) {
      var current = after.get(posting.accountId());
      if (current == null) {
        throw new IllegalArgumentException("No balance for account " + posting.accountId());
      }
      var next = current.add(posting.delta());
      if (next.signum() < 0) {
        throw new InsufficientFundsException(posting.currency());
      }
      after.put(posting.accountId(), next);
    }
    return after;
  }
}
