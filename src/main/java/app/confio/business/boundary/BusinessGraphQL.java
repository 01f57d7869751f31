package app.confio.business.boundary;

import app.confio.activity.boundary.TrackedAs;
import app.confio.activity.entity.ActivityKind;
import app.confio.business.control.Businesses;
import app.confio.business.entity.Role;
import app.confio.money.boundary.BalanceView;
import app.confio.money.control.Ledger;
import app.confio.money.entity.Amount;
import app.confio.money.entity.Currency;
import app.confio.money.entity.Owner;
import app.confio.platform.IdempotencyKey;
import app.confio.platform.Idempotent;
import app.confio.platform.Ids;
import app.confio.users.boundary.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** Businesses the caller works for, and what they do on a business's behalf. */
@GraphQLApi
@RequestScoped
public class BusinessGraphQL {

  @Inject Caller caller;
  @Inject Businesses businesses;
  @Inject Ledger ledger;

  @Name("Business")
  public record BusinessView(
      @Id @NonNull String id,
      @NonNull String name,
      @NonNull Role myRole,
      @NonNull OffsetDateTime createdAt) {}

  @Name("BusinessOperation")
  public record OperationView(
      @Id @NonNull String id,
      @Id @NonNull String businessId,
      @NonNull String kind,
      Currency currency,
      BigDecimal amount,
      @NonNull OffsetDateTime createdAt) {}

  @Query
  @Description("The businesses the caller works for, with the caller's role.")
  public @NonNull List<@NonNull BusinessView> myBusinesses() {
    return businesses.employmentsOf(caller.id()).stream()
        .map(e -> view(e.businessId(), e.role()))
        .toList();
  }

  @Description("The business's balances; only its owner and managers see them.")
  public List<@NonNull BalanceView> balances(@Source BusinessView business) {
    if (!business.myRole().managesMoney()) {
      return null;
    }
    return BalanceView.of(ledger.balances(new Owner.Business(Long.parseLong(business.id()))));
  }

  @Mutation
  @Transactional
  @Description("Creates a business owned by the caller, with its own balances.")
  @TrackedAs(ActivityKind.BUSINESS_OPERATION)
  public @NonNull BusinessView createBusiness(@NonNull String name) {
    return view(businesses.create(caller.id(), name).id(), Role.OWNER);
  }

  @Mutation
  @Transactional
  @Description("Adds a Confío user, by phone number, as a MANAGER or CASHIER of the business.")
  @TrackedAs(ActivityKind.BUSINESS_OPERATION)
  public @NonNull BusinessView addEmployee(
      @NonNull @Id String businessId, @NonNull String phone, @NonNull Role role) {
    long id = Ids.parse(businessId, "business");
    businesses.addEmployee(caller.id(), id, phone, role);
    return view(id, myRole(id));
  }

  @Mutation
  @Idempotent
  @Transactional
  @Description("Pays money out of the business's balance to a Confío user (owner or manager only).")
  @TrackedAs(ActivityKind.BUSINESS_OPERATION)
  public @NonNull OperationView businessPayout(
      @NonNull @Id String businessId,
      @NonNull String recipientPhone,
      @NonNull Currency currency,
      @NonNull BigDecimal amount,
      @Name(IdempotencyKey.NAME) @Description(IdempotencyKey.DESCRIPTION) @IdempotencyKey
          String idempotencyKey) {
    var op =
        businesses.payout(
            caller.id(),
            Ids.parse(businessId, "business"),
            recipientPhone,
            Amount.of(currency, amount));
    return new OperationView(
        op.id().toString(),
        op.businessId().toString(),
        op.kind().name(),
        op.currency(),
        op.amount(),
        op.createdAt());
  }

  private Role myRole(long businessId) {
    return businesses.employmentsOf(caller.id()).stream()
        .filter(e -> e.businessId() == businessId)
        .findFirst()
        .orElseThrow()
        .role();
  }

  private BusinessView view(long businessId, Role role) {
    var business = businesses.business(businessId);
    return new BusinessView(business.id().toString(), business.name(), role, business.createdAt());
  }
}
