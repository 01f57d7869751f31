package app.confio.growth.boundary;

import app.confio.growth.entity.CalendarActives;
import app.confio.growth.entity.Lifecycle;
import app.confio.growth.entity.Retention;
import app.confio.growth.entity.Stickiness;
import java.util.List;
import java.util.function.Function;

/**
 * The growth reports as RFC 4180 CSV, one row per figure the dashboard draws, the same numbers as
 * the JSON of the admin API. Every value is a number, a date, a period label or a boolean, so
 * nothing needs quoting.
 */
final class GrowthCsv {

  static final String LIFECYCLE =
      "period,start,end,complete,active,new,returning,resurrecting,dormant,quick_ratio";
  static final String RETENTION = "cohort,start,size,n,period,users,share,complete";
  static final String STICKINESS = "window,mode,from,as_of,days,users,share";
  static final String WEEKLY = "week,start,active_users,five_plus_days,share";
  static final String CALENDAR = "period,start,end,complete,active_users";

  private GrowthCsv() {}

  static String lifecycle(Lifecycle report) {
    return csv(
        LIFECYCLE,
        report.periods(),
        b ->
            List.of(
                b.period(),
                b.start(),
                b.end(),
                b.complete(),
                b.active(),
                b.newUsers(),
                b.returning(),
                b.resurrecting(),
                b.dormant(),
                b.quickRatio() == null ? "" : b.quickRatio()));
  }

  static String retention(Retention report) {
    var rows = new StringBuilder(RETENTION).append("\r\n");
    for (var cohort : report.cohorts()) {
      for (var cell : cohort.cells()) {
        line(
            rows,
            List.of(
                cohort.cohort(),
                cohort.start(),
                cohort.size(),
                cell.n(),
                cell.period(),
                cell.users(),
                cell.share(),
                cell.complete()));
      }
    }
    return rows.toString();
  }

  static String stickiness(Stickiness report) {
    var mode = report.mode().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return csv(
        STICKINESS,
        report.days(),
        d ->
            List.of(
                report.window(),
                mode,
                report.from(),
                report.asOf(),
                d.days(),
                d.users(),
                d.share()));
  }

  static String weekly(Stickiness report) {
    return csv(
        WEEKLY,
        report.weekly(),
        w -> List.of(w.week(), w.start(), w.activeUsers(), w.fivePlusDays(), w.share()));
  }

  static String calendar(CalendarActives report) {
    return csv(
        CALENDAR,
        report.periods(),
        c -> List.of(c.period(), c.start(), c.end(), c.complete(), c.activeUsers()));
  }

  private static <T> String csv(String header, List<T> items, Function<T, List<Object>> row) {
    var rows = new StringBuilder(header).append("\r\n");
    items.forEach(item -> line(rows, row.apply(item)));
    return rows.toString();
  }

  private static void line(StringBuilder rows, List<Object> values) {
    for (var i = 0; i < values.size(); i++) {
      rows.append(i == 0 ? "" : ",").append(values.get(i));
    }
    rows.append("\r\n");
  }
}
