package app.confio.admin.boundary;

import app.confio.platform.RequestPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The second lock on the admin side, independent of how {@link AdminAuthentication} routed the
 * request: the container maps this filter onto every path it serves under {@code /admin} and {@code
 * /api/admin} (after decoding and normalising, as it maps the pages themselves), and it lets a
 * request through only when its caller is an admin signed in by form or Basic. Anything else is
 * sent to the login page (pages) or refused with 401 (API); the login page alone is open.
 */
@WebFilter(
    filterName = "AdminGate",
    urlPatterns = {"/admin/*", "/api/admin/*", "/admin", "/api/admin"},
    dispatcherTypes = {
      jakarta.servlet.DispatcherType.REQUEST,
      jakarta.servlet.DispatcherType.FORWARD,
      jakarta.servlet.DispatcherType.INCLUDE,
      jakarta.servlet.DispatcherType.ERROR,
      jakarta.servlet.DispatcherType.ASYNC
    })
public class AdminGate extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (isAdmin(request) || isLoginPage(request)) {
      chain.doFilter(request, response);
    } else if (RequestPaths.within(RequestPaths.of(request), AdminAuthentication.API)) {
      response.setHeader("WWW-Authenticate", AdminAuthentication.REALM);
      Refusals.write(response, 401, "UNAUTHENTICATED", "Sign in as an admin");
    } else {
      response.sendRedirect(request.getContextPath() + AdminAuthentication.LOGIN_PAGE);
    }
  }

  /** An admin, signed in by the dashboard's form or by Basic: never a user's bearer token. */
  static boolean isAdmin(HttpServletRequest request) {
    var principal = request.getUserPrincipal();
    return principal != null
        && !(principal instanceof JsonWebToken)
        && request.isUserInRole(AdminAuthentication.ROLE);
  }

  private static boolean isLoginPage(HttpServletRequest request) {
    return RequestPaths.of(request).equals(AdminAuthentication.LOGIN_PAGE.toLowerCase(Locale.ROOT));
  }
}
