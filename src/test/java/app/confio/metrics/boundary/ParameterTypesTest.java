package app.confio.metrics.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.confio.activity.entity.Policy;
import app.confio.growth.entity.Period;
import app.confio.growth.entity.Retention;
import app.confio.platform.InvalidInputException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ParameterTypesTest {

  final ParameterTypes cut = new ParameterTypes();

  /** Parameters declared as the resources declare theirs, for their annotations. */
  @SuppressWarnings("unused")
  static void resource(
      @QueryParam("days") @DefaultValue("30") Integer days,
      @QueryParam("policy") Policy policy,
      @QueryParam("cohort") @DefaultValue("month") Period cohort,
      @QueryParam("from") LocalDate from,
      @PathParam("id") Long id,
      @QueryParam("mode") @DefaultValue("on") Retention.Mode mode,
      @QueryParam("q") String q) {}

  @Test
  void aValueIsReadByTheRulesTheDashboardUses() {
    assertEquals(7, converter(0, Integer.class).fromString(" 7 "));
    assertEquals(Policy.TRANSACTING, converter(1, Policy.class).fromString("transacting"));
    assertEquals(Period.WEEK, converter(2, Period.class).fromString(" Week "));
    assertEquals(LocalDate.of(2026, 1, 31), converter(3, LocalDate.class).fromString("2026-01-31"));
    assertEquals(42L, converter(4, Long.class).fromString("42"));
    assertEquals(
        Retention.Mode.ON_OR_AFTER, converter(5, Retention.Mode.class).fromString("on-or-after"));
  }

  @Test
  void anEmptyValueIsTheDefaultOrAbsent() {
    assertEquals(30, converter(0, Integer.class).fromString(""));
    assertEquals(30, converter(0, Integer.class).fromString("  "));
    assertEquals(Period.MONTH, converter(2, Period.class).fromString(""));
    assertNull(converter(1, Policy.class).fromString(""));
    assertNull(converter(3, LocalDate.class).fromString(null));
  }

  @Test
  void aRefusalNamesTheParameterAndTheValue() {
    assertRefused("days must be a whole number, not 'a week'", 0, Integer.class, "a week");
    assertRefused(
        "policy must be one of [APP_ACTIVE, TRANSACTING], not 'ALL'", 1, Policy.class, "ALL");
    assertRefused("cohort must be day, week or month, not 'year'", 2, Period.class, "year");
    assertRefused(
        "from must be a date like 2026-01-31, not '31.1.2026'", 3, LocalDate.class, "31.1.2026");
    assertRefused("id must be a positive whole number, not '0'", 4, Long.class, "0");
    assertRefused(
        "mode must be on or on-or-after, not 'ON_OR_AFTER'",
        5,
        Retention.Mode.class,
        "ON_OR_AFTER");
  }

  @Test
  void textIsLeftToJaxRs() {
    assertNull(cut.getConverter(String.class, String.class, annotations(6)));
  }

  private void assertRefused(String message, int parameter, Class<?> type, String value) {
    var refusal =
        assertThrows(
            InvalidInputException.class, () -> converter(parameter, type).fromString(value));
    assertEquals(message, refusal.getMessage());
    assertEquals("INVALID_INPUT", refusal.code());
  }

  private <T> ParamConverter<T> converter(int parameter, Class<T> type) {
    return cut.getConverter(type, type, annotations(parameter));
  }

  private static java.lang.annotation.Annotation[] annotations(int parameter) {
    try {
      return ParameterTypesTest.class.getDeclaredMethod(
              "resource",
              Integer.class,
              Policy.class,
              Period.class,
              LocalDate.class,
              Long.class,
              Retention.Mode.class,
              String.class)
          .getParameterAnnotations()[parameter];
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }
}
