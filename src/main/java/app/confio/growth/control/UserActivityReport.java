package app.confio.growth.control;

import static app.confio.growth.control.GrowthRange.day;
import static app.confio.growth.control.GrowthRange.number;
import static app.confio.metrics.control.ActiveUserList.time;

import app.confio.activity.control.ReportingDay;
import app.confio.backfill.control.SourceSql;
import app.confio.growth.entity.Period;
import app.confio.growth.entity.UserActivity;
import app.confio.platform.NotFoundException;
import app.confio.platform.Reads;
import app.confio.platform.Sql;
import app.confio.users.entity.Eligibility;
import app.confio.users.entity.UserKind;
import app.confio.users.entity.UserStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** One user's activity ({@link UserActivity}): the day history beside the activity tables. */
@ApplicationScoped
public class UserActivityReport {

  static final String USER =
      "select status, kind, last_activity_at, last_transaction_at,"
          + " (select min(day) from user_activity_day where user_id = ?1),"
          + " (select min(day) from user_activity_day where user_id = ?1 and transacting)"
          + " from users where id = ?1";

  static final String DAYS =
      "select day, transacting from user_activity_day"
          + " where user_id = ?1 and day between ?2 and ?3 order by day";

  static final String SOURCES =
      Sql.load(UserActivityReport.class, "user-sources.sql")
          .formatted(SourceSql.labelledEvents("%1$s >= ?2 and %1$s < ?3", "%1$s = ?1"));

  @Inject Reads reads;
  @Inject ReportingDay reportingDay;
  @Inject GrowthRange range;

  public UserActivity of(long userId, LocalDate from, LocalDate to) {
    range.check(Period.DAY, from, to, GrowthRange.MAX_PERIODS);
    var user = reads.rows(USER, userId);
    if (user.isEmpty()) {
      throw new NotFoundException("No user with id " + userId);
    }
    var u = user.get(0);
    var status = (String) u[0];
    var kind = (String) u[1];
    return new UserActivity(
        userId,
        status,
        kind,
        Eligibility.test(UserStatus.valueOf(status), UserKind.valueOf(kind)),
        from,
        to,
        reportingDay.zone().getId(),
        u[4] == null ? null : day(u[4]),
        u[5] == null ? null : day(u[5]),
        time(u[2]),
        time(u[3]),
        days(userId, from, to));
  }

  private List<UserActivity.Day> days(long userId, LocalDate from, LocalDate to) {
    var recorded = new TreeMap<LocalDate, Boolean>();
    for (var row : reads.rows(DAYS, userId, from, to)) {
      recorded.put(day(row[0]), (Boolean) row[1]);
    }
    var sources = new TreeMap<LocalDate, List<UserActivity.Source>>();
    var start = reportingDay.start(from);
    var end = reportingDay.start(to.plusDays(1));
    for (var row : reads.rows(SOURCES, userId, start, end, reportingDay.sqlZone())) {
      sources
          .computeIfAbsent(day(row[0]), d -> new ArrayList<>())
          .add(new UserActivity.Source((String) row[1], number(row[2]), (Boolean) row[3]));
    }
    var all = new TreeSet<>(recorded.keySet());
    all.addAll(sources.keySet());
    return all.stream()
        .map(
            day ->
                new UserActivity.Day(
                    day,
                    recorded.containsKey(day),
                    Boolean.TRUE.equals(recorded.get(day)),
                    sources.getOrDefault(day, List.of())))
        .toList();
  }
}
