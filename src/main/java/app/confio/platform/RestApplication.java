package app.confio.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Switches MP-JWT authentication on for the whole WAR, the GraphQL servlet included. It must be a
 * CDI bean: under annotated discovery an unscoped class is ignored and tokens with it.
 */
@ApplicationScoped
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
public class RestApplication extends Application {

  /** No generated WADL: a public map of every resource, the admin ones included, helps nobody. */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
