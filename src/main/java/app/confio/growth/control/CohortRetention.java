package app.confio.growth.control;

import static app.confio.growth.control.GrowthRange.number;

import app.confio.activity.control.ReportingDay;
import app.confio.activity.entity.Policy;
import app.confio.growth.entity.Period;
import app.confio.growth.entity.Retention;
import app.confio.platform.Reads;
import app.confio.platform.Sql;
import app.confio.users.entity.Eligibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cohort retention ({@link Retention}). One statement answers, per cohort and later period, the
 * cohort's users active in it and the users whose last active period it is; "on" cells are the
 * first, "on or after" cells the sum of the second from that period on.
 */
@ApplicationScoped
public class CohortRetention {

  public static final String SQL =
      Sql.load(CohortRetention.class, "retention.sql").formatted(Eligibility.of("u"));

  @Inject Reads reads;
  @Inject ReportingDay reportingDay;
  @Inject GrowthRange range;
  @Inject GrowthCache cache;

  public Retention of(
      Policy policy,
      Period period,
      Retention.Mode mode,
      Retention.Kind kind,
      LocalDate from,
      LocalDate to) {
    return cache.get(
        List.of("retention", policy, period, mode, kind, from, to),
        () -> compute(policy, period, mode, kind, from, to));
  }

  private Retention compute(
      Policy policy,
      Period period,
      Retention.Mode mode,
      Retention.Kind kind,
      LocalDate from,
      LocalDate to) {
    var first = period.start(from);
    var last = period.start(to);
    range.check(period, first, last, GrowthRange.MAX_COHORTS);
    var counts = new TreeMap<LocalDate, Map<LocalDate, long[]>>();
    for (var row :
        reads.rows(
            SQL,
            period.sqlUnit(),
            first,
            period.next(last),
            policy == Policy.TRANSACTING,
            kind == Retention.Kind.FIRST_TIME)) {
      counts
          .computeIfAbsent(GrowthRange.day(row[0]), c -> new TreeMap<>())
          .put(GrowthRange.day(row[1]), new long[] {number(row[2]), number(row[3])});
    }
    var cohorts = new ArrayList<Retention.Cohort>();
    for (var start = first; !start.isAfter(last); start = period.next(start)) {
      cohorts.add(cohort(period, mode, start, counts.getOrDefault(start, Map.of())));
    }
    return new Retention(
        policy,
        period,
        mode,
        kind,
        first,
        period.next(last).minusDays(1),
        reportingDay.zone().getId(),
        cohorts);
  }

  private Retention.Cohort cohort(
      Period period, Retention.Mode mode, LocalDate start, Map<LocalDate, long[]> byPeriod) {
    var today = reportingDay.today();
    var size = byPeriod.containsKey(start) ? byPeriod.get(start)[0] : 0;
    var cells = new ArrayList<Retention.Cell>();
    var periods = period.between(start, period.start(today));
    for (var n = 0; n <= periods; n++) {
      var at = period.plus(start, n);
      var users = mode == Retention.Mode.ON ? activeIn(byPeriod, at) : activeFrom(byPeriod, at);
      cells.add(
          new Retention.Cell(
              n,
              period.label(at),
              users,
              size == 0 ? 0 : Math.round(users * 10000.0 / size) / 100.0,
              !period.next(at).isAfter(today)));
    }
    return new Retention.Cohort(period.label(start), start, size, List.copyOf(cells));
  }

  private static long activeIn(Map<LocalDate, long[]> byPeriod, LocalDate at) {
    var cell = byPeriod.get(at);
    return cell == null ? 0 : cell[0];
  }

  private static long activeFrom(Map<LocalDate, long[]> byPeriod, LocalDate at) {
    return byPeriod.entrySet().stream()
        .filter(e -> !e.getKey().isBefore(at))
        .mapToLong(e -> e.getValue()[1])
        .sum();
  }
}
