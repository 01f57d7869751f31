package app.confio.metrics.boundary;

import app.confio.activity.control.ReportingDay;
import app.confio.activity.entity.Policy;
import app.confio.admin.boundary.AdminAuthentication;
import app.confio.admin.boundary.AdminOnly;
import app.confio.metrics.control.ActivityHistory;
import app.confio.metrics.control.ActivityMetrics;
import app.confio.metrics.control.MetricsBreakdown;
import app.confio.metrics.entity.ActiveUsers;
import app.confio.metrics.entity.Breakdown;
import app.confio.metrics.entity.CurrentMetrics;
import app.confio.metrics.entity.History;
import app.confio.platform.Days;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The admin API for the metrics, under {@code /api/admin/metrics}. JSON, admin role only (see
 * {@link AdminAuthentication}). The README lists every call with an example.
 */
@AdminOnly
@RequestScoped
@Path("admin/metrics")
@RolesAllowed(AdminAuthentication.ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Metrics")
@SecurityRequirement(name = "admin")
public class MetricsResource {

  static final int DEFAULT_HISTORY_DAYS = 90;

  @Inject ActivityMetrics metrics;
  @Inject MetricsBreakdown breakdown;
  @Inject ActivityHistory history;
  @Inject ReportingDay reportingDay;

  @GET
  @Operation(
      summary = "DAU, WAU, MAU now",
      description = "Both policies, eligible and excluded users; the windows end now (asOf)")
  @APIResponse(
      responseCode = "200",
      description = "The figures",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "CurrentMetrics")))
  public CurrentMetrics current() {
    return metrics.current();
  }

  @GET
  @Path("active")
  @Operation(summary = "Eligible users active within any number of days")
  @APIResponse(
      responseCode = "200",
      description = "One policy's figure, or both policies'",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = ActiveUsers.class)))
  public List<ActiveUsers> active(
      @QueryParam("days")
          @DefaultValue("1")
          @Min(value = Days.MIN, message = Days.RANGE)
          @Max(value = Days.MAX, message = Days.RANGE)
          @Parameter(schema = @Schema(minimum = "" + Days.MIN, maximum = "" + Days.MAX))
          Integer days,
      @QueryParam("policy")
          @Parameter(schema = @Schema(ref = "Policy"), description = "one policy; both when absent")
          Policy policy) {
    var now = OffsetDateTime.now();
    if (policy == null) {
      return List.of(
          metrics.within(Policy.APP_ACTIVE, days, now),
          metrics.within(Policy.TRANSACTING, days, now));
    }
    return List.of(metrics.within(policy, days, now));
  }

  @GET
  @Path("detailed")
  @Operation(
      summary = "The detailed breakdown",
      description =
          "Active within 1 to 90 days, new users per period, never active, by account kind,"
              + " excluded by reason")
  @APIResponse(
      responseCode = "200",
      description = "The breakdown",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Breakdown")))
  public Breakdown detailed() {
    return breakdown.at(OffsetDateTime.now());
  }

  @GET
  @Path("history")
  @Operation(
      summary = "Daily snapshots of a range",
      description = "With stickiness and the 7- and 30-day change of each window")
  @APIResponse(
      responseCode = "200",
      description = "The days of the range",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "History")))
  public History history(
      @QueryParam("policy")
          @DefaultValue("APP_ACTIVE")
          @Parameter(description = "default APP_ACTIVE", schema = @Schema(ref = "Policy"))
          Policy policy,
      @QueryParam("from")
          @Parameter(schema = @Schema(ref = "Date"), description = "default: 89 days before to")
          LocalDate from,
      @QueryParam("to") @Parameter(schema = @Schema(ref = "Date"), description = "default: today")
          LocalDate to) {
    var last = Objects.requireNonNullElse(to, reportingDay.today());
    var first = Objects.requireNonNullElse(from, last.minusDays(DEFAULT_HISTORY_DAYS - 1));
    return history.range(policy, first, last);
  }

  @POST
  @Path("history/rebuild")
  @Operation(summary = "Recompute the daily snapshots of a range from the per-day activity")
  @APIResponse(
      responseCode = "200",
      description = "The range and the snapshot rows written",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Rebuilt")))
  public Rebuilt rebuild(
      @QueryParam("from")
          @Parameter(schema = @Schema(ref = "Date"), description = "default: 89 days before to")
          LocalDate from,
      @QueryParam("to") @Parameter(schema = @Schema(ref = "Date"), description = "default: today")
          LocalDate to) {
    var last = Objects.requireNonNullElse(to, reportingDay.today());
    var first = Objects.requireNonNullElse(from, last.minusDays(DEFAULT_HISTORY_DAYS - 1));
    return new Rebuilt(first, last, history.rebuild(first, last, done -> {}));
  }

  /** What a rebuild answers: the range recomputed and how many snapshot rows changed. */
  public record Rebuilt(LocalDate from, LocalDate to, int rowsWritten) {}
}
