package app.confio.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * GraphiQL, the in-browser explorer, is a development tool: it answers 404 unless {@code
 * confio.graphql.ui.enabled} is true (the development server turns it on).
 */
@WebFilter(
    filterName = "GraphiqlSwitch",
    urlPatterns = {"/graphql-ui/*", "/graphql-ui"})
public class GraphiqlSwitch extends HttpFilter {

  @Inject
  @ConfigProperty(name = "confio.graphql.ui.enabled", defaultValue = "false")
  boolean enabled;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (enabled) {
      chain.doFilter(request, response);
    } else {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
  }
}
