package app.confio.p2p.control;

import app.confio.money.control.Ledger;
import app.confio.money.control.MoneyMoved;
import app.confio.money.entity.Amount;
import app.confio.money.entity.Currency;
import app.confio.money.entity.InsufficientFundsException;
import app.confio.money.entity.Owner;
import app.confio.money.entity.Posting;
import app.confio.p2p.entity.FiatPrice;
import app.confio.p2p.entity.InvalidTradeStateException;
import app.confio.p2p.entity.Offer;
import app.confio.p2p.entity.Side;
import app.confio.p2p.entity.Trade;
import app.confio.p2p.entity.TradeAction;
import app.confio.p2p.entity.TradeEvent;
import app.confio.p2p.entity.TradeMessage;
import app.confio.p2p.entity.TradeStatus;
import app.confio.platform.Actor;
import app.confio.platform.NotAllowedException;
import app.confio.platform.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Offers, trades and their escrow. Offers and trades are locked ({@code SELECT ... FOR UPDATE})
 * while they change, so two takers cannot both take the last of an offer and two clicks cannot
 * release one escrow twice. A taker has only a few unpaid trades at a time ({@link UnpaidTrades})
 * and each must be paid within {@code confio.p2p.payment-window}: escrow cannot be frozen by trades
 * nobody means to pay.
 */
@ApplicationScoped
public class Market {

  @PersistenceContext EntityManager em;
  @Inject Ledger ledger;
  @Inject Event<MoneyMoved> moneyMoved;
  @Inject Actor actor;
  @Inject UnpaidTrades unpaidTrades;

  @Inject
  @ConfigProperty(name = "confio.p2p.payment-window", defaultValue = "PT30M")
  Duration paymentWindow;

  public Offer createOffer(long makerId, Side side, FiatPrice price, Amount min, Amount max) {
    var offer = new Offer(makerId, side, price, min, max);
    em.persist(offer);
    em.flush();
    return offer;
  }

  public Trade openTrade(long takerId, long offerId, BigDecimal value) {
    unpaidTrades.refuseOverCap(takerId);
    var offer = em.find(Offer.class, offerId, LockModeType.PESSIMISTIC_WRITE);
    if (offer == null) {
      throw new NotFoundException("No offer with id " + offerId);
    }
    var amount = Amount.of(offer.currency(), value);
    offer.take(takerId, amount);
    var trade = new Trade(offer, takerId, amount, paymentWindow);
    try {
      ledger.post(Posting.debit(account(trade.sellerId(), amount), amount));
    } catch (InsufficientFundsException e) {
      if (trade.sellerId() == takerId) {
        throw e;
      }
      throw new InvalidTradeStateException("The offer's maker cannot cover this amount right now");
    }
    em.persist(trade);
    em.flush();
    em.persist(new TradeEvent(trade, takerId));
    return trade;
  }

  public Trade perform(long userId, long tradeId, TradeAction action) {
    var trade = em.find(Trade.class, tradeId, LockModeType.PESSIMISTIC_WRITE);
    if (trade == null) {
      throw new NotFoundException("No trade with id " + tradeId);
    }
    var status = trade.perform(action, userId, OffsetDateTime.now());
    if (status == TradeStatus.RELEASED) {
      ledger.post(Posting.credit(account(trade.buyerId(), trade.escrow()), trade.escrow()));
      moneyMoved.fire(new MoneyMoved(trade.buyerId(), MoneyMoved.Kind.P2P_TRADE, actor.actedBy()));
      moneyMoved.fire(new MoneyMoved(trade.sellerId(), MoneyMoved.Kind.P2P_TRADE, actor.actedBy()));
    } else if (status == TradeStatus.CANCELLED) {
      returnEscrow(trade);
    }
    em.persist(new TradeEvent(trade, userId));
    return trade;
  }

  /** The escrow back to the seller and the amount back to the offer; the trade is locked. */
  public void returnEscrow(Trade trade) {
    ledger.post(Posting.credit(account(trade.sellerId(), trade.escrow()), trade.escrow()));
    em.find(Offer.class, trade.offerId(), LockModeType.PESSIMISTIC_WRITE).giveBack(trade.escrow());
  }

  public TradeMessage message(long senderId, long tradeId, String text) {
    var trade = partyTrade(senderId, tradeId);
    var message = new TradeMessage(trade.id(), senderId, text);
    em.persist(message);
    em.flush();
    return message;
  }

  public List<TradeMessage> messages(long userId, long tradeId) {
    partyTrade(userId, tradeId);
    return em.createNamedQuery(TradeMessage.OF_TRADE, TradeMessage.class)
        .setParameter("tradeId", tradeId)
        .getResultList();
  }

  public List<Trade> tradesOf(long userId) {
    return em.createNamedQuery(Trade.OF_USER, Trade.class)
        .setParameter("userId", userId)
        .setMaxResults(100)
        .getResultList();
  }

  public List<Offer> openOffers(Currency currency, Side side) {
    return em.createNamedQuery(Offer.OPEN, Offer.class)
        .setParameter("status", Offer.Status.OPEN)
        .setParameter("currency", currency)
        .setParameter("side", side)
        .setMaxResults(100)
        .getResultList();
  }

  private Trade partyTrade(long userId, long tradeId) {
    var trade = em.find(Trade.class, tradeId);
    if (trade == null) {
      throw new NotFoundException("No trade with id " + tradeId);
    }
    if (!trade.isParty(userId)) {
      throw new NotAllowedException("This trade is not yours");
    }
    return trade;
  }

  private long account(long userId, Amount amount) {
    return ledger.account(new Owner.Person(userId), amount.currency());
  }
}
