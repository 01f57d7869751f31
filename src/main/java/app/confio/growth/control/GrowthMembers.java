package app.confio.growth.control;

import static app.confio.growth.control.GrowthRange.number;
import static app.confio.metrics.control.ActiveUserList.time;

import app.confio.activity.entity.Policy;
import app.confio.growth.entity.MemberPage;
import app.confio.growth.entity.Period;
import app.confio.growth.entity.Retention;
import app.confio.growth.entity.Stickiness;
import app.confio.metrics.control.ActiveUserList;
import app.confio.metrics.entity.ActiveUser;
import app.confio.platform.InvalidInputException;
import app.confio.platform.Reads;
import app.confio.platform.Sql;
import app.confio.users.entity.Eligibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The users behind a retention cell ({@link CohortRetention}) or a stickiness bucket ({@link
 * Engagement}), by the same definitions, so that a list's total is the number it was opened from.
 */
@ApplicationScoped
public class GrowthMembers {

  static final String COHORT = sql("cohort-members.sql");
  static final String STICKINESS = sql("stickiness-members.sql");
  static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);

  @Inject Reads reads;
  @Inject GrowthRange range;

  /** Cell {@code n} of the cohort named {@code cohortLabel} (2026-03, 2026-W10 or 2026-03-02). */
  public MemberPage cohort(
      Policy policy,
      String cohortLabel,
      int n,
      Retention.Mode mode,
      Retention.Kind kind,
      int page,
      int size) {
    return page(cohort(policy, cohortLabel, n, mode, kind), page, size);
  }

  public MemberQuery cohort(
      Policy policy, String cohortLabel, int n, Retention.Mode mode, Retention.Kind kind) {
    var named = Period.named(cohortLabel);
    var period = named.period();
    var start = named.start();
    range.check(period, start, start, 1);
    if (n < 0 || n > GrowthRange.MAX_PERIODS) {
      throw new InvalidInputException("n must be 0 to " + GrowthRange.MAX_PERIODS + ", not " + n);
    }
    var at = period.plus(start, n);
    if (at.isAfter(range.today())) {
      throw new InvalidInputException(
          "period " + n + " of cohort " + period.label(start) + " has not begun");
    }
    var selection = new LinkedHashMap<String, String>();
    selection.put("cohort", period.label(start));
    selection.put("n", String.valueOf(n));
    selection.put("period", period.label(at));
    selection.put("mode", text(mode.name()));
    selection.put("kind", text(kind.name()));
    return new MemberQuery(
        policy,
        selection,
        "retention-%s-n%d-%s-%s"
            .formatted(period.label(start), n, text(mode.name()), text(kind.name())),
        COHORT,
        start,
        period.next(start),
        at,
        mode == Retention.Mode.ON ? period.next(at) : END_OF_TIME,
        policy == Policy.TRANSACTING,
        kind == Retention.Kind.FIRST_TIME);
  }

  /** The users with exactly (or at least) {@code days} active days in the window ending asOf. */
  public MemberPage stickiness(
      Policy policy,
      int window,
      int days,
      Stickiness.Mode mode,
      LocalDate asOf,
      int page,
      int size) {
    return page(stickiness(policy, window, days, mode, asOf), page, size);
  }

  public MemberQuery stickiness(
      Policy policy, int window, int days, Stickiness.Mode mode, LocalDate asOf) {
    if (!Engagement.WINDOWS.contains(window)) {
      throw new InvalidInputException("window must be 7 or 28 days, not " + window);
    }
    if (days < 1 || days > window) {
      throw new InvalidInputException("activeDays must be 1 to " + window + ", not " + days);
    }
    range.check(Period.DAY, asOf, asOf, 1);
    var selection = new LinkedHashMap<String, String>();
    selection.put("window", String.valueOf(window));
    selection.put("activeDays", String.valueOf(days));
    selection.put("mode", text(mode.name()));
    selection.put("asOf", asOf.toString());
    return new MemberQuery(
        policy,
        selection,
        "l%d-%d-days-%s-%s".formatted(window, days, text(mode.name()), asOf),
        STICKINESS,
        asOf.minusDays(window - 1),
        asOf,
        policy == Policy.TRANSACTING,
        days,
        mode == Stickiness.Mode.EXACT);
  }

  /** One page of a number's users, by id, with how many there are in all. */
  public MemberPage page(MemberQuery query, int page, int size) {
    if (page < 0 || size < 1 || size > ActiveUserList.MAX_PAGE_SIZE) {
      throw new InvalidInputException(
          "page starts at 0 and size is 1 to " + ActiveUserList.MAX_PAGE_SIZE);
    }
    var bounds = query.bounds();
    var total = number(reads.row("select count(*) from (" + query.sql() + ") m", bounds)[0]);
    var limits = Arrays.copyOf(bounds, bounds.length + 2);
    limits[bounds.length] = (long) page * size;
    limits[bounds.length + 1] = size;
    var rows =
        reads.rows(
            query.sql()
                + " order by u.id offset ?%d limit ?%d"
                    .formatted(bounds.length + 1, bounds.length + 2),
            limits);
    return new MemberPage(
        query.policy(),
        query.selection(),
        total,
        page,
        size,
        rows.stream().map(GrowthMembers::user).toList());
  }

  /** Hands every one of a number's users, by id, to {@code sink}; answers how many. */
  public long each(MemberQuery query, Consumer<ActiveUser> sink) {
    return reads.each(
        query.sql() + " order by u.id", row -> sink.accept(user(row)), query.bounds());
  }

  private static String text(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static ActiveUser user(Object[] c) {
    return new ActiveUser(
        number(c[0]),
        (String) c[1],
        (String) c[2],
        (String) c[3],
        time(c[4]),
        time(c[5]),
        time(c[6]));
  }

  private static String sql(String name) {
    return Sql.load(GrowthMembers.class, name).formatted(Eligibility.of("u"));
  }
}
