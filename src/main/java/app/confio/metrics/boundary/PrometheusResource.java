package app.confio.metrics.boundary;

import app.confio.admin.boundary.AdminOnly;
import app.confio.health.TrustGauges;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * {@code GET /api/admin/prometheus}: the active-user gauges, and those the alerts watch (backfill,
 * validation, the history's freshness), for a Prometheus that authenticates as an admin account
 * ({@code basic_auth} in its scrape configuration; see the README).
 */
@AdminOnly
@RequestScoped
@Path("admin/prometheus")
@RolesAllowed("admin")
public class PrometheusResource {

  @Inject ActivityGauges gauges;
  @Inject TrustGauges trust;

  @GET
  @Produces("text/plain; version=0.0.4; charset=utf-8")
  public String scrape() {
    return gauges.text() + trust.text();
  }
}
