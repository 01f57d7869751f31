package app.confio.growth;

import app.confio.platform.Sql;
import app.confio.users.entity.Eligibility;

/**
 * The growth reports as single SQL statements over the day rows: the formulation the product used
 * before its day sets, kept as a second, independent computation — {@code GrowthIT} compares the
 * reports with it, and the growth benchmark times it as the bare floor.
 */
public final class RowStatements {

  /** Per period: start, new, returning, resurrecting, dormant. */
  public static final String LIFECYCLE = sql("lifecycle.sql");

  /** Per cohort and later period: users active in it, users whose last active period it is. */
  public static final String RETENTION = sql("retention.sql");

  public static final String STICKINESS = sql("stickiness.sql");
  public static final String WEEKLY = sql("weekly-engagement.sql");
  public static final String CALENDAR = sql("calendar.sql");
  public static final String ROLLING = sql("rolling-months.sql");

  /** A day's DAU, WAU, MAU, app-active then transacting: the daily snapshot's counts. */
  public static final String DAY_WINDOWS = sql("day-windows.sql");

  private RowStatements() {}

  private static String sql(String name) {
    return Sql.load(RowStatements.class, name).formatted(Eligibility.of("u"));
  }
}
