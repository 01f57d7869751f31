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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
public class BackfillResource {

  /** A refusal, with the run that caused it when there is one. */
  public record Problem(String code, String message, Progress progress) {}

  @Inject Backfill backfill;

  @POST
  public Response start(@QueryParam("days") String days) {
    try {
      var progress = backfill.start(Days.parse(days, backfill.defaultDays()), Trigger.ON_DEMAND);
      return Response.accepted(progress).build();
    } catch (BackfillBusyException e) {
      return refuse(
          Response.Status.CONFLICT,
          new Problem(e.code(), e.getMessage(), e.running().orElse(null)));
    }
  }

  @GET
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
