package app.confio.admin.boundary;

import app.confio.admin.control.AdminAccounts;
import app.confio.admin.control.SignIn;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The one authentication mechanism of the WAR. Two mechanisms side by side are ambiguous to CDI, so
 * this alternative decides per request:
 *
 * <ul>
 *   <li>{@code /admin/**}, the dashboard: the admin who signed in on the login page, remembered in
 *       the HTTP session; anyone else is sent to the login page.
 *   <li>{@code /api/admin/**}, the admin API: Basic credentials of an admin account, or the
 *       dashboard's session; anything else gets 401, and a name locked out after repeated wrong
 *       passwords 429. A user's bearer token is not accepted here.
 *   <li>everything else: MP-JWT, as the GraphQL API and the user-facing REST resources expect.
 * </ul>
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class AdminAuthentication implements HttpAuthenticationMechanism {

  public static final String ROLE = "admin";
  public static final String SESSION_ADMIN = "confio.admin";
  public static final String LOGIN_PAGE = "/admin/login.xhtml";
  static final String REALM = "Basic realm=\"Confio admin\", charset=\"UTF-8\"";

  @Inject BeanManager beans;
  @Inject AdminAccounts accounts;

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
    var path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/admin") || path.startsWith("/admin/")) {
      return dashboard(request, context, path);
    }
    if (path.startsWith("/api/admin/") || path.equals("/api/admin")) {
      return api(request, response, context);
    }
    return jwt == null ? context.doNothing() : jwt.validateRequest(request, response, context);
  }

  private AuthenticationStatus dashboard(
      HttpServletRequest request, HttpMessageContext context, String path) {
    var admin = sessionAdmin(request);
    if (admin.isPresent()) {
      return context.notifyContainerAboutLogin(admin.get(), Set.of(ROLE));
    }
    if (path.equals(LOGIN_PAGE)) {
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
    try {
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(throttled.seconds()));
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "{\"code\":\"TOO_MANY_FAILURES\",\"message\":\"Too many failed sign-ins;"
                  + " try again in "
                  + throttled.seconds()
                  + " seconds\"}");
      response.flushBuffer();
    } catch (IOException e) {
      // the client went away; nothing more to tell it
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static Optional<String> sessionAdmin(HttpServletRequest request) {
    var session = request.getSession(false);
    return Optional.ofNullable(session)
        .map(s -> s.getAttribute(SESSION_ADMIN))
        .map(String.class::cast);
  }
}
