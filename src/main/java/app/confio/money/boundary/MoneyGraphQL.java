package app.confio.money.boundary;

import app.confio.money.control.Deposits;
import app.confio.money.control.Ledger;
import app.confio.money.control.Statement;
import app.confio.money.entity.Amount;
import app.confio.money.entity.Currency;
import app.confio.money.entity.Owner;
import app.confio.platform.IdempotencyKey;
import app.confio.platform.Idempotent;
import app.confio.users.boundary.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The caller's balances and statement, and deposits where the server allows them. */
@GraphQLApi
@RequestScoped
public class MoneyGraphQL {

  @Inject Caller caller;
  @Inject Ledger ledger;
  @Inject Deposits deposits;
  @Inject Statement statement;

  @Query
  @Description("The caller's balance in every currency.")
  public @NonNull List<@NonNull BalanceView> balances() {
    return BalanceView.of(ledger.balances(new Owner.Person(caller.id())));
  }

  @Query
  @Description("The caller's money movements, newest first; page counts from 0.")
  public @NonNull StatementPage transactions(
      @DefaultValue("0") int page, @DefaultValue("20") int size) {
    return StatementPage.of(statement.of(caller.id(), page, size));
  }

  @Mutation
  @Idempotent
  @Transactional
  @Description("Credits money that arrived from outside Confío (only where the server allows it).")
  public @NonNull BalanceView deposit(
      @NonNull Currency currency,
      @NonNull BigDecimal amount,
      @Name(IdempotencyKey.NAME) @Description(IdempotencyKey.DESCRIPTION) @IdempotencyKey
          String idempotencyKey) {
    long userId = caller.id();
    deposits.deposit(userId, Amount.of(currency, amount));
    return new BalanceView(currency, ledger.balances(new Owner.Person(userId)).get(currency));
  }
}
