package app.confio.growth.boundary;

import app.confio.activity.entity.Policy;
import app.confio.admin.boundary.AdminAuthentication;
import app.confio.admin.boundary.AdminOnly;
import app.confio.growth.entity.Period;
import app.confio.growth.entity.Retention;
import app.confio.growth.entity.Stickiness;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
  public Response lifecycle(
      @QueryParam("policy")
          @DefaultValue("APP_ACTIVE")
          @Parameter(description = "default APP_ACTIVE", schema = @Schema(ref = "Policy"))
          Policy policy,
      @QueryParam("period")
          @DefaultValue("week")
          @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"day", "week", "month"}))
          Period period,
      @QueryParam("from") @Parameter(schema = @Schema(ref = "Date")) LocalDate from,
      @QueryParam("to") @Parameter(schema = @Schema(ref = "Date")) LocalDate to) {
    var report = json.lifecycle(policy, period, from, to);
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
  public Response retention(
      @QueryParam("policy")
          @DefaultValue("APP_ACTIVE")
          @Parameter(description = "default APP_ACTIVE", schema = @Schema(ref = "Policy"))
          Policy policy,
      @QueryParam("cohort")
          @DefaultValue("month")
          @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"day", "week", "month"}))
          Period cohort,
      @QueryParam("mode")
          @DefaultValue("on")
          @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"on", "on-or-after"}))
          Retention.Mode mode,
      @QueryParam("kind")
          @DefaultValue("first-time")
          @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"first-time", "recurring"}))
          Retention.Kind kind,
      @QueryParam("from") @Parameter(schema = @Schema(ref = "Date")) LocalDate from,
      @QueryParam("to") @Parameter(schema = @Schema(ref = "Date")) LocalDate to) {
    var report = json.retention(policy, cohort, mode, kind, from, to);
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
  public Response stickiness(
      @QueryParam("policy")
          @DefaultValue("APP_ACTIVE")
          @Parameter(description = "default APP_ACTIVE", schema = @Schema(ref = "Policy"))
          Policy policy,
      @QueryParam("window")
          @DefaultValue("7")
          @Parameter(schema = @Schema(enumeration = {"7", "28"}))
          Integer window,
      @QueryParam("mode")
          @DefaultValue("exact")
          @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"exact", "at-least"}))
          Stickiness.Mode mode,
      @QueryParam("asOf") @Parameter(schema = @Schema(ref = "Date")) LocalDate asOf) {
    var report = json.stickiness(policy, window, mode, asOf);
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
  public Response calendar(
      @QueryParam("policy")
          @DefaultValue("APP_ACTIVE")
          @Parameter(description = "default APP_ACTIVE", schema = @Schema(ref = "Policy"))
          Policy policy,
      @QueryParam("period")
          @DefaultValue("week")
          @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"week", "month"}))
          Period period,
      @QueryParam("from") @Parameter(schema = @Schema(ref = "Date")) LocalDate from,
      @QueryParam("to") @Parameter(schema = @Schema(ref = "Date")) LocalDate to) {
    var report = json.calendar(policy, period, from, to);
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
