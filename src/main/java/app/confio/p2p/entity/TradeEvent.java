package app.confio.p2p.entity;

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
import java.time.OffsetDateTime;

/** One change of a trade's state, with who made it and when. */
@Entity
@EntityListeners(Attribution.class)
@Table(name = "p2p_trade_events")
public class TradeEvent implements Attributed {

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

  @Column(name = "acted_by")
  private String actedBy;

  protected TradeEvent() {}

  public TradeEvent(Trade trade, Long actorId) {
    this.tradeId = trade.id();
    this.actorId = actorId;
    this.status = trade.status();
    this.createdAt = trade.updatedAt();
  }

  @Override
  public void actedBy(String impersonator) {
    this.actedBy = impersonator;
  }
}
