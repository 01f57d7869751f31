package app.confio.metrics.boundary;

import app.confio.admin.boundary.AdminOnly;
import app.confio.health.TrustGauges;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/admin/prometheus}: the active-user gauges, and those the alerts watch (backfill,
 * validation, the history's freshness), for a Prometheus that authenticates as an admin account
 * ({@code basic_auth} in its scrape configuration; see the README).
 */
@AdminOnly
@RequestScoped
@Path("admin/prometheus")
@RolesAllowed("admin")
@Tag(name = "Monitoring")
@SecurityRequirement(name = "admin")
public class PrometheusResource {

  @Inject ActivityGauges gauges;
  @Inject TrustGauges trust;

  @GET
  @Operation(
      summary = "The active-user gauges in Prometheus's text format",
      description =
          "confio_active_users{policy, window} and confio_eligible_users, refreshed once a"
              + " minute; a scrape never runs a query")
  @APIResponse(
      responseCode = "200",
      description = "The gauges",
      content = @Content(mediaType = "text/plain"))
  @Produces("text/plain; version=0.0.4; charset=utf-8")
  public String scrape() {
    return gauges.text() + trust.text();
  }
}
