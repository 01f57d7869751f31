package app.confio.metrics.boundary;

import app.confio.activity.control.ReportingDay;
import app.confio.admin.boundary.AdminAuthentication;
import app.confio.admin.boundary.AdminOnly;
import app.confio.growth.control.GrowthMembers;
import app.confio.growth.control.LifecycleMembers;
import app.confio.growth.control.MemberQuery;
import app.confio.growth.entity.Retention;
import app.confio.growth.entity.Stickiness;
import app.confio.metrics.control.ActiveUserList;
import app.confio.metrics.entity.ActiveUser;
import app.confio.platform.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
      @Valid @BeanParam DrillDown number,
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
          Integer size) {
    return switch (number.named()) {
      case DAYS -> users.page(number.policy, days(number), page, size);
      case LIFECYCLE -> members.page(query(number), page, size);
      default -> growthMembers.page(query(number), page, size);
    };
  }

  /**
   * All the users behind a number as CSV, streamed: the same parameters and refusals as {@code
   * users}, the same columns; a file named after the number.
   */
  @GET
  @Path("users.csv")
  @Produces("text/csv")
  @Operation(
      summary = "The users behind a number, all of them, as CSV",
      description =
          "The numbers of users (without page and size): active within days (most recently"
              + " active first) or, by id, a lifecycle bucket, a retention cell or a stickiness"
              + " bucket. Naming two is 400.")
  @APIResponse(
      responseCode = "200",
      description = "A CSV download, streamed",
      content = @Content(mediaType = "text/csv"))
  public Response usersCsv(@Valid @BeanParam DrillDown number) {
    String name;
    Consumer<Consumer<ActiveUser>> source;
    if (number.named() == DrillDown.Number.DAYS) {
      var days = days(number);
      name = "active-%s-%dd-%s".formatted(policy(number), days, reportingDay.today());
      source = sink -> users.each(number.policy, days, sink);
    } else {
      var query = query(number);
      name = "users-%s-%s".formatted(policy(number), query.name());
      source = sink -> growthMembers.each(query, sink);
    }
    return Response.ok(new UserCsv(source))
        .type("text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
        .build();
  }

  /** The users of a lifecycle bucket, a retention cell or a stickiness bucket, checked. */
  private MemberQuery query(DrillDown number) {
    return switch (number.named()) {
      case LIFECYCLE -> members.query(number.policy, number.period, number.lifecycle);
      case COHORT -> {
        if (number.cohort == null) {
          throw new InvalidInputException("cohort names the cohort, such as 2026-03 or 2026-W10");
        }
        yield growthMembers.cohort(
            number.policy,
            number.cohort,
            Objects.requireNonNullElse(number.n, 0),
            Retention.Mode.parse(number.mode),
            Objects.requireNonNullElse(number.kind, Retention.Kind.FIRST_TIME));
      }
      case STICKINESS -> {
        if (number.activeDays == null) {
          throw new InvalidInputException("activeDays names the bucket: 1 to the window's days");
        }
        yield growthMembers.stickiness(
            number.policy,
            Objects.requireNonNullElse(number.window, 7),
            number.activeDays,
            Stickiness.Mode.parse(number.mode),
            Objects.requireNonNullElse(number.asOf, reportingDay.today().minusDays(1)));
      }
      case DAYS -> throw new IllegalArgumentException("days names no member query");
    };
  }

  private static int days(DrillDown number) {
    return Objects.requireNonNullElse(number.days, 1);
  }

  private static String policy(DrillDown number) {
    return number.policy.name().toLowerCase(Locale.ROOT);
  }
}
