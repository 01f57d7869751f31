package app.confio.payments.boundary;

import app.confio.money.entity.Currency;
import app.confio.payments.entity.Conversion;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Conversion")
public record ConversionView(
    @Id @NonNull String id,
    @NonNull Currency from,
    @NonNull BigDecimal amountIn,
    @NonNull Currency to,
    @NonNull BigDecimal amountOut,
    @NonNull BigDecimal rate,
    @NonNull OffsetDateTime createdAt) {

  static ConversionView of(Conversion c) {
    return new ConversionView(
        c.id().toString(),
        c.in().currency(),
        c.in().value(),
        c.out().currency(),
        c.out().value(),
        c.rate(),
        c.createdAt());
  }
}
