package app.confio.dashboard;

import app.confio.admin.boundary.AdminOnly;
import app.confio.growth.control.Engagement;
import app.confio.growth.control.LifecycleAccounting;
import app.confio.growth.entity.CalendarActives;
import app.confio.growth.entity.Lifecycle;
import app.confio.growth.entity.Period;
import app.confio.platform.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The growth page: new, returning and resurrecting users stacked above zero and dormant ones below
 * it per period, the quick ratio beside them, and the calendar actives per ISO week or month (per
 * week when the page counts days). Both come from the growth controls, once per request.
 */
@AdminOnly
@Named
@RequestScoped
public class GrowthBacking {

  /** How a chart labels a period that has not ended: its figures can still grow. */
  static final String SO_FAR = " (so far)";

  @Inject GrowthFilter filter;
  @Inject LifecycleAccounting accounting;
  @Inject Engagement engagement;

  private Lifecycle lifecycle;
  private CalendarActives calendar;

  @PostConstruct
  void load() {
    if (!filter.isValid()) {
      return;
    }
    try {
      var policy = filter.getPolicy();
      lifecycle = accounting.of(policy, filter.getPeriod(), filter.getFrom(), filter.getTo());
      calendar = engagement.calendar(policy, calendarPeriod(), filter.getFrom(), filter.getTo());
    } catch (Refusal refusal) {
      lifecycle = null;
      calendar = null;
      filter.refuse(refusal);
    }
  }

  private Period calendarPeriod() {
    return filter.getPeriod() == Period.MONTH ? Period.MONTH : Period.WEEK;
  }

  public Lifecycle getLifecycle() {
    return lifecycle;
  }

  public CalendarActives getCalendar() {
    return calendar;
  }

  /** A number of the table, by the name of its bucket as the drill-down names it. */
  public long count(Lifecycle.Bucket bucket, String name) {
    return switch (name) {
      case "new" -> bucket.newUsers();
      case "returning" -> bucket.returning();
      case "resurrecting" -> bucket.resurrecting();
      case "dormant" -> bucket.dormant();
      default -> bucket.active();
    };
  }

  public String getLifecycleChart() {
    var buckets = lifecycle.periods();
    return Charts.bars(
        buckets.stream().map(b -> label(b.period(), b.complete())).toList(),
        "users",
        true,
        List.of(
            bars("New", "#10b981", buckets, Lifecycle.Bucket::newUsers),
            bars("Returning", "#6366f1", buckets, Lifecycle.Bucket::returning),
            bars("Resurrecting", "#f59e0b", buckets, Lifecycle.Bucket::resurrecting),
            bars("Dormant", "#ef4444", buckets, b -> -b.dormant()),
            new Charts.Dataset(
                "Quick ratio",
                "#0f172a",
                "line",
                "ratio",
                buckets.stream().map(b -> (Number) b.quickRatio()).toList())),
        "quick ratio");
  }

  /** A chart's label of a period: one that has not ended says so, as the table's "…" does. */
  static String label(String period, boolean complete) {
    return complete ? period : period + SO_FAR;
  }

  private static Charts.Dataset bars(
      String label,
      String color,
      List<Lifecycle.Bucket> buckets,
      ToLongFunction<Lifecycle.Bucket> value) {
    return Charts.Dataset.bars(
        label, color, buckets.stream().map(b -> (Number) value.applyAsLong(b)).toList());
  }

  public String getCalendarChart() {
    var periods = calendar.periods();
    return Charts.bars(
        periods.stream().map(c -> label(c.period(), c.complete())).toList(),
        "users",
        false,
        List.of(
            Charts.Dataset.bars(
                calendarPeriod() == Period.MONTH ? "Monthly actives" : "Weekly actives",
                "#0ea5e9",
                periods.stream().map(c -> (Number) c.activeUsers()).toList())));
  }

  public String getLifecycleCsv() {
    return "/api/admin/metrics/lifecycle.csv" + filter.getQuery();
  }

  public String getCalendarCsv() {
    return "/api/admin/metrics/calendar.csv"
        + filter.query(Map.of("period", calendarPeriod().sqlUnit()));
  }
}
