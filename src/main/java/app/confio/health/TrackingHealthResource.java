package app.confio.health;

import app.confio.admin.boundary.AdminOnly;
import app.confio.metrics.boundary.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/**
 * {@code GET /api/admin/health/tracking}: the cluster's last tracking validation (when, coverage,
 * stale and never-recorded users, passed or not) and whether yesterday's history kept its freshness
 * promise, for admins and their monitoring; {@code GET /api/admin/health/history?day=} the promise
 * of any day.
 */
@AdminOnly
@RequestScoped
@Path("admin/health")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class TrackingHealthResource {

  @Inject TrackingHealth health;
  @Inject HistoryPromise promise;

  @GET
  @Path("tracking")
  public JsonObject tracking() {
    return Json.createObjectBuilder(health.last())
        .add("history", promise.yesterday().json())
        .build();
  }

  @GET
  @Path("history")
  public JsonObject history(@QueryParam("day") String day) {
    return promise.of(Params.date("day", day, promise.yesterdayDate()), Instant.now()).json();
  }
}
