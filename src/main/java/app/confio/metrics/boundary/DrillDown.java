package app.confio.metrics.boundary;

import app.confio.activity.entity.Policy;
import app.confio.growth.control.GrowthRange;
import app.confio.growth.entity.Retention;
import app.confio.platform.Days;
import app.confio.platform.InvalidInputException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Which number's users a request asks for ({@code @BeanParam} of {@code users} and {@code
 * users.csv}): active within {@code days}; a lifecycle bucket of a period; a retention cell; or a
 * stickiness bucket. The parameters are declared once here, for both calls and their document.
 */
public class DrillDown {

  static final String N = "n must be 0 to " + GrowthRange.MAX_PERIODS;

  /** The four kinds of number a request can name. */
  enum Number {
    DAYS,
    LIFECYCLE,
    COHORT,
    STICKINESS
  }

  @QueryParam("days")
  @Min(value = Days.MIN, message = Days.RANGE)
  @Max(value = Days.MAX, message = Days.RANGE)
  @Parameter(
      description = "active within this many days (the default number, 1)",
      schema = @Schema(minimum = "" + Days.MIN, maximum = "" + Days.MAX))
  Integer days;

  @QueryParam("policy")
  @DefaultValue("APP_ACTIVE")
  @Parameter(description = "default APP_ACTIVE", schema = @Schema(ref = "Policy"))
  Policy policy;

  @QueryParam("lifecycle")
  @Parameter(
      description = "a lifecycle bucket",
      schema = @Schema(enumeration = {"active", "new", "returning", "resurrecting", "dormant"}))
  String lifecycle;

  @QueryParam("period")
  @Parameter(description = "the lifecycle's period: 2026-11-30, 2026-W40 or 2026-10")
  String period;

  @QueryParam("cohort")
  @Parameter(description = "the cohort by its label: 2026-03-02, 2026-W10 or 2026-03")
  String cohort;

  @QueryParam("n")
  @Min(value = 0, message = N)
  @Max(value = GrowthRange.MAX_PERIODS, message = N)
  @Parameter(
      description = "the retention cell; 0 is the cohort",
      schema = @Schema(minimum = "0", maximum = "" + GrowthRange.MAX_PERIODS))
  Integer n;

  @QueryParam("mode")
  @Parameter(
      description =
          "retention: on (default) or on-or-after; stickiness: exact (default) or at-least",
      schema = @Schema(enumeration = {"on", "on-or-after", "exact", "at-least"}))
  String mode;

  @QueryParam("kind")
  @Parameter(
      description = "retention cohorts",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"first-time", "recurring"},
              defaultValue = "first-time"))
  Retention.Kind kind;

  @QueryParam("window")
  @Parameter(
      description = "the stickiness window in days (default 7)",
      schema = @Schema(enumeration = {"7", "28"}))
  Integer window;

  @QueryParam("activeDays")
  @Parameter(description = "the stickiness bucket: 1 to the window's days")
  Integer activeDays;

  @QueryParam("asOf")
  @Parameter(
      schema = @Schema(ref = "Date"),
      description = "the stickiness window's last day; default yesterday")
  LocalDate asOf;

  /** The one number named (active within a day when none is); naming two is a refusal. */
  Number named() {
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
      return Number.LIFECYCLE;
    }
    if (cohortNumber) {
      return Number.COHORT;
    }
    return stickinessNumber ? Number.STICKINESS : Number.DAYS;
  }

  /** Whether a request names any of these parameters (blank ones count as absent). */
  private static boolean present(Object... values) {
    for (var value : values) {
      if (value instanceof String text ? !text.isBlank() : value != null) {
        return true;
      }
    }
    return false;
  }
}
