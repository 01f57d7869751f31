package app.confio.growth.boundary;

import app.confio.activity.entity.Policy;
import app.confio.admin.boundary.AdminAuthentication;
import app.confio.admin.boundary.AdminOnly;
import app.confio.growth.entity.Stickiness;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The growth reports as CSV for the dashboard's download links: {@code lifecycle.csv}, {@code
 * retention.csv}, {@code stickiness.csv}, {@code stickiness-weekly.csv} and {@code calendar.csv}
 * under {@code /api/admin/metrics}, each taking the parameters of its JSON call and answering from
 * it, so a file never differs from the API.
 */
@AdminOnly
@RequestScoped
@Path("admin/metrics")
@RolesAllowed(AdminAuthentication.ROLE)
@Produces("text/csv")
@Tag(name = "Growth")
@SecurityRequirement(name = "admin")
@APIResponse(
    responseCode = "200",
    description = "A CSV download: one row per period, cell, bucket or week",
    content = @Content(mediaType = "text/csv"))
public class GrowthCsvResource {

  @Inject GrowthResource json;

  @GET
  @Path("lifecycle.csv")
  @Operation(summary = "The lifecycle report as CSV")
  public Response lifecycle(@BeanParam LifecycleQuery query) {
    var report = json.lifecycle(query);
    return file(
        GrowthCsv.lifecycle(report),
        "lifecycle",
        report.policy(),
        report.period(),
        report.from() + "-" + report.to());
  }

  @GET
  @Path("retention.csv")
  @Operation(summary = "The retention report as CSV")
  public Response retention(@BeanParam RetentionQuery query) {
    var report = json.retention(query);
    return file(
        GrowthCsv.retention(report),
        "retention",
        report.policy(),
        report.cohortPeriod(),
        report.mode(),
        report.kind(),
        report.from() + "-" + report.to());
  }

  @GET
  @Path("stickiness.csv")
  @Operation(summary = "The stickiness histogram as CSV")
  public Response stickiness(@BeanParam StickinessQuery query) {
    var report = json.stickiness(query);
    return file(
        GrowthCsv.stickiness(report),
        "stickiness",
        report.policy(),
        "l" + report.window(),
        report.mode(),
        report.asOf());
  }

  @GET
  @Path("stickiness-weekly.csv")
  @Operation(summary = "The weekly share of actives on five days or more, as CSV")
  public Response weekly(
      @QueryParam("policy")
          @DefaultValue("APP_ACTIVE")
          @Parameter(description = "default APP_ACTIVE", schema = @Schema(ref = "Policy"))
          Policy policy,
      @QueryParam("asOf") @Parameter(schema = @Schema(ref = "Date")) LocalDate asOf) {
    var report = json.stickiness(policy, 7, Stickiness.Mode.EXACT, asOf);
    return file(GrowthCsv.weekly(report), "five-plus-days", report.policy(), report.asOf());
  }

  @GET
  @Path("calendar.csv")
  @Operation(summary = "The calendar actives as CSV")
  public Response calendar(@BeanParam CalendarQuery query) {
    var report = json.calendar(query);
    return file(
        GrowthCsv.calendar(report),
        "calendar",
        report.policy(),
        report.period(),
        report.from() + "-" + report.to());
  }

  /** The CSV as a download named after what it holds, e.g. lifecycle-app_active-week-….csv. */
  private static Response file(String csv, String report, Object... parts) {
    var name = new StringBuilder(report);
    for (var part : parts) {
      name.append('-').append(part.toString().toLowerCase(Locale.ROOT));
    }
    return Response.ok(csv)
        .type("text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
        .build();
  }
}
