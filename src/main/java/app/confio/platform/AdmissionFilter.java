package app.confio.platform;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Applies {@link Admission} to the GraphQL API and the REST APIs. A refusal is HTTP 503 with {@code
 * Retry-After}, and a body in the API's own shape: a GraphQL error with {@code extensions.code}
 * {@code UNAVAILABLE} and {@code retryAfter}, or the admin API's {@code {code, message}}. The
 * health probes and {@code /metrics} are Payara's own and never queue here.
 */
@WebFilter(
    urlPatterns = {"/graphql", "/graphql/*", "/api/*"},
    asyncSupported = true)
public class AdmissionFilter extends HttpFilter {

  @Inject Admission admission;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean admitted;
    try {
      admitted = admission.enter();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      refuse(request, response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      admission.leave();
    }
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var unavailable = new UnavailableException();
    var graphql = RequestPaths.of(request).startsWith("/graphql");
    var body =
        graphql
            ? Json.createObjectBuilder()
                .add(
                    "errors",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("message", unavailable.getMessage())
                                .add(
                                    "extensions",
                                    Json.createObjectBuilder()
                                        .add("code", unavailable.code())
                                        .add("retryAfter", unavailable.retryAfter()))))
                .addNull("data")
            : Json.createObjectBuilder()
                .add("code", unavailable.code())
                .add("message", unavailable.getMessage());
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", Long.toString(unavailable.retryAfter()));
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body.build().toString());
  }
}
