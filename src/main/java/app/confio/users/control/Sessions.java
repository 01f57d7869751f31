package app.confio.users.control;

import app.confio.activity.boundary.ActivityTracker;
import app.confio.activity.entity.ActivityKind;
import app.confio.users.entity.LoginEvent;
import app.confio.users.entity.Phone;
import app.confio.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Signs people in and keeps them signed in. Each success records a {@link LoginEvent}; a failure
 * says nothing about which part was wrong.
 */
@ApplicationScoped
public class Sessions {

  @PersistenceContext EntityManager em;
  @Inject Directory directory;
  @Inject ActivityTracker tracker;
  @Inject Passwords passwords;
  @Inject AccessTokens accessTokens;
  @Inject RefreshTokens refreshTokens;

  public Session login(String phone, String password) {
    var user =
        directory
            .byPhone(Phone.parse(phone))
            .filter(User::canSignIn)
            .filter(u -> passwords.matches(password, u.passwordHash()))
            .orElseThrow(SignInFailedException::wrongCredentials);
    return open(user, LoginEvent.Kind.LOGIN);
  }

  public Session refresh(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw SignInFailedException.invalidRefreshToken();
    }
    var user =
        refreshTokens
            .redeem(refreshToken)
            .map(id -> em.find(User.class, id))
            .filter(User::canSignIn)
            .orElseThrow(SignInFailedException::invalidRefreshToken);
    return open(user, LoginEvent.Kind.SESSION_REFRESH);
  }

  private Session open(User user, LoginEvent.Kind kind) {
    em.persist(new LoginEvent(user.id(), kind));
    // Only now is the caller known: the mutation interceptor saw an anonymous request.
    tracker.touch(
        user.id(),
        kind == LoginEvent.Kind.LOGIN ? ActivityKind.LOGIN : ActivityKind.SESSION_REFRESH);
    return new Session(
        user,
        accessTokens.issue(user.id()),
        accessTokens.lifetime().toSeconds(),
        refreshTokens.issue(user.id()));
  }
}
