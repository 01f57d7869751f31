package app.confio.growth.boundary;

import app.confio.activity.entity.Policy;
import app.confio.growth.entity.Period;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The lifecycle report's parameters ({@code @BeanParam} of {@code lifecycle} and its CSV). */
public class LifecycleQuery {

  @QueryParam("policy")
  @DefaultValue("APP_ACTIVE")
  @Parameter(description = "default APP_ACTIVE", schema = @Schema(ref = "Policy"))
  Policy policy;

  @QueryParam("period")
  @DefaultValue("week")
  @Parameter(
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"day", "week", "month"}))
  Period period;

  @QueryParam("from")
  @Parameter(
      schema = @Schema(ref = "Date"),
      description = "default: the 26 weeks, 12 months or 90 days up to today")
  LocalDate from;

  @QueryParam("to")
  @Parameter(schema = @Schema(ref = "Date"), description = "default: today")
  LocalDate to;
}
