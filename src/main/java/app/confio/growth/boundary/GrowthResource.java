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
import app.confio.metrics.boundary.Params;
import app.confio.platform.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;

/**
 * Growth accounting for admins: {@code GET /api/admin/metrics/lifecycle?policy=&period=&from=&to=}
 * (default: the last 26 weeks, 12 months or 90 days, app-active) and {@code GET
 * /api/admin/metrics/retention?policy=&cohort=&mode=&kind=&from=&to=} (default: monthly first-time
 * cohorts of the last 12 months, "on"), {@code GET
 * /api/admin/metrics/stickiness?policy=&window=7|28&mode=exact|at-least&asOf=} (default: the 7 days
 * ending yesterday) and {@code GET
 * /api/admin/metrics/calendar?policy=&period=week|month&from=&to=}. Bad parameters answer 400 with
 * {@code {code, message}}.
 */
@AdminOnly
@RequestScoped
@Path("admin/metrics")
@RolesAllowed(AdminAuthentication.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class GrowthResource {

  @Inject LifecycleAccounting lifecycle;
  @Inject CohortRetention retention;
  @Inject GrowthRange range;
  @Inject Engagement engagement;

  @GET
  @Path("lifecycle")
  public Lifecycle lifecycle(
      @QueryParam("policy") String policy,
      @QueryParam("period") String period,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    var unit = period == null || period.isBlank() ? Period.WEEK : Period.parse(period, "period");
    return lifecycle.of(
        policy(policy),
        unit,
        date("from", from, range.defaultFrom(unit)),
        date("to", to, range.today()));
  }

  @GET
  @Path("retention")
  public Retention retention(
      @QueryParam("policy") String policy,
      @QueryParam("cohort") String cohort,
      @QueryParam("mode") String mode,
      @QueryParam("kind") String kind,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    var unit = cohort == null || cohort.isBlank() ? Period.MONTH : Period.parse(cohort, "cohort");
    return retention.of(
        policy(policy),
        unit,
        Retention.Mode.parse(mode),
        Retention.Kind.parse(kind),
        date("from", from, range.defaultFrom(unit)),
        date("to", to, range.today()));
  }

  @GET
  @Path("stickiness")
  public Stickiness stickiness(
      @QueryParam("policy") String policy,
      @QueryParam("window") String window,
      @QueryParam("mode") String mode,
      @QueryParam("asOf") String asOf) {
    return engagement.stickiness(
        policy(policy),
        days(window),
        Stickiness.Mode.parse(mode),
        date("asOf", asOf, range.today().minusDays(1)));
  }

  @GET
  @Path("calendar")
  public CalendarActives calendar(
      @QueryParam("policy") String policy,
      @QueryParam("period") String period,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    var unit = period == null || period.isBlank() ? Period.WEEK : Period.parse(period, "period");
    return engagement.calendar(
        policy(policy),
        unit,
        date("from", from, range.defaultFrom(unit)),
        date("to", to, range.today()));
  }

  private static int days(String window) {
    if (window == null || window.isBlank()) {
      return 7;
    }
    try {
      return Integer.parseInt(window.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("window must be 7 or 28 days, not '" + window + "'");
    }
  }

  private static Policy policy(String value) {
    return Params.policy(value, Policy.APP_ACTIVE);
  }

  private static LocalDate date(String name, String value, LocalDate fallback) {
    return Params.date(name, value, fallback);
  }
}
