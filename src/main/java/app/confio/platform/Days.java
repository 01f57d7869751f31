package app.confio.platform;

/** How far back any figure, check or backfill may look: one day to ten years. */
public final class Days {

  public static final int MIN = 1;
  public static final int MAX = 3650;

  private Days() {}

  /** The number of days, or a refusal that says what is allowed; nothing has happened yet. */
  public static int require(int days) {
    if (days < MIN || days > MAX) {
      throw new InvalidInputException(
          "days must be between " + MIN + " and " + MAX + ", not " + days);
    }
    return days;
  }

  /** Parses a request parameter; blank means {@code fallback}. */
  public static int parse(String days, int fallback) {
    if (days == null || days.isBlank()) {
      return require(fallback);
    }
    try {
      return require(Integer.parseInt(days.strip()));
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "days must be a whole number between " + MIN + " and " + MAX + ", not '" + days + "'");
    }
  }
}
