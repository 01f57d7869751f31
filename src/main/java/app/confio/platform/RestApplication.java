package app.confio.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Switches MP-JWT authentication on for the whole WAR, the GraphQL servlet included. It must be a
 * CDI bean: under annotated discovery an unscoped class is ignored and tokens with it.
 *
 * <p>It also heads the admin API's published contract at {@code /openapi}: the refusals every admin
 * call can answer are defined once here, and {@link ApiDocument} names them on every operation.
 */
@ApplicationScoped
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Confío admin API",
            version = "the build's",
            description =
                "The activity figures and their proof, for admins: HTTP Basic with an admin"
                    + " account, or the dashboard's session. The product's own API is GraphQL, at"
                    + " /graphql; its schema is at /graphql/schema.graphql.",
            license =
                @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
    tags = {
      @Tag(
          name = "Metrics",
          description = "DAU, WAU and MAU, their history, the users behind them"),
      @Tag(name = "Growth", description = "Lifecycle, retention, stickiness, calendar actives"),
      @Tag(name = "Users", description = "One user: found by id or phone, and why they count"),
      @Tag(name = "Trust", description = "The backfill, old method against new, validation"),
      @Tag(name = "Monitoring", description = "Prometheus gauges and the tracking's health")
    },
    servers = @Server(url = "/", description = "The server that serves this document"),
    components =
        @Components(
            responses = {
              @APIResponse(
                  name = "BadRequest",
                  responseCode = "400",
                  description =
                      "A parameter is malformed or out of range (INVALID_INPUT), or the path is"
                          + " not in normal form (INVALID_PATH); nothing was done",
                  content =
                      @Content(
                          mediaType = MediaType.APPLICATION_JSON,
                          schema = @Schema(ref = "Error"))),
              @APIResponse(
                  name = "Unauthenticated",
                  responseCode = "401",
                  description =
                      "No admin signed in, or the credentials were refused (a Basic challenge)"),
              @APIResponse(
                  name = "Forbidden",
                  responseCode = "403",
                  description =
                      "The caller is no admin (FORBIDDEN), or a change rode on the dashboard's"
                          + " session from another site (CROSS_SITE_REQUEST)",
                  content =
                      @Content(
                          mediaType = MediaType.APPLICATION_JSON,
                          schema = @Schema(ref = "Error"))),
              @APIResponse(
                  name = "TooManyFailures",
                  responseCode = "429",
                  description =
                      "Too many failed sign-ins of this name from this address (TOO_MANY_FAILURES)",
                  headers = @Header(name = "Retry-After", description = "seconds to wait"),
                  content =
                      @Content(
                          mediaType = MediaType.APPLICATION_JSON,
                          schema = @Schema(ref = "Error"))),
              @APIResponse(
                  name = "Unavailable",
                  responseCode = "503",
                  description = "The database does not answer (UNAVAILABLE); nothing was done",
                  headers = @Header(name = "Retry-After", description = "seconds to wait"),
                  content =
                      @Content(
                          mediaType = MediaType.APPLICATION_JSON,
                          schema = @Schema(ref = "Error")))
            }))
@SecurityScheme(
    securitySchemeName = "admin",
    type = SecuritySchemeType.HTTP,
    scheme = "basic",
    description = "An admin account; the dashboard's session cookie is accepted too")
public class RestApplication extends Application {

  /** No generated WADL: a public map of every resource, the admin ones included, helps nobody. */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
