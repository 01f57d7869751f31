package app.confio.growth.boundary;

import app.confio.admin.boundary.AdminAuthentication;
import app.confio.admin.boundary.AdminOnly;
import app.confio.growth.control.GrowthRange;
import app.confio.growth.control.UserActivityReport;
import app.confio.growth.control.UserSearch;
import app.confio.growth.entity.UserActivity;
import app.confio.metrics.boundary.Params;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code GET /api/admin/users?q=} finds a user by id or phone; {@code GET
 * /api/admin/users/{id}/activity?from=&to=}: why one user is counted (default: the last 90 days).
 * An unknown user answers 404, a bad range 400, both with {@code {code, message}}.
 */
@AdminOnly
@RequestScoped
@Path("admin/users")
@RolesAllowed(AdminAuthentication.ROLE)
@Produces(MediaType.APPLICATION_JSON)
public class UserActivityResource {

  static final int DEFAULT_DAYS = 90;

  @Inject UserActivityReport report;
  @Inject GrowthRange range;
  @Inject UserSearch search;

  /**
   * {@code GET /api/admin/users?q=}: the user whose id or phone number is {@code q} (a list of at
   * most one, so that "nobody" is an empty answer rather than an error).
   */
  @GET
  public Map<String, Object> search(@QueryParam("q") String q) {
    var query = UserSearch.Query.parse(q);
    return Map.of("query", q.strip(), "users", search.find(query));
  }

  @GET
  @Path("{id}/activity")
  public UserActivity activity(
      @PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
    var today = range.today();
    return report.of(
        Params.id("id", id),
        Params.date("from", from, today.minusDays(DEFAULT_DAYS - 1)),
        Params.date("to", to, today));
  }
}
