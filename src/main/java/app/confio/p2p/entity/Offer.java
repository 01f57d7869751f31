package app.confio.p2p.entity;

import app.confio.money.entity.Amount;
import app.confio.money.entity.Currency;
import app.confio.money.entity.InvalidAmountException;
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
import java.time.OffsetDateTime;

/**
 * A standing offer to trade crypto at a price in local money, between a minimum and a maximum per
 * trade. {@code available} shrinks as trades open and grows back when they are cancelled.
 */
@Entity
@EntityListeners(Attribution.class)
@Table(name = "p2p_offers")
@NamedQuery(
    name = Offer.OPEN,
    query =
        "select o from Offer o where o.status = :status and o.currency = :currency and o.side = :side"
            + " and o.available >= o.minAmount order by o.price, o.id")
public class Offer implements Attributed {

  public static final String OPEN = "Offer.open";

  public enum Status {
    OPEN,
    CLOSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "maker_id", nullable = false)
  private Long makerId;

  @Enumerated(EnumType.STRING)
  private Side side;

  @Enumerated(EnumType.STRING)
  private Currency currency;

  @Column(name = "fiat_currency")
  private String fiatCurrency;

  private BigDecimal price;

  @Column(name = "min_amount")
  private BigDecimal minAmount;

  @Column(name = "max_amount")
  private BigDecimal maxAmount;

  private BigDecimal available;

  @Enumerated(EnumType.STRING)
  private Status status = Status.OPEN;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "acted_by")
  private String actedBy;

  protected Offer() {}

  public Offer(long makerId, Side side, FiatPrice price, Amount min, Amount max) {
    if (min.value().compareTo(max.value()) > 0) {
      throw new InvalidAmountException("The minimum must not exceed the maximum");
    }
    FiatPrice.total(price.value(), min.value());
    FiatPrice.total(price.value(), max.value());
    this.makerId = makerId;
    this.side = side;
    this.currency = min.currency();
    this.fiatCurrency = price.fiatCurrency();
    this.price = price.value();
    this.minAmount = min.value();
    this.maxAmount = max.value();
    this.available = max.value();
    this.createdAt = OffsetDateTime.now();
  }

  /** Takes {@code amount} out of what is available; the caller holds a lock on this offer. */
  public void take(long takerId, Amount amount) {
    if (takerId == makerId) {
      throw new InvalidTradeStateException("You cannot trade on your own offer");
    }
    if (status != Status.OPEN) {
      throw new InvalidTradeStateException("This offer is closed");
    }
    if (amount.currency() != currency) {
      throw new InvalidAmountException("This offer trades " + currency.symbol());
    }
    var value = amount.value();
    if (value.compareTo(minAmount) < 0 || value.compareTo(maxAmount.min(available)) > 0) {
      throw new InvalidAmountException(
          "Amount must be between "
              + minAmount.toPlainString()
              + " and "
              + maxAmount.min(available).toPlainString()
              + " "
              + currency.symbol());
    }
    available = available.subtract(value);
  }

  public void giveBack(Amount amount) {
    available = available.add(amount.value()).min(maxAmount);
  }

  public BigDecimal fiatFor(Amount amount) {
    return FiatPrice.total(price, amount.value());
  }

  public long sellerWith(long takerId) {
    return side == Side.SELL ? makerId : takerId;
  }

  public long buyerWith(long takerId) {
    return side == Side.BUY ? makerId : takerId;
  }

  public Long id() {
    return id;
  }

  public Long makerId() {
    return makerId;
  }

  public Side side() {
    return side;
  }

  public Currency currency() {
    return currency;
  }

  public String fiatCurrency() {
    return fiatCurrency;
  }

  public BigDecimal price() {
    return price;
  }

  public BigDecimal minAmount() {
    return minAmount;
  }

  public BigDecimal maxAmount() {
    return maxAmount;
  }

  public BigDecimal available() {
    return available;
  }

  public Status status() {
    return status;
  }

  @Override
  public void actedBy(String impersonator) {
    this.actedBy = impersonator;
  }
}
