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

/** A payment from a person to a business. */
@Entity
@EntityListeners(Attribution.class)
@Table(name = "payments")
public class Payment implements Attributed {

  public static final int MAX_REFERENCE_LENGTH = 80;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "payer_id", nullable = false)
  private Long payerId;

  @Column(name = "business_id", nullable = false)
  private Long businessId;

  @Enumerated(EnumType.STRING)
  private Currency currency;

  private BigDecimal amount;

  private String reference;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "acted_by")
  private String actedBy;

  protected Payment() {}

  public Payment(long payerId, long businessId, Amount amount, String reference) {
    this.payerId = payerId;
    this.businessId = businessId;
    this.currency = amount.currency();
    this.amount = amount.value();
    this.reference = reference;
    this.createdAt = OffsetDateTime.now();
  }

  public Long id() {
    return id;
  }

  public Long businessId() {
    return businessId;
  }

  public Currency currency() {
    return currency;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String reference() {
    return reference;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  @Override
  public void actedBy(String impersonator) {
    this.actedBy = impersonator;
  }
}
