package app.confio.backfill.entity;

import app.confio.activity.entity.Policy;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The old method beside the new one for one policy: DAU, WAU and MAU from each, their difference in
 * users and in percent of the old figure, and samples of users counted by only one of them in the
 * last {@code sampleDays} days, each with the reason.
 */
public record Comparison(
    Policy policy,
    OffsetDateTime asOf,
    List<Row> figures,
    int sampleDays,
    List<Sample> oldOnly,
    List<Sample> newOnly) {

  /** One figure: {@code difference} is new minus old; {@code percent} null when old is zero. */
  public record Row(
      String figure, int days, long oldMethod, long newMethod, long difference, Double percent) {

    public static Row of(String figure, int days, long oldMethod, long newMethod) {
      var difference = newMethod - oldMethod;
      var percent = oldMethod == 0 ? null : Math.round(1000.0 * difference / oldMethod) / 10.0;
      return new Row(figure, days, oldMethod, newMethod, difference, percent);
    }
  }
}
