package app.confio.backfill.control;

import app.confio.activity.entity.Policy;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The old method's definition, as SQL: where each kind of activity the tracker counts leaves a row,
 * who acted, when, and whether money moved. It mirrors {@code ActivityKind}: logins and session
 * refreshes, offers, trade steps, messages, achievements and business operations are app-active;
 * sends, payments, conversions, business payouts and a released trade (for buyer and seller) are
 * transacting too. Receiving money is nobody's activity, and neither is what a staff member did on
 * a user's behalf. Every relation built here has the columns {@code (user_id, at, transacting)}.
 */
public final class SourceSql {

  /** One place an activity leaves a row. {@code transacting} is SQL: false, true or a condition. */
  record Source(String from, String user, String at, String transacting, String where) {

    boolean movesMoney() {
      return !"false".equals(transacting);
    }

    String select(Policy policy, String timeFilter, String userFilter) {
      return select(policy, timeFilter, userFilter, "");
    }

    private String select(Policy policy, String timeFilter, String userFilter, String more) {
      var conditions = new StringBuilder(timeFilter.formatted(at));
      if (userFilter != null) {
        conditions.append(" and ").append(userFilter.formatted(user));
      }
      if (where != null) {
        conditions.append(" and ").append(where);
      }
      var money = transacting;
      if (policy == Policy.TRANSACTING && !"true".equals(transacting)) {
        conditions.append(" and ").append(transacting);
        money = "true";
      }
      return "select %s as user_id, %s as at, %s as transacting%s from %s where %s"
          .formatted(user, at, money, more, from, conditions);
    }

    /** The app-active select with a fourth column, {@code source}: the table the row is in. */
    String labelled(String timeFilter, String userFilter) {
      var table = from.equals(RELEASED) ? "p2p_trades" : from;
      return select(Policy.APP_ACTIVE, timeFilter, userFilter, ", '" + table + "' as source");
    }
  }

  /**
   * A released trade, for both parties. Release is final, so the trade's {@code updated_at} is the
   * moment of its RELEASED event: reading the trade uses the buyer, seller and released-time
   * indexes, where joining the events could not.
   */
  static final String RELEASED = "p2p_trades t";

  /**
   * A row a staff member wrote on a user's behalf (an {@code act} token) is nobody's activity, as
   * the tracker ignores it. A trade records the actor of its latest change: one released under an
   * act claim counts for neither party, as the tracker counts neither.
   */
  static final String OWN = "acted_by is null";

  static final String RELEASED_OWN = "t.status = 'RELEASED' and t.acted_by is null";

  /**
   * A trade event without an actor is the system's (an unpaid trade expiring): nobody's activity.
   */
  static final String SYSTEM_NOT_OWN = "actor_id is not null and " + OWN;

  static final List<Source> SOURCES =
      List.of(
          new Source("login_events", "user_id", "created_at", "false", OWN),
          new Source("send_transactions", "sender_id", "created_at", "true", OWN),
          new Source("payments", "payer_id", "created_at", "true", OWN),
          new Source("conversions", "user_id", "created_at", "true", OWN),
          new Source("p2p_offers", "maker_id", "created_at", "false", OWN),
          new Source("p2p_trade_events", "actor_id", "created_at", "false", SYSTEM_NOT_OWN),
          new Source(RELEASED, "t.buyer_id", "t.updated_at", "true", RELEASED_OWN),
          new Source(RELEASED, "t.seller_id", "t.updated_at", "true", RELEASED_OWN),
          new Source("p2p_messages", "sender_id", "created_at", "false", OWN),
          new Source("achievements_earned", "user_id", "created_at", "false", OWN),
          new Source("business_operations", "actor_id", "created_at", "kind = 'PAYOUT'", OWN));

  private SourceSql() {}

  /**
   * The policy's events; {@code timeFilter} and {@code userFilter} (null for every user) are
   * conditions in which {@code %1$s} stands for the source's time or user column, such as {@code
   * "%1$s >= ?1"}.
   */
  public static String events(Policy policy, String timeFilter, String userFilter) {
    Predicate<Source> counted = policy == Policy.TRANSACTING ? Source::movesMoney : s -> true;
    return SOURCES.stream()
        .filter(counted)
        .map(s -> s.select(policy, timeFilter, userFilter))
        .collect(Collectors.joining("\nunion all\n"));
  }

  /**
   * Every event, as {@link #events} answers them for the app-active policy, with a fourth column
   * {@code source} naming the table it comes from: what backs one user's activity.
   */
  public static String labelledEvents(String timeFilter, String userFilter) {
    return SOURCES.stream()
        .map(s -> s.labelled(timeFilter, userFilter))
        .collect(Collectors.joining("\nunion all\n"));
  }

  /** Every event of users ?1 to ?2 at or after ?3: what the backfill replays, chunk by chunk. */
  public static String eventsOfUsers() {
    return events(Policy.APP_ACTIVE, "%1$s >= ?3", "%1$s between ?1 and ?2");
  }

  /**
   * Each user's latest source activity from ?1 to now: {@code (user_id, last_activity_at,
   * last_transaction_at)}, the latter null when no money moved. For compare-methods and validate;
   * rows stamped in the future wait for their time, as in the backfill.
   */
  public static String latestSince() {
    return "select user_id, max(at) as last_activity_at,"
        + " max(at) filter (where transacting) as last_transaction_at from ("
        + events(Policy.APP_ACTIVE, "%1$s >= ?1 and %1$s <= now()", null)
        + ") e group by user_id";
  }
}
