package app.confio.admin.boundary;

import app.confio.admin.control.AdminAccounts;
import app.confio.admin.control.DashboardSignIns;
import app.confio.admin.control.SignIn;
import app.confio.platform.RequestPaths;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The one authentication mechanism of the WAR. Two mechanisms side by side are ambiguous to CDI, so
 * this alternative decides per request, on the path as the container mapped it ({@link
 * RequestPaths}): a request whose raw path is not in normal form is refused with 400 before
 * anything else, so that no spelling of a path can be routed here one way and served another.
 *
 * <ul>
 *   <li>{@code /admin/**}, the dashboard: the admin who signed in on the login page, remembered in
 *       the HTTP session while the sign-in is open in the data grid ({@link DashboardSignIns});
 *       anyone else is sent to the login page.
 *   <li>{@code /api/admin/**}, the admin API: Basic credentials of an admin account, or the
 *       dashboard's session; anything else gets 401, and a name locked out after repeated wrong
 *       passwords 429. A user's bearer token is not accepted here.
 *   <li>everything else: MP-JWT, as the GraphQL API and the user-facing REST resources expect. A
 *       user's token never carries the admin role, whatever its {@code groups} claim says ({@link
 *       UserTokenContext}).
 * </ul>
 *
 * A change through the admin API ({@code POST} and the like) made with the dashboard's session must
 * come from the dashboard's own origin ({@link SameOrigin}); Basic callers send their credentials
 * with every request and are not at risk of cross-site requests. {@link AdminGate} checks the role
 * once more on every admin page and resource, whatever this class decided.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class AdminAuthentication implements HttpAuthenticationMechanism {

  public static final String ROLE = "admin";

  /** The HTTP session's attribute that names its open sign-in ({@link DashboardSignIns}). */
  public static final String SESSION_SIGN_IN = "app.confio.dashboard.sign-in";

  public static final String LOGIN_PAGE = "/admin/login.xhtml";
  static final String DASHBOARD = "/admin";
  static final String API = "/api/admin";
  static final String REALM = "Basic realm=\"Confio admin\", charset=\"UTF-8\"";

  @Inject BeanManager beans;
  @Inject AdminAccounts accounts;
  @Inject DashboardSignIns signIns;

  private HttpAuthenticationMechanism jwt;

  @PostConstruct
  void findJwt() {
    jwt =
        beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE).stream()
            .filter(bean -> !bean.getBeanClass().equals(AdminAuthentication.class))
            .findFirst()
            .map(
                bean ->
                    (HttpAuthenticationMechanism)
                        beans.getReference(
                            bean,
                            HttpAuthenticationMechanism.class,
                            beans.createCreationalContext(bean)))
            .orElse(null);
  }

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    if (!RequestPaths.normalised(request)) {
      return Refusals.send(response, 400, "INVALID_PATH", "The request path is not in normal form");
    }
    var path = RequestPaths.of(request);
    if (RequestPaths.within(path, DASHBOARD)) {
      return dashboard(request, context, path);
    }
    if (RequestPaths.within(path, API)) {
      return api(request, response, context);
    }
    return jwt == null
        ? context.doNothing()
        : jwt.validateRequest(request, response, new UserTokenContext(context));
  }

  private AuthenticationStatus dashboard(
      HttpServletRequest request, HttpMessageContext context, String path) {
    var admin = sessionAdmin(request);
    if (admin.isPresent()) {
      return context.notifyContainerAboutLogin(admin.get(), Set.of(ROLE));
    }
    if (path.equals(LOGIN_PAGE.toLowerCase(java.util.Locale.ROOT))) {
      return context.doNothing();
    }
    return context.redirect(request.getContextPath() + LOGIN_PAGE);
  }

  private AuthenticationStatus api(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    var header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      var signIn = basic(header.substring(6).trim(), request.getRemoteAddr());
      if (signIn instanceof SignIn.Accepted accepted) {
        return context.notifyContainerAboutLogin(accepted.username(), Set.of(ROLE));
      }
      if (signIn instanceof SignIn.Throttled throttled) {
        return tooManyFailures(response, throttled);
      }
    } else {
      var admin = sessionAdmin(request);
      if (admin.isPresent()) {
        if (!SameOrigin.safe(request)) {
          return Refusals.send(
              response,
              403,
              "CROSS_SITE_REQUEST",
              "A change made with the dashboard's session must come from the dashboard's own pages");
        }
        return context.notifyContainerAboutLogin(admin.get(), Set.of(ROLE));
      }
    }
    response.setHeader("WWW-Authenticate", REALM);
    return context.responseUnauthorized();
  }

  private SignIn basic(String credentials, String address) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return new SignIn.Refused();
    }
    var colon = decoded.indexOf(':');
    if (colon < 0) {
      return new SignIn.Refused();
    }
    return accounts.authenticate(
        decoded.substring(0, colon), decoded.substring(colon + 1), address);
  }

  /** 429 with Retry-After and the same JSON refusal as every other admin API error. */
  private static AuthenticationStatus tooManyFailures(
      HttpServletResponse response, SignIn.Throttled throttled) {
    response.setHeader("Retry-After", Long.toString(throttled.seconds()));
    return Refusals.send(
        response,
        429,
        "TOO_MANY_FAILURES",
        "Too many failed sign-ins; try again in " + throttled.seconds() + " seconds");
  }

  private Optional<String> sessionAdmin(HttpServletRequest request) {
    var session = request.getSession(false);
    return Optional.ofNullable(session)
        .map(s -> s.getAttribute(SESSION_SIGN_IN))
        .map(String.class::cast)
        .flatMap(signIns::admin);
  }
}
