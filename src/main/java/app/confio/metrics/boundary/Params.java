package app.confio.metrics.boundary;

import app.confio.activity.entity.Policy;
import app.confio.platform.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * How the admin side reads a parameter given as text, with its name in every refusal: the admin
 * API's parameter types ({@link ParameterTypes}) and the dashboard's pages read them alike.
 */
public final class Params {

  private Params() {}

  public static int number(String name, String value) {
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
