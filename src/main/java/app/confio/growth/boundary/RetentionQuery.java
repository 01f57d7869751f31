package app.confio.growth.boundary;

import app.confio.activity.entity.Policy;
import app.confio.growth.entity.Period;
import app.confio.growth.entity.Retention;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The retention report's parameters ({@code @BeanParam} of {@code retention} and its CSV). */
public class RetentionQuery {

  @QueryParam("policy")
  @DefaultValue("APP_ACTIVE")
  @Parameter(description = "default APP_ACTIVE", schema = @Schema(ref = "Policy"))
  Policy policy;

  @QueryParam("cohort")
  @DefaultValue("month")
  @Parameter(
      description = "the cohorts' period",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"day", "week", "month"}))
  Period cohort;

  @QueryParam("mode")
  @DefaultValue("on")
  @Parameter(
      description = "active in exactly period N, or in it or any later one",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"on", "on-or-after"}))
  Retention.Mode mode;

  @QueryParam("kind")
  @DefaultValue("first-time")
  @Parameter(
      description = "first seen in the period, or active in it",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"first-time", "recurring"}))
  Retention.Kind kind;

  @QueryParam("from")
  @Parameter(
      schema = @Schema(ref = "Date"),
      description = "default: the 12 months, 26 weeks or 90 days up to today")
  LocalDate from;

  @QueryParam("to")
  @Parameter(schema = @Schema(ref = "Date"), description = "default: today")
  LocalDate to;
}
