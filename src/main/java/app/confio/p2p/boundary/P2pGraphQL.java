package app.confio.p2p.boundary;

import app.confio.activity.boundary.TrackedAs;
import app.confio.activity.entity.ActivityKind;
import app.confio.money.entity.Amount;
import app.confio.money.entity.Currency;
import app.confio.p2p.control.Market;
import app.confio.p2p.entity.FiatPrice;
import app.confio.p2p.entity.Side;
import app.confio.p2p.entity.TradeAction;
import app.confio.p2p.entity.TradeMessage;
import app.confio.platform.IdempotencyKey;
import app.confio.platform.Idempotent;
import app.confio.platform.Ids;
import app.confio.platform.Text;
import app.confio.users.boundary.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Peer-to-peer offers, trades and the messages between the two sides. */
@GraphQLApi
@RequestScoped
public class P2pGraphQL {

  @Inject Caller caller;
  @Inject Market market;

  @Query
  @Description(
      "Open offers for a currency: SELL offers are where to buy, BUY offers where to sell.")
  public @NonNull List<@NonNull OfferView> offers(@NonNull Currency currency, @NonNull Side side) {
    caller.id(); // signed-in users only, though nothing here is theirs
    return market.openOffers(currency, side).stream().map(OfferView::of).toList();
  }

  @Query
  @Description("The caller's trades, newest first (at most 100).")
  public @NonNull List<@NonNull TradeView> myTrades() {
    return market.tradesOf(caller.id()).stream().map(TradeView::of).toList();
  }

  @Query
  @Description("The messages of one of the caller's trades, oldest first.")
  public @NonNull List<@NonNull MessageView> tradeMessages(@NonNull @Id String tradeId) {
    return market.messages(caller.id(), Ids.parse(tradeId, "trade")).stream()
        .map(MessageView::of)
        .toList();
  }

  @Mutation
  @Transactional
  @Description("Publishes an offer to SELL or BUY crypto at a price in local money.")
  @TrackedAs(ActivityKind.P2P_TRADE_ACTION)
  public @NonNull OfferView createOffer(
      @NonNull Side side,
      @NonNull Currency currency,
      @NonNull @Description("ISO 4217 code, such as VES") String fiatCurrency,
      @NonNull @Description("Local money per unit of crypto") BigDecimal price,
      @NonNull BigDecimal minAmount,
      @NonNull BigDecimal maxAmount) {
    return OfferView.of(
        market.createOffer(
            caller.id(),
            side,
            FiatPrice.of(fiatCurrency, price),
            Amount.of(currency, minAmount),
            Amount.of(currency, maxAmount)));
  }

  @Mutation
  @Idempotent
  @Transactional
  @Description("Opens a trade on an offer; the seller's crypto goes into escrow.")
  @TrackedAs(ActivityKind.P2P_TRADE_ACTION)
  public @NonNull TradeView openTrade(
      @NonNull @Id String offerId,
      @NonNull BigDecimal amount,
      @Name(IdempotencyKey.NAME) @Description(IdempotencyKey.DESCRIPTION) @IdempotencyKey
          String idempotencyKey) {
    return TradeView.of(market.openTrade(caller.id(), Ids.parse(offerId, "offer"), amount));
  }

  @Mutation
  @Idempotent
  @Transactional
  @Description("The buyer says the local-money payment has been made.")
  @TrackedAs(ActivityKind.P2P_TRADE_ACTION)
  public @NonNull TradeView markTradePaid(
      @NonNull @Id String tradeId,
      @Name(IdempotencyKey.NAME) @Description(IdempotencyKey.DESCRIPTION) @IdempotencyKey
          String idempotencyKey) {
    return act(tradeId, TradeAction.MARK_PAID);
  }

  @Mutation
  @Idempotent
  @Transactional
  @Description("The seller confirms payment arrived; the escrow goes to the buyer.")
  @TrackedAs(ActivityKind.P2P_TRADE_ACTION)
  public @NonNull TradeView releaseTrade(
      @NonNull @Id String tradeId,
      @Name(IdempotencyKey.NAME) @Description(IdempotencyKey.DESCRIPTION) @IdempotencyKey
          String idempotencyKey) {
    return act(tradeId, TradeAction.RELEASE);
  }

  @Mutation
  @Idempotent
  @Transactional
  @Description("The buyer calls the trade off before paying; the escrow returns to the seller.")
  @TrackedAs(ActivityKind.P2P_TRADE_ACTION)
  public @NonNull TradeView cancelTrade(
      @NonNull @Id String tradeId,
      @Name(IdempotencyKey.NAME) @Description(IdempotencyKey.DESCRIPTION) @IdempotencyKey
          String idempotencyKey) {
    return act(tradeId, TradeAction.CANCEL);
  }

  @Mutation
  @Transactional
  @Description("Either side disputes a paid trade; the reason is posted to the trade's messages.")
  @TrackedAs(ActivityKind.P2P_TRADE_ACTION)
  public @NonNull TradeView disputeTrade(@NonNull @Id String tradeId, @NonNull String reason) {
    var text = Text.message(reason, TradeMessage.MAX_LENGTH, "A dispute reason");
    var trade = act(tradeId, TradeAction.DISPUTE);
    market.message(caller.id(), Ids.parse(tradeId, "trade"), text);
    return trade;
  }

  @Mutation
  @Transactional
  @Description("Sends a message to the other side of a trade.")
  @TrackedAs(ActivityKind.P2P_MESSAGE)
  public @NonNull MessageView sendTradeMessage(@NonNull @Id String tradeId, @NonNull String text) {
    return MessageView.of(market.message(caller.id(), Ids.parse(tradeId, "trade"), text));
  }

  private TradeView act(String tradeId, TradeAction action) {
    return TradeView.of(market.perform(caller.id(), Ids.parse(tradeId, "trade"), action));
  }
}
