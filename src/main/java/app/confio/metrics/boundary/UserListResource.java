package app.confio.metrics.boundary;

import app.confio.activity.control.ReportingDay;
import app.confio.activity.entity.Policy;
import app.confio.admin.boundary.AdminAuthentication;
import app.confio.admin.boundary.AdminOnly;
import app.confio.growth.control.GrowthMembers;
import app.confio.growth.control.GrowthRange;
import app.confio.growth.control.LifecycleMembers;
import app.confio.growth.entity.Retention;
import app.confio.growth.entity.Stickiness;
import app.confio.metrics.control.ActiveUserList;
import app.confio.platform.Days;
import app.confio.platform.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
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
 * The users behind a number of the admin API, under {@code /api/admin/metrics/users}: a page at a
 * time as JSON, or all of them as CSV. Admin role only (see {@link AdminAuthentication}).
 */
@AdminOnly
@RequestScoped
@Path("admin/metrics")
@RolesAllowed(AdminAuthentication.ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Metrics")
@SecurityRequirement(name = "admin")
public class UserListResource {

  static final String SIZE = "size must be between 1 and " + ActiveUserList.MAX_PAGE_SIZE;
  static final String N = "n must be 0 to " + GrowthRange.MAX_PERIODS;

  @Inject ActiveUserList users;
  @Inject LifecycleMembers members;
  @Inject GrowthMembers growthMembers;
  @Inject ReportingDay reportingDay;

  /**
   * The users behind a number, a page at a time: those active within {@code days} days, most
   * recently active first; or, by id, those of one lifecycle bucket of one period ({@code
   * lifecycle}, {@code period}), of one retention cell ({@code cohort}, {@code n}, {@code mode},
   * {@code kind}) or of one stickiness bucket ({@code window}, {@code activeDays}, {@code mode},
   * {@code asOf}) — as those reports count them. One number per request.
   */
  @GET
  @Path("users")
  @Operation(
      summary = "The users behind a number",
      description =
          "One number per request: active within days (most recently active first); a lifecycle"
              + " bucket of a period; a retention cell of a cohort; or a stickiness bucket (by"
              + " id). Naming two is 400.")
  @APIResponse(
      responseCode = "200",
      description =
          "A page of users: a UserPage for days, a BucketPage for a lifecycle bucket, a"
              + " MemberPage for a retention cell or a stickiness bucket")
  public Object users(
      @QueryParam("days")
          @Min(value = Days.MIN, message = Days.RANGE)
          @Max(value = Days.MAX, message = Days.RANGE)
          @Parameter(
              description = "active within this many days (the default number, 1)",
              schema = @Schema(minimum = "" + Days.MIN, maximum = "" + Days.MAX))
          Integer days,
      @QueryParam("policy")
          @DefaultValue("APP_ACTIVE")
          @Parameter(description = "default APP_ACTIVE", schema = @Schema(ref = "Policy"))
          Policy policy,
      @QueryParam("page")
          @DefaultValue("0")
          @Min(value = 0, message = "page starts at 0")
          @Parameter(schema = @Schema(minimum = "0"))
          Integer page,
      @QueryParam("size")
          @DefaultValue("50")
          @Min(value = 1, message = SIZE)
          @Max(value = ActiveUserList.MAX_PAGE_SIZE, message = SIZE)
          @Parameter(schema = @Schema(minimum = "1", maximum = "" + ActiveUserList.MAX_PAGE_SIZE))
          Integer size,
      @QueryParam("lifecycle")
          @Parameter(
              description = "a lifecycle bucket",
              schema =
                  @Schema(enumeration = {"active", "new", "returning", "resurrecting", "dormant"}))
          String lifecycle,
      @QueryParam("period")
          @Parameter(description = "the lifecycle's period: 2026-11-30, 2026-W40 or 2026-10")
          String period,
      @QueryParam("cohort")
          @Parameter(description = "the cohort by its label: 2026-03-02, 2026-W10 or 2026-03")
          String cohort,
      @QueryParam("n")
          @Min(value = 0, message = N)
          @Max(value = GrowthRange.MAX_PERIODS, message = N)
          @Parameter(
              description = "the retention cell; 0 is the cohort",
              schema = @Schema(minimum = "0", maximum = "" + GrowthRange.MAX_PERIODS))
          Integer n,
      @QueryParam("mode")
          @Parameter(
              description =
                  "retention: on (default) or on-or-after; stickiness: exact (default)"
                      + " or at-least",
              schema = @Schema(enumeration = {"on", "on-or-after", "exact", "at-least"}))
          String mode,
      @QueryParam("kind")
          @Parameter(
              description = "retention cohorts",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"first-time", "recurring"},
                      defaultValue = "first-time"))
          Retention.Kind kind,
      @QueryParam("window")
          @Parameter(
              description = "the stickiness window in days (default 7)",
              schema = @Schema(enumeration = {"7", "28"}))
          Integer window,
      @QueryParam("activeDays")
          @Parameter(description = "the stickiness bucket: 1 to the window's days")
          Integer activeDays,
      @QueryParam("asOf")
          @Parameter(
              schema = @Schema(ref = "Date"),
              description = "the stickiness window's last day; default yesterday")
          LocalDate asOf) {
    var lifecycleNumber = present(lifecycle, period);
    var cohortNumber = present(cohort, n, kind);
    var stickinessNumber = present(window, activeDays, asOf);
    var named =
        (lifecycleNumber ? 1 : 0)
            + (cohortNumber ? 1 : 0)
            + (stickinessNumber ? 1 : 0)
            + (present(days) ? 1 : 0);
    if (named > 1) {
      throw new InvalidInputException(
          "name one number: days; lifecycle and period; cohort and n; or window and activeDays");
    }
    if (lifecycleNumber) {
      return members.page(policy, period, lifecycle, page, size);
    }
    if (cohortNumber) {
      if (cohort == null) {
        throw new InvalidInputException("cohort names the cohort, such as 2026-03 or 2026-W10");
      }
      return growthMembers.cohort(
          policy,
          cohort,
          Objects.requireNonNullElse(n, 0),
          Retention.Mode.parse(mode),
          Objects.requireNonNullElse(kind, Retention.Kind.FIRST_TIME),
          page,
          size);
    }
    if (stickinessNumber) {
      if (activeDays == null) {
        throw new InvalidInputException("activeDays names the bucket: 1 to the window's days");
      }
      return growthMembers.stickiness(
          policy,
          Objects.requireNonNullElse(window, 7),
          activeDays,
          Stickiness.Mode.parse(mode),
          Objects.requireNonNullElse(asOf, reportingDay.today().minusDays(1)),
          page,
          size);
    }
    return users.page(policy, Objects.requireNonNullElse(days, 1), page, size);
  }

  /** Whether a request names any of these parameters (blank ones count as absent). */
  private static boolean present(Object... values) {
    for (var value : values) {
      if (value instanceof String text ? !text.isBlank() : value != null) {
        return true;
      }
    }
    return false;
  }

  @GET
  @Path("users.csv")
  @Produces("text/csv")
  @Operation(summary = "The users active within days, all of them, as CSV")
  @APIResponse(
      responseCode = "200",
      description = "A CSV download, streamed",
      content = @Content(mediaType = "text/csv"))
  public Response usersCsv(
      @QueryParam("days")
          @DefaultValue("1")
          @Min(value = Days.MIN, message = Days.RANGE)
          @Max(value = Days.MAX, message = Days.RANGE)
          @Parameter(schema = @Schema(minimum = "" + Days.MIN, maximum = "" + Days.MAX))
          Integer days,
      @QueryParam("policy")
          @DefaultValue("APP_ACTIVE")
          @Parameter(description = "default APP_ACTIVE", schema = @Schema(ref = "Policy"))
          Policy policy) {
    var name =
        "active-%s-%dd-%s.csv".formatted(policy.name().toLowerCase(), days, reportingDay.today());
    return Response.ok(new UserCsv(users, policy, days))
        .type("text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }
}
