package app.confio.p2p.boundary;

import app.confio.money.entity.Currency;
import app.confio.p2p.entity.Offer;
import app.confio.p2p.entity.Side;
import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Offer")
public record OfferView(
    @Id @NonNull String id,
    @Id @NonNull String makerId,
    @NonNull Side side,
    @NonNull Currency currency,
    @NonNull String fiatCurrency,
    @NonNull BigDecimal price,
    @NonNull BigDecimal minAmount,
    @NonNull BigDecimal maxAmount,
    @NonNull BigDecimal available,
    @NonNull String status) {

  static OfferView of(Offer o) {
    return new OfferView(
        o.id().toString(),
        o.makerId().toString(),
        o.side(),
        o.currency(),
        o.fiatCurrency(),
        o.price(),
        o.minAmount(),
        o.maxAmount(),
        o.available(),
        o.status().name());
  }
}
