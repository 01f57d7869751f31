package app.confio.p2p.entity;

import app.confio.money.entity.Amount;
import app.confio.money.entity.Currency;
import app.confio.platform.Attributed;
import app.confio.platform.Attribution;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A trade between a buyer and a seller on one offer; the seller's crypto sits in escrow until the
 * trade is released, cancelled, or expires unpaid at its payment deadline.
 */
@Entity
@EntityListeners(Attribution.class)
@Table(name = "p2p_trades")
@NamedQuery(
    name = Trade.OF_USER,
    query =
        "select t from Trade t where t.buyerId = :userId or t.sellerId = :userId"
            + " order by t.createdAt desc, t.id desc")
public class Trade implements Attributed {

  public static final String OF_USER = "Trade.ofUser";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "offer_id", nullable = false)
  private Long offerId;

  @Column(name = "buyer_id", nullable = false)
  private Long buyerId;

  @Column(name = "seller_id", nullable = false)
  private Long sellerId;

  @Column(name = "taker_id", nullable = false)
  private Long takerId;

  @Enumerated(EnumType.STRING)
  private Currency currency;

  private BigDecimal amount;

  @Column(name = "fiat_amount")
  private BigDecimal fiatAmount;

  @Enumerated(EnumType.STRING)
  private TradeStatus status;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "acted_by")
  private String actedBy;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "payment_deadline", nullable = false)
  private OffsetDateTime paymentDeadline;

  protected Trade() {}

  public Trade(Offer offer, long takerId, Amount amount, Duration paymentWindow) {
    this.offerId = offer.id();
    this.buyerId = offer.buyerWith(takerId);
    this.sellerId = offer.sellerWith(takerId);
    this.takerId = takerId;
    this.currency = amount.currency();
    this.amount = amount.value();
    this.fiatAmount = offer.fiatFor(amount);
    this.status = TradeStatus.PENDING_PAYMENT;
    this.createdAt = OffsetDateTime.now();
    this.updatedAt = createdAt;
    this.paymentDeadline = createdAt.plus(paymentWindow);
  }

  /** Applies {@code action} by {@code userId} at {@code now}; the caller holds a lock on it. */
  public TradeStatus perform(TradeAction action, long userId, OffsetDateTime now) {
    status = action.apply(status, isBuyer(userId), isSeller(userId), windowClosedAt(now));
    updatedAt = now;
    return status;
  }

  /**
   * Expires the trade if it is still unpaid after its deadline; false when it is not (already paid,
   * cancelled or expired by someone else). The caller holds a lock on it.
   */
  public boolean expire(OffsetDateTime now) {
    if (status != TradeStatus.PENDING_PAYMENT || !windowClosedAt(now)) {
      return false;
    }
    status = TradeStatus.EXPIRED;
    updatedAt = now;
    return true;
  }

  private boolean windowClosedAt(OffsetDateTime now) {
    return !now.isBefore(paymentDeadline);
  }

  public boolean isParty(long userId) {
    return isBuyer(userId) || isSeller(userId);
  }

  private boolean isBuyer(long userId) {
    return buyerId == userId;
  }

  private boolean isSeller(long userId) {
    return sellerId == userId;
  }

  public Amount escrow() {
    return new Amount(currency, amount);
  }

  public Long id() {
    return id;
  }

  public Long offerId() {
    return offerId;
  }

  public Long buyerId() {
    return buyerId;
  }

  public Long sellerId() {
    return sellerId;
  }

  public BigDecimal fiatAmount() {
    return fiatAmount;
  }

  public TradeStatus status() {
    return status;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  @Override
  public void actedBy(String impersonator) {
    this.actedBy = impersonator;
  }

  /** Each change of a trade is an action of its own: a released trade says who released it. */
  @Override
  public void changedBy(String impersonator) {
    this.actedBy = impersonator;
  }

  public OffsetDateTime paymentDeadline() {
    return paymentDeadline;
  }
}
