package app.confio.metrics.entity;

/** The three standard windows: DAU, WAU and MAU look back 1, 7 and 30 days. */
public enum Window {
  DAY(1),
  WEEK(7),
  MONTH(30);

  private final int days;

  Window(int days) {
    this.days = days;
  }

  public int days() {
    return days;
  }
}
