package app.confio.payments.boundary;

import app.confio.money.entity.Amount;
import app.confio.money.entity.Currency;
import app.confio.payments.control.Payments;
import app.confio.platform.IdempotencyKey;
import app.confio.platform.Idempotent;
import app.confio.platform.Ids;
import app.confio.users.boundary.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** Sending money, paying businesses and converting currencies. */
@GraphQLApi
@RequestScoped
public class PaymentsGraphQL {

  @Inject Caller caller;
  @Inject Payments payments;

  @Mutation
  @Idempotent
  @Transactional
  @Description("Sends money to another Confío user, found by phone number.")
  public @NonNull Transfer sendMoney(
      @NonNull String recipientPhone,
      @NonNull Currency currency,
      @NonNull BigDecimal amount,
      String note,
      @Name(IdempotencyKey.NAME) @Description(IdempotencyKey.DESCRIPTION) @IdempotencyKey
          String idempotencyKey) {
    return Transfer.of(
        payments.send(caller.id(), recipientPhone, Amount.of(currency, amount), note));
  }

  @Mutation
  @Idempotent
  @Transactional
  @Description("Pays a business from the caller's balance.")
  public @NonNull PaymentView payBusiness(
      @NonNull @Id String businessId,
      @NonNull Currency currency,
      @NonNull BigDecimal amount,
      String reference,
      @Name(IdempotencyKey.NAME) @Description(IdempotencyKey.DESCRIPTION) @IdempotencyKey
          String idempotencyKey) {
    return PaymentView.of(
        payments.pay(
            caller.id(),
            Ids.parse(businessId, "business"),
            Amount.of(currency, amount),
            reference));
  }

  @Mutation
  @Idempotent
  @Transactional
  @Description("Converts part of one balance into another currency at the current rate.")
  public @NonNull ConversionView convert(
      @NonNull Currency from,
      @NonNull Currency to,
      @NonNull BigDecimal amount,
      @Name(IdempotencyKey.NAME) @Description(IdempotencyKey.DESCRIPTION) @IdempotencyKey
          String idempotencyKey) {
    return ConversionView.of(payments.convert(caller.id(), Amount.of(from, amount), to));
  }
}
