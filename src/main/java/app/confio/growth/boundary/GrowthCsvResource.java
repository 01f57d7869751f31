package app.confio.growth.boundary;

import app.confio.admin.boundary.AdminAuthentication;
import app.confio.admin.boundary.AdminOnly;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

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
public class GrowthCsvResource {

  @Inject GrowthResource json;

  @GET
  @Path("lifecycle.csv")
  public Response lifecycle(
      @QueryParam("policy") String policy,
      @QueryParam("period") String period,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
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
  public Response retention(
      @QueryParam("policy") String policy,
      @QueryParam("cohort") String cohort,
      @QueryParam("mode") String mode,
      @QueryParam("kind") String kind,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
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
  public Response stickiness(
      @QueryParam("policy") String policy,
      @QueryParam("window") String window,
      @QueryParam("mode") String mode,
      @QueryParam("asOf") String asOf) {
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
  public Response weekly(@QueryParam("policy") String policy, @QueryParam("asOf") String asOf) {
    var report = json.stickiness(policy, null, null, asOf);
    return file(GrowthCsv.weekly(report), "five-plus-days", report.policy(), report.asOf());
  }

  @GET
  @Path("calendar.csv")
  public Response calendar(
      @QueryParam("policy") String policy,
      @QueryParam("period") String period,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
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
      name.append('-').append(part.toString().toLowerCase(java.util.Locale.ROOT));
    }
    return Response.ok(csv)
        .type("text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
        .build();
  }
}
