package app.confio.metrics.boundary;

import app.confio.activity.control.ReportingDay;
import app.confio.activity.entity.Policy;
import app.confio.admin.boundary.AdminAuthentication;
import app.confio.admin.boundary.AdminOnly;
import app.confio.growth.control.GrowthMembers;
import app.confio.growth.control.LifecycleMembers;
import app.confio.growth.entity.Retention;
import app.confio.growth.entity.Stickiness;
import app.confio.metrics.control.ActiveUserList;
import app.confio.metrics.control.ActivityHistory;
import app.confio.metrics.control.ActivityMetrics;
import app.confio.metrics.control.MetricsBreakdown;
import app.confio.metrics.entity.ActiveUsers;
import app.confio.metrics.entity.Breakdown;
import app.confio.metrics.entity.CurrentMetrics;
import app.confio.metrics.entity.History;
import app.confio.platform.Days;
import app.confio.platform.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The admin API for the metrics, under {@code /api/admin/metrics}. JSON, admin role only (see
 * {@link AdminAuthentication}). The README lists every call with an example.
 */
@AdminOnly
@RequestScoped
@Path("admin/metrics")
@RolesAllowed(AdminAuthentication.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {

  static final int DEFAULT_HISTORY_DAYS = 90;

  @Inject ActivityMetrics metrics;
  @Inject MetricsBreakdown breakdown;
  @Inject ActivityHistory history;
  @Inject ActiveUserList users;
  @Inject LifecycleMembers members;
  @Inject GrowthMembers growthMembers;
  @Inject ReportingDay reportingDay;

  /** DAU, WAU, MAU, eligible and excluded users, both policies, windows ending now. */
  @GET
  public CurrentMetrics current() {
    return metrics.current();
  }

  /** Eligible users active within {@code days} days: one policy, or both when none is named. */
  @GET
  @Path("active")
  public List<ActiveUsers> active(
      @QueryParam("days") String days, @QueryParam("policy") String policy) {
    var n = Days.parse(days, 1);
    var now = OffsetDateTime.now();
    if (policy == null || policy.isBlank()) {
      return List.of(
          metrics.within(Policy.APP_ACTIVE, n, now), metrics.within(Policy.TRANSACTING, n, now));
    }
    return List.of(metrics.within(Params.policy(policy, null), n, now));
  }

  @GET
  @Path("detailed")
  public Breakdown detailed() {
    return breakdown.at(OffsetDateTime.now());
  }

  /** Daily snapshots from {@code from} to {@code to} (default: the last 90 days). */
  @GET
  @Path("history")
  public History history(
      @QueryParam("policy") String policy,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    var last = Params.date("to", to, reportingDay.today());
    var first = Params.date("from", from, last.minusDays(DEFAULT_HISTORY_DAYS - 1));
    return history.range(Params.policy(policy, Policy.APP_ACTIVE), first, last);
  }

  /** Recomputes the daily snapshots of a range from the per-day activity. */
  @POST
  @Path("history/rebuild")
  public JsonObject rebuild(@QueryParam("from") String from, @QueryParam("to") String to) {
    var last = Params.date("to", to, reportingDay.today());
    var first = Params.date("from", from, last.minusDays(DEFAULT_HISTORY_DAYS - 1));
    var written = history.rebuild(first, last, done -> {});
    return Json.createObjectBuilder()
        .add("from", first.toString())
        .add("to", last.toString())
        .add("rowsWritten", written)
        .build();
  }

  /**
   * The users behind a number, a page at a time: those active within {@code days} days, most
   * recently active first; or, by id, those of one lifecycle bucket of one period ({@code
   * lifecycle}, {@code period}), of one retention cell ({@code cohort}, {@code n}, {@code mode},
   * {@code kind}) or of one stickiness bucket ({@code window}, {@code activeDays}, {@code mode},
   * {@code asOf}) — as those reports count them. One number per request.
   */
  @GET
  @Path("users")
  public Object users(
      @QueryParam("days") String days,
      @QueryParam("policy") String policy,
      @QueryParam("page") String page,
      @QueryParam("size") String size,
      @QueryParam("lifecycle") String lifecycle,
      @QueryParam("period") String period,
      @QueryParam("cohort") String cohort,
      @QueryParam("n") String n,
      @QueryParam("mode") String mode,
      @QueryParam("kind") String kind,
      @QueryParam("window") String window,
      @QueryParam("activeDays") String activeDays,
      @QueryParam("asOf") String asOf) {
    var chosen = Params.policy(policy, Policy.APP_ACTIVE);
    var pageNumber = Params.number("page", page, 0);
    var pageSize = Params.number("size", size, 50);
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
      return members.page(chosen, period, lifecycle, pageNumber, pageSize);
    }
    if (cohortNumber) {
      if (!present(cohort)) {
        throw new InvalidInputException("cohort names the cohort, such as 2026-03 or 2026-W10");
      }
      return growthMembers.cohort(
          chosen,
          cohort,
          Params.number("n", n, 0),
          Retention.Mode.parse(mode),
          Retention.Kind.parse(kind),
          pageNumber,
          pageSize);
    }
    if (stickinessNumber) {
      if (!present(activeDays)) {
        throw new InvalidInputException("activeDays names the bucket: 1 to the window's days");
      }
      return growthMembers.stickiness(
          chosen,
          Params.number("window", window, 7),
          Params.number("activeDays", activeDays, 1),
          Stickiness.Mode.parse(mode),
          Params.date("asOf", asOf, reportingDay.today().minusDays(1)),
          pageNumber,
          pageSize);
    }
    return users.page(chosen, Days.parse(days, 1), pageNumber, pageSize);
  }

  private static boolean present(String... values) {
    for (var value : values) {
      if (value != null && !value.isBlank()) {
        return true;
      }
    }
    return false;
  }

  /** The same users, all of them, as CSV. */
  @GET
  @Path("users.csv")
  @Produces("text/csv")
  public Response usersCsv(@QueryParam("days") String days, @QueryParam("policy") String policy) {
    var chosen = Params.policy(policy, Policy.APP_ACTIVE);
    var n = Days.parse(days, 1);
    var name =
        "active-%s-%dd-%s.csv".formatted(chosen.name().toLowerCase(), n, reportingDay.today());
    return Response.ok(new UserCsv(users, chosen, n))
        .type("text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }
}
