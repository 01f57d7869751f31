package app.confio.health;

import app.confio.admin.boundary.AdminOnly;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/admin/health/tracking}: the cluster's last tracking validation (when, coverage,
 * stale and never-recorded users, passed or not), for admins and their monitoring.
 */
@AdminOnly
@RequestScoped
@Path("admin/health")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class TrackingHealthResource {

  @Inject TrackingHealth health;

  @GET
  @Path("tracking")
  public JsonObject tracking() {
    return health.last();
  }
}
