package app.confio.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * The values that options choose from, written as the admin API takes them ({@code app-active},
 * {@code on-or-after}): picocli converts, completes and lists them in the help.
 */
final class Choices {

  enum Policy {
    APP_ACTIVE,
    TRANSACTING;

    @Override
    public String toString() {
      return wire(this);
    }
  }

  enum Period {
    DAY,
    WEEK,
    MONTH;

    @Override
    public String toString() {
      return wire(this);
    }
  }

  enum RetentionMode {
    ON,
    ON_OR_AFTER;

    @Override
    public String toString() {
      return wire(this);
    }
  }

  enum CohortKind {
    FIRST_TIME,
    RECURRING;

    @Override
    public String toString() {
      return wire(this);
    }
  }

  enum StickinessMode {
    EXACT,
    AT_LEAST;

    @Override
    public String toString() {
      return wire(this);
    }
  }

  private Choices() {}

  static CommandLine registerAll(CommandLine line) {
    register(line, Policy.class);
    register(line, Period.class);
    register(line, RetentionMode.class);
    register(line, CohortKind.class);
    register(line, StickinessMode.class);
    return line.registerConverter(LocalDate.class, Choices::date);
  }

  private static String wire(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static <E extends Enum<E>> void register(CommandLine line, Class<E> type) {
    var values = type.getEnumConstants();
    line.registerConverter(
        type,
        text ->
            Arrays.stream(values)
                .filter(value -> value.toString().equals(text))
                .findFirst()
                .orElseThrow(
                    () ->
                        new TypeConversionException(
                            "'" + text + "' is not one of " + Arrays.toString(values))));
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + text + "' is not a date like 2026-01-31");
    }
  }
}
