package app.confio.p2p.entity;

import app.confio.platform.Attributed;
import app.confio.platform.Attribution;
import app.confio.platform.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A message from one side of a trade to the other. */
@Entity
@EntityListeners(Attribution.class)
@Table(name = "p2p_messages")
@NamedQuery(
    name = TradeMessage.OF_TRADE,
    query = "select m from TradeMessage m where m.tradeId = :tradeId order by m.createdAt, m.id")
public class TradeMessage implements Attributed {

  public static final String OF_TRADE = "TradeMessage.ofTrade";
  public static final int MAX_LENGTH = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "trade_id", nullable = false)
  private Long tradeId;

  @Column(name = "sender_id", nullable = false)
  private Long senderId;

  private String body;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "acted_by")
  private String actedBy;

  protected TradeMessage() {}

  public TradeMessage(long tradeId, long senderId, String text) {
    this.tradeId = tradeId;
    this.senderId = senderId;
    this.body = Text.message(text, MAX_LENGTH, "A message");
    this.createdAt = OffsetDateTime.now();
  }

  public Long id() {
    return id;
  }

  public Long senderId() {
    return senderId;
  }

  public String body() {
    return body;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  @Override
  public void actedBy(String impersonator) {
    this.actedBy = impersonator;
  }
}
