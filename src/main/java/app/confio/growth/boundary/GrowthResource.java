package app.confio.growth.boundary;

import app.confio.activity.entity.Policy;
import app.confio.admin.boundary.AdminAuthentication;
import app.confio.admin.boundary.AdminOnly;
import app.confio.growth.control.CohortRetention;
import app.confio.growth.control.Engagement;
import app.confio.growth.control.GrowthRange;
import app.confio.growth.control.LifecycleAccounting;
import app.confio.growth.entity.CalendarActives;
import app.confio.growth.entity.Lifecycle;
import app.confio.growth.entity.Period;
import app.confio.growth.entity.Retention;
import app.confio.growth.entity.Stickiness;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Growth accounting for admins under {@code /api/admin/metrics}: lifecycle, retention, stickiness
 * and calendar actives. A range that names no start covers the last 26 weeks, 12 months or 90 days.
 * Bad parameters answer 400 with {@code {code, message}}.
 */
@AdminOnly
@RequestScoped
@Path("admin/metrics")
@RolesAllowed(AdminAuthentication.ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Growth")
@SecurityRequirement(name = "admin")
public class GrowthResource {

  @Inject LifecycleAccounting lifecycle;
  @Inject CohortRetention retention;
  @Inject GrowthRange range;
  @Inject Engagement engagement;

  @GET
  @Path("lifecycle")
  @Operation(
      summary = "New, returning, resurrecting and dormant users per period",
      description = "With the quick ratio; at most 3650 periods")
  @APIResponse(
      responseCode = "200",
      description = "One row per period",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Lifecycle")))
  public Lifecycle lifecycle(@BeanParam LifecycleQuery query) {
    return lifecycle.of(query.policy, query.period, from(query.from, query.period), to(query.to));
  }

  @GET
  @Path("retention")
  @Operation(
      summary = "The cohort triangle",
      description =
          "Cohorts starting from from to to, each with its size and a cell per period up to"
              + " today's; at most 120 cohorts")
  @APIResponse(
      responseCode = "200",
      description = "One row per cohort",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Retention")))
  public Retention retention(@BeanParam RetentionQuery query) {
    return retention.of(
        query.policy,
        query.cohort,
        query.mode,
        query.kind,
        from(query.from, query.cohort),
        to(query.to));
  }

  @GET
  @Path("stickiness")
  @Operation(
      summary = "L7 or L28",
      description =
          "Eligible users by their active days in the window ending asOf, and the weekly share"
              + " of actives on five days or more")
  @APIResponse(
      responseCode = "200",
      description = "The histogram and the weekly shares",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Stickiness")))
  public Stickiness stickiness(@BeanParam StickinessQuery query) {
    return stickiness(query.policy, query.window, query.mode, query.asOf);
  }

  /** The histogram of one window; {@code asOf} null is yesterday. */
  public Stickiness stickiness(Policy policy, int window, Stickiness.Mode mode, LocalDate asOf) {
    return engagement.stickiness(
        policy, window, mode, Objects.requireNonNullElse(asOf, range.today().minusDays(1)));
  }

  @GET
  @Path("calendar")
  @Operation(
      summary = "Active users per ISO week or calendar month",
      description = "With MAU28 and MAU30 of the range's last day")
  @APIResponse(
      responseCode = "200",
      description = "One row per period",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "CalendarActives")))
  public CalendarActives calendar(@BeanParam CalendarQuery query) {
    return engagement.calendar(
        query.policy, query.period, from(query.from, query.period), to(query.to));
  }

  private LocalDate from(LocalDate from, Period period) {
    return Objects.requireNonNullElse(from, range.defaultFrom(period));
  }

  private LocalDate to(LocalDate to) {
    return Objects.requireNonNullElse(to, range.today());
  }
}
