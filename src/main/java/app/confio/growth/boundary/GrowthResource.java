package app.confio.growth.boundary;

import app.confio.activity.entity.Policy;
import app.confio.admin.boundary.AdminAuthentication;
import app.confio.admin.boundary.AdminOnly;
import app.confio.growth.control.CohortRetention;
import app.confio.growth.control.GrowthRange;
import app.confio.growth.control.LifecycleAccounting;
import app.confio.growth.entity.Lifecycle;
import app.confio.growth.entity.Period;
import app.confio.growth.entity.Retention;
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
import java.time.format.DateTimeParseException;

/**
 * Growth accounting for admins: {@code GET /api/admin/metrics/lifecycle?policy=&period=&from=&to=}
 * (default: the last 26 weeks, app-active) and {@code GET
 * /api/admin/metrics/retention?policy=&cohort=&mode=&kind=&from=&to=} (default: monthly first-time
 * cohorts of the last 12 months, "on"). Bad parameters answer 400 with {@code {code, message}}.
 */
@AdminOnly
@RequestScoped
@Path("admin/metrics")
@RolesAllowed(AdminAuthentication.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class GrowthResource {

  static final int DEFAULT_WEEKS = 26;
  static final int DEFAULT_MONTHS = 12;

  @Inject LifecycleAccounting lifecycle;
  @Inject CohortRetention retention;
  @Inject GrowthRange range;

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
        date("from", from, range.since(unit, DEFAULT_WEEKS)),
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
        date("from", from, range.since(unit, DEFAULT_MONTHS)),
        date("to", to, range.today()));
  }

  private static Policy policy(String value) {
    return value == null || value.isBlank() ? Policy.APP_ACTIVE : Policy.parse(value);
  }

  private static LocalDate date(String name, String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          name + " must be a date like 2026-01-31, not '" + value + "'");
    }
  }
}
