package app.confio.p2p.boundary;

import app.confio.money.entity.Currency;
import app.confio.p2p.entity.Trade;
import app.confio.p2p.entity.TradeStatus;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Trade")
public record TradeView(
    @Id @NonNull String id,
    @Id @NonNull String offerId,
    @Id @NonNull String buyerId,
    @Id @NonNull String sellerId,
    @NonNull Currency currency,
    @NonNull BigDecimal amount,
    @NonNull BigDecimal fiatAmount,
    @NonNull TradeStatus status,
    @NonNull OffsetDateTime createdAt,
    @NonNull OffsetDateTime updatedAt,
    @NonNull @Description("The buyer marks the trade paid before this, or it expires")
        OffsetDateTime paymentDeadline) {

  static TradeView of(Trade t) {
    return new TradeView(
        t.id().toString(),
        t.offerId().toString(),
        t.buyerId().toString(),
        t.sellerId().toString(),
        t.escrow().currency(),
        t.escrow().value(),
        t.fiatAmount(),
        t.status(),
        t.createdAt(),
        t.updatedAt(),
        t.paymentDeadline());
  }
}
