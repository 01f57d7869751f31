package app.confio.backfill.boundary;

import app.confio.activity.entity.Policy;
import app.confio.admin.boundary.AdminOnly;
import app.confio.backfill.control.MethodComparison;
import app.confio.backfill.control.Validation;
import app.confio.backfill.entity.Comparison;
import app.confio.backfill.entity.ValidationReport;
import app.confio.platform.Days;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Read-only checks of the activity figures for administrators: {@code GET
 * /api/admin/trust/compare?policy=&days=&samples=} (old method beside new; both policies when none
 * is named) and {@code GET /api/admin/trust/validate?days=&samples=}. Bad input is refused like
 * every other admin call ({@link app.confio.platform.RefusalMapper}).
 */
@AdminOnly
@RequestScoped
@Path("admin/trust")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Trust")
@SecurityRequirement(name = "admin")
public class TrustResource {

  static final int MAX_SAMPLES = 100;
  static final String SAMPLES = "samples must be between 0 and " + MAX_SAMPLES;

  @Inject MethodComparison comparison;
  @Inject Validation validation;

  @GET
  @Path("compare")
  @Operation(
      summary = "The old method against the new",
      description =
          "DAU, WAU and MAU per policy by both methods, their difference, and samples of users"
              + " counted by one method only, each with the reason")
  @APIResponse(
      responseCode = "200",
      description = "One comparison per policy",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = Comparison.class)))
  public List<Comparison> compare(
      @QueryParam("policy")
          @Parameter(schema = @Schema(ref = "Policy"), description = "one policy; both when absent")
          Policy policy,
      @QueryParam("days")
          @DefaultValue("30")
          @Min(value = Days.MIN, message = Days.RANGE)
          @Max(value = Days.MAX, message = Days.RANGE)
          @Parameter(schema = @Schema(minimum = "" + Days.MIN, maximum = "" + Days.MAX))
          Integer days,
      @QueryParam("samples")
          @DefaultValue("10")
          @Min(value = 0, message = SAMPLES)
          @Max(value = MAX_SAMPLES, message = SAMPLES)
          @Parameter(schema = @Schema(minimum = "0", maximum = "" + MAX_SAMPLES))
          Integer samples) {
    var policies = policy == null ? List.of(Policy.values()) : List.of(policy);
    return policies.stream().map(p -> comparison.compare(p, days, samples)).toList();
  }

  @GET
  @Path("validate")
  @Operation(
      summary = "Validate the tracking against the activity tables",
      description =
          "Users active in the tables whose last activity is missing or stale, coverage, and"
              + " pass/fail checks")
  @APIResponse(
      responseCode = "200",
      description = "The report and its checks",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "ValidationReport")))
  public ValidationReport validate(
      @QueryParam("days")
          @DefaultValue("30")
          @Min(value = Days.MIN, message = Days.RANGE)
          @Max(value = Days.MAX, message = Days.RANGE)
          @Parameter(schema = @Schema(minimum = "" + Days.MIN, maximum = "" + Days.MAX))
          Integer days,
      @QueryParam("samples")
          @DefaultValue("10")
          @Min(value = 0, message = SAMPLES)
          @Max(value = MAX_SAMPLES, message = SAMPLES)
          @Parameter(schema = @Schema(minimum = "0", maximum = "" + MAX_SAMPLES))
          Integer samples) {
    return validation.validate(days, samples);
  }
}
