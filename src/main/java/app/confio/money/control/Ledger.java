package app.confio.money.control;

import app.confio.money.entity.Currency;
import app.confio.money.entity.Owner;
import app.confio.money.entity.Posting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The only code that changes a balance. {@link #post} locks the accounts it touches with {@code
 * SELECT ... FOR UPDATE} in ascending id order, computes the new balances and writes them: two
 * requests on the same account queue up instead of overdrawing it, and two transfers in opposite
 * directions cannot deadlock. The {@code balance >= 0} check in the schema is the last line.
 */
@ApplicationScoped
public class Ledger {

  @PersistenceContext EntityManager em;

  public void openPersonalAccounts(long userId) {
    open(new Owner.Person(userId));
  }

  public void openBusinessAccounts(long businessId) {
    open(new Owner.Business(businessId));
  }

  private void open(Owner owner) {
    for (var currency : Currency.values()) {
      em.createNativeQuery(
              "insert into accounts (" + owner.column() + ", currency) values (?1, ?2)")
          .setParameter(1, owner.id())
          .setParameter(2, currency.name())
          .executeUpdate();
    }
  }

  public long account(Owner owner, Currency currency) {
    List<?> ids =
        em.createNativeQuery(
                "select id from accounts where " + owner.column() + " = ?1 and currency = ?2")
            .setParameter(1, owner.id())
            .setParameter(2, currency.name())
            .getResultList();
    if (ids.isEmpty()) {
      throw new IllegalStateException(owner + " has no " + currency + " account");
    }
    return ((Number) ids.get(0)).longValue();
  }

  public Map<Currency, BigDecimal> balances(Owner owner) {
    var balances = new EnumMap<Currency, BigDecimal>(Currency.class);
    List<?> rows =
        em.createNativeQuery(
                "select currency, balance from accounts where "
                    + owner.column()
                    + " = ?1 order by currency")
            .setParameter(1, owner.id())
            .getResultList();
    for (var row : rows) {
      var columns = (Object[]) row;
      var currency = Currency.valueOf((String) columns[0]);
      balances.put(currency, ((BigDecimal) columns[1]).setScale(currency.scale()));
    }
    return balances;
  }

  public void post(Posting... postings) {
    var list = List.of(postings);
    var before = lock(list.stream().map(Posting::accountId).distinct().sorted().toList());
    var after = Posting.applyAll(before, list);
    after.forEach(
        (account, balance) -> {
          if (balance.compareTo(before.get(account)) != 0) {
            em.createNativeQuery("update accounts set balance = ?1 where id = ?2")
                .setParameter(1, balance)
                .setParameter(2, account)
                .executeUpdate();
          }
        });
  }

  private Map<Long, BigDecimal> lock(List<Long> accountIds) {
    var placeholders =
        IntStream.rangeClosed(1, accountIds.size())
            .mapToObj(i -> "?" + i)
            .collect(Collectors.joining(", ", "(", ")"));
    var query =
        em.createNativeQuery(
            "select id, balance from accounts where id in "
                + placeholders
                + " order by id for update");
    for (int i = 0; i < accountIds.size(); i++) {
      query.setParameter(i + 1, accountIds.get(i));
    }
    var balances = new LinkedHashMap<Long, BigDecimal>();
    for (var row : (List<?>) query.getResultList()) {
      var columns = (Object[]) row;
      balances.put(((Number) columns[0]).longValue(), (BigDecimal) columns[1]);
    }
    return Collections.unmodifiableMap(balances);
  }
}
