package app.confio.growth.boundary;

import app.confio.activity.entity.Policy;
import app.confio.growth.entity.Stickiness;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The stickiness report's parameters ({@code @BeanParam} of {@code stickiness} and its CSV). */
public class StickinessQuery {

  @QueryParam("policy")
  @DefaultValue("APP_ACTIVE")
  @Parameter(description = "default APP_ACTIVE", schema = @Schema(ref = "Policy"))
  Policy policy;

  @QueryParam("window")
  @DefaultValue("7")
  @Parameter(description = "days", schema = @Schema(enumeration = {"7", "28"}))
  Integer window;

  @QueryParam("mode")
  @DefaultValue("exact")
  @Parameter(
      description = "exactly N days, or at least N",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"exact", "at-least"}))
  Stickiness.Mode mode;

  @QueryParam("asOf")
  @Parameter(
      schema = @Schema(ref = "Date"),
      description = "the window's last day; default yesterday")
  LocalDate asOf;
}
