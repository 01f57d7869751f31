package app.confio.payments.boundary;

import app.confio.money.entity.Currency;
import app.confio.payments.entity.SendTransaction;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

public record Transfer(
    @Id @NonNull String id,
    @NonNull Currency currency,
    @NonNull BigDecimal amount,
    String note,
    @NonNull OffsetDateTime createdAt) {

  static Transfer of(SendTransaction sent) {
    return new Transfer(
        sent.id().toString(), sent.currency(), sent.amount(), sent.note(), sent.createdAt());
  }
}
