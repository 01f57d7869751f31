package app.confio.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Counts the requests in flight for {@link Draining}, and while the member drains, tells each
 * client to take its next request elsewhere ({@code Connection: close}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class InFlight extends HttpFilter {

  @Inject Draining draining;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!draining.begin()) {
      response.setHeader("Connection", "close");
    }
    try {
      chain.doFilter(request, response);
    } finally {
      draining.end();
    }
  }
}
