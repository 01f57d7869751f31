package app.confio.platform;

/** How far back any figure, check or backfill may look: one day to ten years. */
public final class Days {

  public static final int MIN = 1;
  public static final int MAX = 3650;

  /** The rule as a sentence; also the admin API's constraint message on every {@code days}. */
  public static final String RANGE = "days must be between " + MIN + " and " + MAX;

  private Days() {}

  /** The number of days, or a refusal that says what is allowed; nothing has happened yet. */
  public static int require(int days) {
    if (days < MIN || days > MAX) {
      throw new InvalidInputException(RANGE + ", not " + days);
    }
    return days;
  }
}
