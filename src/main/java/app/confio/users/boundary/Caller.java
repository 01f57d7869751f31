package app.confio.users.boundary;

import app.confio.platform.NotAuthenticatedException;
import app.confio.users.entity.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;

/**
 * The signed-in person behind the current request. Web constraints cannot guard a GraphQL
 * operation, so every operation that needs a caller asks here, and an anonymous request, or the
 * token of an account that has since been suspended, is refused with {@code UNAUTHENTICATED}.
 */
@RequestScoped
public class Caller {

  @Inject SecurityContext securityContext;
  @PersistenceContext EntityManager em;

  private Long id;

  public long id() {
    if (id == null) {
      id = user().id();
    }
    return id;
  }

  public User user() {
    var principal = securityContext.getCallerPrincipal();
    if (principal == null) {
      throw new NotAuthenticatedException();
    }
    var user = em.find(User.class, parse(principal.getName()));
    if (user == null || !user.canSignIn()) {
      throw new NotAuthenticatedException();
    }
    return user;
  }

  private static long parse(String name) {
    try {
      return Long.parseLong(name);
    } catch (NumberFormatException e) {
      throw new NotAuthenticatedException();
    }
  }
}
