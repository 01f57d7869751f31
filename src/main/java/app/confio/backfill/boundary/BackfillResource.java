package app.confio.backfill.boundary;

import app.confio.admin.boundary.AdminOnly;
import app.confio.backfill.control.Backfill;
import app.confio.backfill.control.BackfillBusyException;
import app.confio.backfill.entity.Progress;
import app.confio.backfill.entity.Trigger;
import app.confio.platform.Days;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The admin API of the backfill: {@code POST /api/admin/backfill?days=N} starts a run (or resumes
 * the unfinished one) and answers 202 with its progress at once; {@code GET} answers the current or
 * last run's progress. Bad days are refused like every other admin call (400, {@code
 * RefusalMapper}); 409, with the running run's progress, while a run is going anywhere in the
 * cluster.
 */
@AdminOnly
@RequestScoped
@Path("admin/backfill")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Trust")
@SecurityRequirement(name = "admin")
public class BackfillResource {

  /** A refusal, with the run that caused it when there is one. */
  @Schema(name = "BackfillProblem")
  public record Problem(String code, String message, Progress progress) {}

  @Inject Backfill backfill;

  @POST
  @Operation(
      summary = "Start a backfill, or resume the unfinished one",
      description =
          "Recomputes the last activity and the per-day history from the eight activity tables;"
              + " answers at once, and the run goes on in the background")
  @APIResponse(
      responseCode = "202",
      description = "The run started; its progress",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Progress")))
  @APIResponse(
      responseCode = "409",
      description = "A run is going on in the cluster (BACKFILL_RUNNING), with its progress",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "BackfillProblem")))
  public Response start(
      @QueryParam("days")
          @Min(value = Days.MIN, message = Days.RANGE)
          @Max(value = Days.MAX, message = Days.RANGE)
          @Parameter(
              description = "days of history to cover; default confio.backfill.days (365)",
              schema = @Schema(minimum = "" + Days.MIN, maximum = "" + Days.MAX))
          Integer days) {
    try {
      var progress =
          backfill.start(
              Objects.requireNonNullElse(days, backfill.defaultDays()), Trigger.ON_DEMAND);
      return Response.accepted(progress).build();
    } catch (BackfillBusyException e) {
      return refuse(
          Response.Status.CONFLICT,
          new Problem(e.code(), e.getMessage(), e.running().orElse(null)));
    }
  }

  @GET
  @Operation(summary = "The current or last run's progress")
  @APIResponse(
      responseCode = "200",
      description = "The run's progress",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Progress")))
  @APIResponse(
      responseCode = "404",
      description = "No backfill has run yet (NO_BACKFILL)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "BackfillProblem")))
  public Response progress() {
    return backfill
        .progress()
        .map(p -> Response.ok(p).build())
        .orElseGet(
            () ->
                refuse(
                    Response.Status.NOT_FOUND,
                    new Problem("NO_BACKFILL", "No backfill has run yet", null)));
  }

  static Response refuse(Response.Status status, Problem problem) {
    return Response.status(status).entity(problem).type(MediaType.APPLICATION_JSON).build();
  }
}
