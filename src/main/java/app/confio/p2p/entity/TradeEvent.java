package app.confio.p2p.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One change of a trade's state, with who made it and when. */
@Entity
@Table(name = "p2p_trade_events")
public class TradeEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "trade_id", nullable = false)
  private Long tradeId;

  /** Null for the system's own steps, such as an expiry. */
  @Column(name = "actor_id")
  private Long actorId;

  @Enumerated(EnumType.STRING)
  private TradeStatus status;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected TradeEvent() {}

  public TradeEvent(Trade trade, Long actorId) {
    this.tradeId = trade.id();
    this.actorId = actorId;
    this.status = trade.status();
    this.createdAt = trade.updatedAt();
  }
}
