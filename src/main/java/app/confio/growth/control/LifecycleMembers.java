package app.confio.growth.control;

import static app.confio.growth.control.GrowthRange.number;

import app.confio.activity.entity.Policy;
import app.confio.growth.entity.BucketPage;
import app.confio.growth.entity.Period;
import app.confio.metrics.control.ActiveUserList;
import app.confio.platform.InvalidInputException;
import app.confio.platform.Reads;
import app.confio.platform.Sql;
import app.confio.users.entity.Eligibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Set;

/**
 * The users behind a lifecycle number ({@link LifecycleAccounting}): by the same definitions, those
 * of one bucket — active, new, returning, resurrecting or dormant — in one period.
 */
@ApplicationScoped
public class LifecycleMembers {

  static final Set<String> BUCKETS =
      Set.of("active", "new", "returning", "resurrecting", "dormant");

  static final String MEMBERS =
      Sql.load(LifecycleMembers.class, "lifecycle-members.sql").formatted(Eligibility.of("u"));

  @Inject Reads reads;
  @Inject GrowthRange range;

  public BucketPage page(Policy policy, String periodLabel, String bucket, int page, int size) {
    var name = bucket(bucket);
    var named = Period.named(periodLabel);
    var period = named.period();
    var start = named.start();
    range.check(period, start, start, 1);
    if (page < 0 || size < 1 || size > ActiveUserList.MAX_PAGE_SIZE) {
      throw new InvalidInputException(
          "page starts at 0 and size is 1 to " + ActiveUserList.MAX_PAGE_SIZE);
    }
    var bounds =
        new Object[] {
          start, period.next(start), period.plus(start, -1), policy == Policy.TRANSACTING, name
        };
    var total = number(reads.row("select count(*) from (" + MEMBERS + ") m", bounds)[0]);
    var rows =
        reads.rows(
            MEMBERS + " order by u.id offset ?6 limit ?7",
            bounds[0],
            bounds[1],
            bounds[2],
            bounds[3],
            bounds[4],
            (long) page * size,
            size);
    return new BucketPage(
        policy,
        period.label(start),
        name,
        total,
        page,
        size,
        rows.stream().map(GrowthMembers::user).toList());
  }

  private static String bucket(String bucket) {
    var name = bucket == null ? "" : bucket.strip().toLowerCase(Locale.ROOT);
    if (!BUCKETS.contains(name)) {
      throw new InvalidInputException(
          "lifecycle must be active, new, returning, resurrecting or dormant, not '"
              + bucket
              + "'");
    }
    return name;
  }
}
