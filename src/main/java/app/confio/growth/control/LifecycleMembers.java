package app.confio.growth.control;

import app.confio.activity.entity.Policy;
import app.confio.growth.entity.BucketPage;
import app.confio.growth.entity.Period;
import app.confio.platform.InvalidInputException;
import app.confio.platform.Sql;
import app.confio.users.entity.Eligibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
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

  @Inject GrowthRange range;
  @Inject GrowthMembers growthMembers;

  public BucketPage page(Policy policy, String periodLabel, String bucket, int page, int size) {
    return page(query(policy, periodLabel, bucket), page, size);
  }

  /** A page of the users of {@code query}, one of {@link #query}'s. */
  public BucketPage page(MemberQuery query, int page, int size) {
    var members = growthMembers.page(query, page, size);
    return new BucketPage(
        query.policy(),
        query.selection().get("period"),
        query.selection().get("lifecycle"),
        members.total(),
        page,
        size,
        members.users());
  }

  /** The users of one bucket ({@code active}, {@code new}…) of the period labelled so. */
  public MemberQuery query(Policy policy, String periodLabel, String bucket) {
    var name = bucket(bucket);
    var named = Period.named(periodLabel);
    var period = named.period();
    var start = named.start();
    range.check(period, start, start, 1);
    var label = period.label(start);
    return new MemberQuery(
        policy,
        Map.of("lifecycle", name, "period", label),
        "lifecycle-" + name + "-" + label,
        MEMBERS,
        start,
        period.next(start),
        period.plus(start, -1),
        policy == Policy.TRANSACTING,
        name);
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
