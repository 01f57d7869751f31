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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
@Tag(name = "Monitoring")
@SecurityRequirement(name = "admin")
public class TrackingHealthResource {

  @Inject TrackingHealth health;
  @Inject HistoryPromise promise;

  @GET
  @Path("tracking")
  @Operation(
      summary = "The cluster's last tracking validation",
      description =
          "Every 15 minutes: when, coverage, stale and never-recorded users, and whether it"
              + " passed")
  @APIResponse(
      responseCode = "200",
      description =
          "checkedAt, coverage, sourceActiveUsers, staleUsers, neverRecordedUsers and"
              + " validationPassed; or only checked (not yet, or unknown when the data grid did"
              + " not answer)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON))
  public JsonObject tracking() {
    return Json.createObjectBuilder(health.last())
        .add("history", promise.yesterday().json())
        .build();
  }

  @GET
  @Path("history")
  @Operation(
      summary = "Whether a day's history kept its freshness promise",
      description =
          "met, missed or pending: the day's snapshot final by confio.history.final-by after the"
              + " day ends in the reporting zone; yesterday when no day is named")
  @APIResponse(
      responseCode = "200",
      description = "the day, its deadline and the promise's state",
      content = @Content(mediaType = MediaType.APPLICATION_JSON))
  public JsonObject history(@QueryParam("day") String day) {
    return promise.of(Params.date("day", day, promise.yesterdayDate()), Instant.now()).json();
  }
}
