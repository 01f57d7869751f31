package app.confio.api.boundary;

import app.confio.api.control.GraphQLBody;
import app.confio.api.control.RequestLimits;
import app.confio.platform.Refusal;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads every POST to {@code /graphql} once, before SmallRye does: a body that is too large, not
 * JSON or not a JSON object answers 400 with a GraphQL-shaped error ({@code INVALID_REQUEST})
 * instead of the container's error page, and a document over the {@link RequestLimits} is refused
 * the same way before any field runs. SmallRye then reads the same bytes again.
 */
@WebFilter(urlPatterns = {"/graphql", "/graphql/*"})
public class GraphQLRequestFilter extends HttpFilter {

  /** The most of a refused body read before answering: larger ones close the connection. */
  static final long DRAIN_LIMIT = 1 << 20;

  @Inject RequestLimits limits;

  @Inject
  @ConfigProperty(name = "confio.graphql.max-body-bytes", defaultValue = "65536")
  int maxBodyBytes;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    byte[] bytes;
    try {
      bytes =
          GraphQLBody.read(request.getInputStream(), request.getContentLengthLong(), maxBodyBytes);
      var body = GraphQLBody.parse(bytes, request.getContentType());
      limits.check(body.query(), body.operationName());
    } catch (Refusal refusal) {
      drain(request, response);
      refuse(response, refusal);
      return;
    }
    chain.doFilter(new ReReadableRequest(request, bytes), response);
  }

  /**
   * Reads what is left of a refused body, up to {@link #DRAIN_LIMIT}, so that the client, still
   * sending, gets to read the answer; a larger body ends the connection instead.
   */
  private static void drain(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var in = request.getInputStream();
    var buffer = new byte[8192];
    long left = DRAIN_LIMIT;
    for (int n; left > 0 && (n = in.read(buffer)) != -1; ) {
      left -= n;
    }
    if (left <= 0) {
      response.setHeader("Connection", "close");
    }
  }

  private static void refuse(HttpServletResponse response, Refusal refusal) throws IOException {
    var error =
        Json.createObjectBuilder()
            .add("message", refusal.getMessage())
            .add("extensions", Json.createObjectBuilder().add("code", refusal.code()));
    var body = Json.createObjectBuilder().add("errors", Json.createArrayBuilder().add(error));
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body.build().toString());
  }
}
