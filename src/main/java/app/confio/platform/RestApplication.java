package app.confio.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Switches MP-JWT authentication on for the whole WAR, the GraphQL servlet included. It must be a
 * CDI bean: under annotated discovery an unscoped class is ignored and tokens with it.
 */
@ApplicationScoped
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
public class RestApplication extends Application {}
