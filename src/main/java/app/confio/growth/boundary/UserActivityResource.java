package app.confio.growth.boundary;

import app.confio.admin.boundary.AdminAuthentication;
import app.confio.admin.boundary.AdminOnly;
import app.confio.growth.control.GrowthRange;
import app.confio.growth.control.UserActivityReport;
import app.confio.growth.control.UserSearch;
import app.confio.growth.entity.UserActivity;
import app.confio.growth.entity.UserMatch;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
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
 * {@code GET /api/admin/users?q=} finds a user by id or phone; {@code GET
 * /api/admin/users/{id}/activity?from=&to=}: why one user is counted (default: the last 90 days).
 * An unknown user answers 404, a bad range 400, both with {@code {code, message}}.
 */
@AdminOnly
@RequestScoped
@Path("admin/users")
@RolesAllowed(AdminAuthentication.ROLE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
@SecurityRequirement(name = "admin")
public class UserActivityResource {

  static final int DEFAULT_DAYS = 90;

  @Inject UserActivityReport report;
  @Inject GrowthRange range;
  @Inject UserSearch search;

  /** What a search answers: the query, and the user it names (none or one). */
  public record Found(String query, List<UserMatch> users) {}

  /**
   * The user whose id or phone number is {@code q} (a list of at most one, so that "nobody" is an
   * empty answer rather than an error).
   */
  @GET
  @Operation(summary = "Find a user by id or phone number")
  @APIResponse(
      responseCode = "200",
      description = "The user, or an empty list when nobody matches",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Found")))
  public Found search(
      @QueryParam("q")
          @Parameter(
              required = true,
              description =
                  "an id (digits) or a phone number in international form; spaces and"
                      + " dashes allowed",
              example = "+584125550101")
          String q) {
    var query = UserSearch.Query.parse(q);
    return new Found(q.strip(), search.find(query));
  }

  @GET
  @Path("{id}/activity")
  @Operation(
      summary = "Why one user is counted",
      description =
          "Status and eligibility, first seen under each policy, and per reporting day whether"
              + " it is recorded app-active or transacting, with the activity rows behind it")
  @APIResponse(
      responseCode = "200",
      description = "The user's days",
      content =
          @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserActivity")))
  @APIResponse(
      responseCode = "404",
      description = "No user with this id (NOT_FOUND)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Error")))
  public UserActivity activity(
      @PathParam("id")
          @Parameter(
              description = "the user's id",
              schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
          Long id,
      @QueryParam("from")
          @Parameter(schema = @Schema(ref = "Date"), description = "default: 89 days before today")
          LocalDate from,
      @QueryParam("to") @Parameter(schema = @Schema(ref = "Date"), description = "default: today")
          LocalDate to) {
    var last = Objects.requireNonNullElse(to, range.today());
    return report.of(
        id, Objects.requireNonNullElse(from, range.today().minusDays(DEFAULT_DAYS - 1)), last);
  }
}
