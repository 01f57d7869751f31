package app.confio.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gate on its own, as if the authentication mechanism had let everything through: a routing
 * slip in front of it must not open an admin page or resource.
 */
class AdminGateTest {

  final AdminGate cut = new AdminGate();

  @Test
  void anAnonymousCallerIsSentToTheLoginPageOrRefused() throws Exception {
    var page = call("/admin/users.xhtml", null, null, false);
    assertFalse(page.passed);
    assertEquals("/admin/login.xhtml", page.redirect);
    var api = call("/api/admin", "/backfill", null, false);
    assertFalse(api.passed);
    assertEquals(401, api.status);
    assertTrue(api.body.toString().contains("UNAUTHENTICATED"));
  }

  @Test
  void theLoginPageAloneIsOpen() throws Exception {
    assertTrue(call("/admin/login.xhtml", null, null, false).passed);
    assertTrue(call("/ADMIN/LOGIN.xhtml", null, null, false).passed);
    assertFalse(call("/admin/login.xhtmlx", null, null, false).passed);
  }

  @Test
  void anAdminSignedInByFormOrBasicPasses() throws Exception {
    Principal admin = () -> "admin";
    assertTrue(call("/admin/trust.xhtml", null, admin, true).passed);
    assertTrue(call("/api/admin", "/metrics", admin, true).passed);
  }

  @Test
  void aCallerWithoutTheRoleOrWithABearerTokenIsRefused() throws Exception {
    Principal user = () -> "42";
    assertFalse(call("/admin/index.xhtml", null, user, false).passed);
    var token = token("42");
    var viaToken = call("/api/admin", "/metrics", token, true);
    assertFalse(viaToken.passed, "a bearer token is never an admin, whatever its roles");
    assertEquals(401, viaToken.status);
  }

  private static Principal token(String name) {
    return (Principal)
        Proxy.newProxyInstance(
            AdminGateTest.class.getClassLoader(),
            new Class<?>[] {org.eclipse.microprofile.jwt.JsonWebToken.class},
            (proxy, method, args) -> method.getName().equals("getName") ? name : null);
  }

  static final class Outcome {
    boolean passed;
    int status = 200;
    String redirect;
    final StringWriter body = new StringWriter();
  }

  private Outcome call(String servletPath, String pathInfo, Principal caller, boolean admin)
      throws Exception {
    var outcome = new Outcome();
    var headers = new HashMap<String, String>();
    HttpServletRequest request =
        proxy(
            HttpServletRequest.class,
            Map.of(
                "getServletPath", servletPath,
                "getContextPath", "",
                "isUserInRole", admin),
            caller,
            pathInfo);
    HttpServletResponse response =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                  switch (method.getName()) {
                    case "setStatus" -> outcome.status = (Integer) args[0];
                    case "sendRedirect" -> outcome.redirect = (String) args[0];
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "getWriter" -> {
                      return new PrintWriter(outcome.body);
                    }
                    default -> {}
                  }
                  return null;
                });
    FilterChain chain = (req, res) -> outcome.passed = true;
    cut.doFilter(request, response, chain);
    if (!outcome.passed && outcome.redirect == null) {
      assertNull(outcome.redirect);
    }
    return outcome;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(
      Class<T> type, Map<String, Object> answers, Principal caller, String pathInfo) {
    return (T)
        Proxy.newProxyInstance(
            AdminGateTest.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.getName().equals("getUserPrincipal")) {
                return caller;
              }
              if (method.getName().equals("getPathInfo")) {
                return pathInfo;
              }
              if (method.getName().equals("isUserInRole")) {
                return caller != null && (Boolean) answers.get("isUserInRole");
              }
              return answers.get(method.getName());
            });
  }
}
