package app.confio.users.boundary;

import app.confio.users.entity.User;
import app.confio.users.entity.UserKind;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("User")
public record UserView(
    @Id @NonNull String id,
    @NonNull String phone,
    @NonNull String displayName,
    @NonNull UserKind kind,
    @NonNull OffsetDateTime createdAt) {

  static UserView of(User user) {
    return new UserView(
        user.id().toString(), user.phone(), user.displayName(), user.kind(), user.createdAt());
  }
}
