package app.confio.metrics.control;

import app.confio.activity.entity.Policy;
import app.confio.metrics.entity.ActiveUser;
import app.confio.metrics.entity.UserPage;
import app.confio.platform.Days;
import app.confio.platform.InvalidInputException;
import app.confio.users.entity.Eligibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The users behind a number: the eligible users active within N days under a policy, most recently
 * active first, by page for the dashboard, or all of them in batches for an export. Both read the
 * policy's partial index in order; the export walks it by key, so memory stays flat. The window has
 * both bounds and ends now: a timestamp in the future is not activity yet.
 */
@ApplicationScoped
public class ActiveUserList {

  public static final int MAX_PAGE_SIZE = 500;
  static final int BATCH = 5000;

  static final String COLUMNS =
      "select id, phone, display_name, kind, created_at, last_activity_at, last_transaction_at"
          + " from users where %2$s and %1$s >= ?1 and %1$s <= ?2";

  @PersistenceContext EntityManager em;
  @Inject ActivityMetrics metrics;

  public UserPage page(Policy policy, int days, int page, int size) {
    Days.require(days);
    if (page < 0) {
      throw new InvalidInputException("page starts at 0, not " + page);
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInputException("size must be between 1 and " + MAX_PAGE_SIZE);
    }
    var now = OffsetDateTime.now();
    var total = metrics.within(policy, days, now).active();
    var offset = (long) page * size;
    if (offset >= total) {
      return new UserPage(policy, days, total, page, size, List.of());
    }
    // OFFSET walks the index from its start: a page in the back half is read from the other end,
    // so the last page costs what the first does and the middle one half of a full walk.
    var fromEnd = offset > total / 2;
    var count = (int) Math.min(size, total - offset);
    var column = ActivityMetrics.column(policy);
    var order = fromEnd ? "%s asc, id asc" : "%s desc, id desc";
    var users =
        read(
            em.createNativeQuery(
                    sql(policy) + (" order by " + order + " offset ?3 limit ?4").formatted(column))
                .setParameter(1, now.minusDays(days))
                .setParameter(2, now)
                .setParameter(3, fromEnd ? total - offset - count : offset)
                .setParameter(4, count)
                .getResultList());
    if (fromEnd) {
      Collections.reverse(users);
    }
    return new UserPage(policy, days, total, page, size, users);
  }

  /** Hands every user, in order, to {@code sink}; answers how many. */
  public long each(Policy policy, int days, Consumer<ActiveUser> sink) {
    Days.require(days);
    var column = ActivityMetrics.column(policy);
    var now = OffsetDateTime.now();
    var sql = sql(policy) + " and (%1$s, id) < (?3, ?4) order by %1$s desc, id desc limit ?5";
    var after = now;
    var afterId = Long.MAX_VALUE;
    long count = 0;
    while (true) {
      var batch =
          read(
              em.createNativeQuery(sql.formatted(column))
                  .setParameter(1, now.minusDays(days))
                  .setParameter(2, now)
                  .setParameter(3, after)
                  .setParameter(4, afterId)
                  .setParameter(5, BATCH)
                  .getResultList());
      batch.forEach(sink);
      count += batch.size();
      if (batch.size() < BATCH) {
        return count;
      }
      var last = batch.get(batch.size() - 1);
      after = policy == Policy.APP_ACTIVE ? last.lastActivityAt() : last.lastTransactionAt();
      afterId = last.id();
    }
  }

  private static String sql(Policy policy) {
    return COLUMNS.formatted(ActivityMetrics.column(policy), Eligibility.SQL);
  }

  private static List<ActiveUser> read(List<?> rows) {
    var users = new ArrayList<ActiveUser>();
    for (var row : rows) {
      var c = (Object[]) row;
      users.add(
          new ActiveUser(
              ActivityMetrics.number(c[0]),
              (String) c[1],
              (String) c[2],
              (String) c[3],
              time(c[4]),
              time(c[5]),
              time(c[6])));
    }
    return users;
  }

  public static OffsetDateTime time(Object value) {
    if (value == null || value instanceof OffsetDateTime) {
      return (OffsetDateTime) value;
    }
    return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
  }
}
