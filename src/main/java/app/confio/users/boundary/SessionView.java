package app.confio.users.boundary;

import app.confio.users.control.Grant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

@Name("Session")
public record SessionView(
    @NonNull UserView user,
    @NonNull @Description("Send as 'Authorization: Bearer <token>'.") String accessToken,
    @Description("Seconds until the access token expires.") long expiresIn,
    @NonNull @Description("Good for one refreshSession.") String refreshToken) {

  static SessionView of(Grant session) {
    return new SessionView(
        UserView.of(session.user()),
        session.accessToken(),
        session.expiresIn(),
        session.refreshToken());
  }
}
