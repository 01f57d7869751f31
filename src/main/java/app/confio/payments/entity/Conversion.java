package app.confio.payments.entity;

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
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One currency exchanged for another at the rate of the moment. */
@Entity
@EntityListeners(Attribution.class)
@Table(name = "conversions")
public class Conversion implements Attributed {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private Long userId;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_currency")
  private Currency fromCurrency;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_currency")
  private Currency toCurrency;

  @Column(name = "amount_in")
  private BigDecimal amountIn;

  @Column(name = "amount_out")
  private BigDecimal amountOut;

  private BigDecimal rate;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "acted_by")
  private String actedBy;

  protected Conversion() {}

  public Conversion(long userId, Amount in, Amount out, BigDecimal rate) {
    this.userId = userId;
    this.fromCurrency = in.currency();
    this.toCurrency = out.currency();
    this.amountIn = in.value();
    this.amountOut = out.value();
    this.rate = rate;
    this.createdAt = OffsetDateTime.now();
  }

  public Long id() {
    return id;
  }

  public Amount in() {
    return new Amount(fromCurrency, amountIn);
  }

  public Amount out() {
    return new Amount(toCurrency, amountOut);
  }

  public BigDecimal rate() {
    return rate;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  @Override
  public void actedBy(String impersonator) {
    this.actedBy = impersonator;
  }
}
