package app.confio.payments.boundary;

import app.confio.money.entity.Currency;
import app.confio.payments.entity.Payment;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Payment")
public record PaymentView(
    @Id @NonNull String id,
    @Id @NonNull String businessId,
    @NonNull Currency currency,
    @NonNull BigDecimal amount,
    String reference,
    @NonNull OffsetDateTime createdAt) {

  static PaymentView of(Payment payment) {
    return new PaymentView(
        payment.id().toString(),
        payment.businessId().toString(),
        payment.currency(),
        payment.amount(),
        payment.reference(),
        payment.createdAt());
  }
}
