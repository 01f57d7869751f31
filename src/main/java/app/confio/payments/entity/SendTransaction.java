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

/** Money sent from one person to another. */
@Entity
@EntityListeners(Attribution.class)
@Table(name = "send_transactions")
public class SendTransaction implements Attributed {

  public static final int MAX_NOTE_LENGTH = 140;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "sender_id", nullable = false)
  private Long senderId;

  @Column(name = "recipient_id", nullable = false)
  private Long recipientId;

  @Enumerated(EnumType.STRING)
  private Currency currency;

  private BigDecimal amount;

  private String note;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "acted_by")
  private String actedBy;

  protected SendTransaction() {}

  public SendTransaction(long senderId, long recipientId, Amount amount, String note) {
    this.senderId = senderId;
    this.recipientId = recipientId;
    this.currency = amount.currency();
    this.amount = amount.value();
    this.note = note;
    this.createdAt = OffsetDateTime.now();
  }

  public Long id() {
    return id;
  }

  public Currency currency() {
    return currency;
  }

  public BigDecimal amount() {
    return amount;
  }

  public String note() {
    return note;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  @Override
  public void actedBy(String impersonator) {
    this.actedBy = impersonator;
  }
}
