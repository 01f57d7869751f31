package app.confio.users.boundary;

import app.confio.platform.NotAuthenticatedException;
import app.confio.users.control.AccessTokens;
import app.confio.users.control.SessionFamilies;
import app.confio.users.entity.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in person behind the current request. Web constraints cannot guard a GraphQL
 * operation, so every operation that needs a caller asks here, and an anonymous request, a token
 * whose session has ended (logout, a reused refresh token, its absolute lifetime), or the token of
 * an account that has since been suspended, is refused with {@code UNAUTHENTICATED}.
 */
@RequestScoped
public class Caller {

  @Inject SecurityContext securityContext;
  @Inject SessionFamilies sessions;
  @PersistenceContext EntityManager em;

  private User user;

  public long id() {
    return user().id();
  }

  public User user() {
    if (user == null) {
      var token = token();
      var id = parse(token.getName());
      if (!sessions.live(sessionOf(token), id)) {
        throw new NotAuthenticatedException();
      }
      var found = em.find(User.class, id);
      if (found == null || !found.canSignIn()) {
        throw new NotAuthenticatedException();
      }
      user = found;
    }
    return user;
  }

  /** The session the token names, ended or not, as long as the token is genuine and the user's. */
  public long sessionId() {
    var token = token();
    var session = sessionOf(token);
    if (!sessions.belongs(session, parse(token.getName()))) {
      throw new NotAuthenticatedException();
    }
    return session;
  }

  private JsonWebToken token() {
    if (securityContext.getCallerPrincipal() instanceof JsonWebToken token) {
      return token;
    }
    throw new NotAuthenticatedException();
  }

  private static long sessionOf(JsonWebToken token) {
    Object claim = token.getClaim(AccessTokens.SESSION_CLAIM);
    return parse(claim instanceof JsonString text ? text.getString() : String.valueOf(claim));
  }

  private static long parse(String name) {
    try {
      return Long.parseLong(name);
    } catch (NumberFormatException e) {
      throw new NotAuthenticatedException();
    }
  }
}
