package app.confio.backfill.boundary;

import app.confio.activity.entity.Policy;
import app.confio.admin.boundary.AdminOnly;
import app.confio.backfill.control.MethodComparison;
import app.confio.backfill.control.Validation;
import app.confio.backfill.entity.Comparison;
import app.confio.backfill.entity.ValidationReport;
import app.confio.platform.Days;
import app.confio.platform.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

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
public class TrustResource {

  static final int DEFAULT_DAYS = 30;
  static final int DEFAULT_SAMPLES = 10;
  static final int MAX_SAMPLES = 100;

  @Inject MethodComparison comparison;
  @Inject Validation validation;

  @GET
  @Path("compare")
  public List<Comparison> compare(
      @QueryParam("policy") String policy,
      @QueryParam("days") String days,
      @QueryParam("samples") String samples) {
    var window = Days.parse(days, DEFAULT_DAYS);
    var count = samples(samples);
    return policies(policy).stream().map(p -> comparison.compare(p, window, count)).toList();
  }

  @GET
  @Path("validate")
  public ValidationReport validate(
      @QueryParam("days") String days, @QueryParam("samples") String samples) {
    return validation.validate(Days.parse(days, DEFAULT_DAYS), samples(samples));
  }

  static List<Policy> policies(String policy) {
    if (policy == null || policy.isBlank()) {
      return List.of(Policy.values());
    }
    return List.of(Policy.parse(policy));
  }

  static int samples(String samples) {
    try {
      var count =
          samples == null || samples.isBlank()
              ? DEFAULT_SAMPLES
              : Integer.parseInt(samples.strip());
      if (count >= 0 && count <= MAX_SAMPLES) {
        return count;
      }
    } catch (NumberFormatException e) {
      // refused below, with the rest
    }
    throw new InvalidInputException(
        "samples must be a whole number between 0 and " + MAX_SAMPLES + ", not '" + samples + "'");
  }
}
