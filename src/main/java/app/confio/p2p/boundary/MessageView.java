package app.confio.p2p.boundary;

import app.confio.p2p.entity.TradeMessage;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("TradeMessage")
public record MessageView(
    @Id @NonNull String id,
    @Id @NonNull String senderId,
    @NonNull String text,
    @NonNull OffsetDateTime createdAt) {

  static MessageView of(TradeMessage m) {
    return new MessageView(m.id().toString(), m.senderId().toString(), m.body(), m.createdAt());
  }
}
