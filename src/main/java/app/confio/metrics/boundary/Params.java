package app.confio.metrics.boundary;

import app.confio.activity.entity.Policy;
import app.confio.platform.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Query parameters read as text and checked here, so that a malformed one answers 400 with a
 * sentence rather than JAX-RS's bare 404.
 */
public final class Params {

  private Params() {}

  public static int number(String name, String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name + " must be a whole number, not '" + value + "'");
    }
  }

  /** A record's id: a positive whole number. */
  public static long id(String name, String value) {
    try {
      var id = Long.parseLong(value == null ? "" : value.strip());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidInputException(name + " must be a positive whole number, not '" + value + "'");
  }

  public static Policy policy(String value, Policy fallback) {
    return value == null || value.isBlank() ? fallback : Policy.parse(value);
  }

  public static LocalDate date(String name, String value, LocalDate fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          name + " must be a date like 2026-01-31, not '" + value + "'");
    }
  }
}
