package app.confio.business.entity;

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

/** Something a person did on behalf of a business. */
@Entity
@EntityListeners(Attribution.class)
@Table(name = "business_operations")
public class BusinessOperation implements Attributed {

  public enum Kind {
    CREATE_BUSINESS,
    ADD_EMPLOYEE,
    PAYOUT
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "business_id", nullable = false)
  private Long businessId;

  @Column(name = "actor_id", nullable = false)
  private Long actorId;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  @Enumerated(EnumType.STRING)
  private Currency currency;

  private BigDecimal amount;

  @Column(name = "counterparty_id")
  private Long counterpartyId;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "acted_by")
  private String actedBy;

  protected BusinessOperation() {}

  public BusinessOperation(long businessId, long actorId, Kind kind, Long counterpartyId) {
    this.businessId = businessId;
    this.actorId = actorId;
    this.kind = kind;
    this.counterpartyId = counterpartyId;
    this.createdAt = OffsetDateTime.now();
  }

  public BusinessOperation(long businessId, long actorId, long payee, Amount amount) {
    this(businessId, actorId, Kind.PAYOUT, payee);
    this.currency = amount.currency();
    this.amount = amount.value();
  }

  public Long id() {
    return id;
  }

  public Long businessId() {
    return businessId;
  }

  public Kind kind() {
    return kind;
  }

  public Currency currency() {
    return currency;
  }

  public BigDecimal amount() {
    return amount;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  @Override
  public void actedBy(String impersonator) {
    this.actedBy = impersonator;
  }
}
