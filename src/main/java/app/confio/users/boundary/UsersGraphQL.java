package app.confio.users.boundary;

import app.confio.platform.ClientAddress;
import app.confio.users.control.Registration;
import app.confio.users.control.Sessions;
import app.confio.users.entity.UserKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Registration, sign-in and sign-out, and the caller's own profile. */
@GraphQLApi
@RequestScoped
public class UsersGraphQL {

  @Inject Registration registration;
  @Inject Sessions sessions;
  @Inject Caller caller;
  @Inject ClientAddress client;

  @Mutation
  @Transactional
  @Description("Creates a Confío account with one balance per currency. Sign in afterwards.")
  public @NonNull UserView register(
      @NonNull String phone,
      @NonNull String displayName,
      @NonNull String password,
      @DefaultValue("PERSONAL") UserKind kind) {
    return UserView.of(registration.register(phone, displayName, password, kind));
  }

  @Mutation
  @Transactional
  @Description(
      "Signs in with phone and password: a short-lived access token and a refresh token."
          + " After repeated failures for a phone or from an address it answers TOO_MANY_ATTEMPTS,"
          + " with extensions.retryAfter in seconds, without checking the password.")
  public @NonNull SessionView login(@NonNull String phone, @NonNull String password) {
    return SessionView.of(sessions.login(phone, password, client.value()));
  }

  @Mutation
  @Transactional
  @Description("Exchanges a refresh token, once, for a new access token and a new refresh token.")
  public @NonNull SessionView refreshSession(@NonNull String refreshToken) {
    return SessionView.of(sessions.refresh(refreshToken));
  }

  @Mutation
  @Transactional
  @Description(
      "Ends the caller's session: its access and refresh tokens stop working at once."
          + " Ending a session that has already ended answers true as well.")
  public boolean logout() {
    sessions.logout(caller.sessionId());
    return true;
  }

  @Query
  @Description("The signed-in person.")
  public @NonNull UserView me() {
    return UserView.of(caller.user());
  }
}
