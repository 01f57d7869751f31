package app.confio.users.control;

import app.confio.activity.boundary.ActivityTracker;
import app.confio.activity.entity.ActivityKind;
import app.confio.platform.TooManyAttemptsException;
import app.confio.users.entity.LoginEvent;
import app.confio.users.entity.Phone;
import app.confio.users.entity.Session;
import app.confio.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Signs people in, keeps them signed in and signs them out. Each success records a {@link
 * LoginEvent}; a failure says nothing about which part was wrong, and takes as long either way: one
 * password check whether the phone is known, the account suspended or the password wrong.
 */
@ApplicationScoped
public class Sessions {

  @PersistenceContext EntityManager em;
  @Inject Directory directory;
  @Inject ActivityTracker tracker;
  @Inject Passwords passwords;
  @Inject LoginThrottle throttle;
  @Inject SessionFamilies families;
  @Inject AccessTokens accessTokens;
  @Inject RefreshTokens refreshTokens;

  /** Signs in from {@code address}; refused unchecked while that phone or address must wait. */
  public Grant login(String phone, String password, String address) {
    var number = Phone.parse(phone);
    throttle
        .attempt(number, address)
        .ifPresent(
            wait -> {
              throw new TooManyAttemptsException(wait);
            });
    var user = directory.byPhone(number);
    var matches = passwords.matches(password, user.map(User::passwordHash));
    if (!matches || !user.get().canSignIn()) {
      throttle.failed(number);
      throw SignInFailedException.wrongCredentials();
    }
    throttle.succeeded(number, address);
    return grant(user.get(), families.open(user.get().id()), LoginEvent.Kind.LOGIN);
  }

  /** A new pair for a refresh token; a spent one presented again ends its whole session. */
  public Grant refresh(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw SignInFailedException.invalidRefreshToken();
    }
    var redeemed = refreshTokens.redeem(refreshToken, families.absoluteLifetime());
    if (redeemed.isEmpty()) {
      refreshTokens.spentSession(refreshToken).ifPresent(id -> families.revoke(id, Session.REUSE));
      throw SignInFailedException.invalidRefreshToken();
    }
    var user = em.find(User.class, redeemed.get().userId());
    if (user == null || !user.canSignIn()) {
      throw SignInFailedException.invalidRefreshToken();
    }
    var session = em.find(Session.class, redeemed.get().sessionId());
    return grant(user, session, LoginEvent.Kind.SESSION_REFRESH);
  }

  /** Ends the session: its access and refresh tokens stop working at once. */
  public void logout(long sessionId) {
    families.revoke(sessionId, Session.LOGOUT);
  }

  private Grant grant(User user, Session session, LoginEvent.Kind kind) {
    em.persist(new LoginEvent(user.id(), kind));
    // Only now is the caller known: the mutation interceptor saw an anonymous request.
    tracker.touch(
        user.id(),
        kind == LoginEvent.Kind.LOGIN ? ActivityKind.LOGIN : ActivityKind.SESSION_REFRESH);
    var lifetime = families.absoluteLifetime();
    var expires = accessTokens.expiry(session.endsAt(lifetime).toInstant());
    return new Grant(
        user,
        accessTokens.issue(user.id(), session.id(), expires),
        Math.max(0, expires.getEpochSecond() - Instant.now().getEpochSecond()),
        refreshTokens.issue(session, lifetime));
  }
}
