package app.confio.growth.entity;

import app.confio.activity.entity.Policy;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where each period's active users came from. Of eligible users active in a period: <em>new</em>
 * ones were first seen in it (first active day ever under the policy), <em>returning</em> ones were
 * active in the period before too, <em>resurrecting</em> ones were not but had been seen before;
 * the three add up to the period's actives. <em>Dormant</em> users were active in the period before
 * and not in this one. The quick ratio is (new + resurrecting) / dormant, absent when nobody went
 * dormant. A period that has not ended yet is marked incomplete.
 */
public record Lifecycle(
    Policy policy, Period period, LocalDate from, LocalDate to, String zone, List<Bucket> periods) {

  @Schema(name = "LifecycleBucket")
  public record Bucket(
      String period,
      LocalDate start,
      LocalDate end,
      long active,
      long newUsers,
      long returning,
      long resurrecting,
      long dormant,
      Double quickRatio,
      boolean complete) {

    public static Bucket of(
        Period period,
        LocalDate start,
        long newUsers,
        long returning,
        long resurrecting,
        long dormant,
        LocalDate today) {
      var next = period.next(start);
      return new Bucket(
          period.label(start),
          start,
          next.minusDays(1),
          newUsers + returning + resurrecting,
          newUsers,
          returning,
          resurrecting,
          dormant,
          dormant == 0 ? null : Math.round((newUsers + resurrecting) * 1000.0 / dormant) / 1000.0,
          !next.isAfter(today));
    }
  }
}
