package app.confio.money.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Money that arrived from outside Confío. */
@Entity
@Table(name = "deposits")
public class Deposit {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private Long userId;

  @Enumerated(EnumType.STRING)
  private Currency currency;

  private BigDecimal amount;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Deposit() {}

  public Deposit(long userId, Amount amount) {
    this.userId = userId;
    this.currency = amount.currency();
    this.amount = amount.value();
    this.createdAt = OffsetDateTime.now();
  }
}
