package app.confio.generator;

import app.confio.platform.Migrations;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.sql.DataSource;

/**
 * Appends users and two years of their history, one {@code INSERT ... SELECT} per table.
 *
 * <p>The first statements write a plan of every new user into a temporary table: when they signed
 * up, when they were last active, and how many rows each table gets. Every row a user acts in lies
 * between their sign-up and that last-active moment, and one row sits exactly on it, so the latest
 * activity across the eight tables is the planned one. Users' ids rise with their sign-up time,
 * which lets a statement pick a counterparty who already existed at a moment with one random number
 * ({@code pg_temp.signed_up_before}). Trade partners and employees are users with a nearby
 * last-active moment, so that both sides' rows fit in both lives.
 *
 * <p>A PostgreSQL backend writing these rows is CPU-bound, so the work runs on two connections in
 * three phases. First, one connection writes the users and what hangs off them (businesses,
 * employees, offers) and commits, while the other builds the same plan from the same seed. Then
 * each connection writes the activity of every other user and both commit together; if either
 * fails, both roll back and the first phase's rows are deleted. Last, FIRST_TRADE is awarded, since
 * a trade has a party in each half.
 */
public class HistoryGenerator {

  /** Every table the generator writes, in the order the summary lists them. */
  public static final List<String> TABLES =
      List.of(
          "users",
          "accounts",
          "businesses",
          "business_employees",
          "p2p_offers",
          "p2p_trade_events",
          "login_events",
          "send_transactions",
          "payments",
          "conversions",
          "p2p_trades",
          "p2p_messages",
          "achievements_earned",
          "business_operations");

  /** Where activity metrics look for what a person did: the last eight of {@link #TABLES}. */
  public static final List<String> ACTIVITY_TABLES = TABLES.subList(6, TABLES.size());

  /** Rows written per table, in the order of {@link #TABLES}. */
  public record Result(Map<String, Long> rows, double seconds) {

    public long total() {
      return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    public long activityRows() {
      return ACTIVITY_TABLES.stream().mapToLong(table -> rows.getOrDefault(table, 0L)).sum();
    }
  }

  /** One statement; {@code table} is where its rows land, or null for the plan. */
  record Step(String name, String table, String sql) {}

  static final String DEMO_PASSWORD = "confio-demo";
  static final String ALGORITHM = "PBKDF2WithHmacSHA256";

  /** What Soteria's Pbkdf2PasswordHash writes and verifies; the application uses 210,000. */
  static final int ITERATIONS = 210_000;

  static final int SALT_BYTES = 32;
  static final int KEY_BYTES = 32;

  /** Sign-ups grow: four times as many a day now as two years ago. */
  static final double GROWTH = 4;

  static final int DAYS = 730;

  private final DataSource dataSource;
  private final long seed;

  public HistoryGenerator(DataSource dataSource, long seed) {
    this.dataSource = dataSource;
    this.seed = seed;
  }

  public Result generate(int users, Consumer<String> progress) throws SQLException {
    if (users < 1) {
      throw new IllegalArgumentException("The number of users must be at least 1");
    }
    var started = System.nanoTime();
    progress.accept("Schema at version " + Migrations.apply(dataSource));
    var rows = new ConcurrentHashMap<String, Long>();
    try (var first = open();
        var second = open()) {
      var values = reserve(first, users);
      var one = new Session(first, "1", values, rows, progress);
      var two = new Session(second, "2", values, rows, progress);
      inParallel(() -> one.seed(0).run(Sql.PLAN).run(Sql.PEOPLE), () -> two.seed(0).run(Sql.PLAN));
      one.commit();
      writeActivity(one, two);
      one.run(Sql.LAST).commit();
    }
    var ordered = new LinkedHashMap<String, Long>();
    TABLES.forEach(table -> ordered.put(table, rows.getOrDefault(table, 0L)));
    return new Result(ordered, (System.nanoTime() - started) / 1e9);
  }

  /** Both halves commit, or neither does and the users and their businesses are removed. */
  private void writeActivity(Session one, Session two) throws SQLException {
    try {
      inParallel(
          () -> one.part(0).run(Sql.REFERENCES).seed(1).run(Sql.ACTIVITY),
          () -> two.part(1).run(Sql.REFERENCES).seed(2).run(Sql.ACTIVITY));
      one.commit();
      two.commit();
    } catch (SQLException | RuntimeException e) {
      one.rollbackQuietly();
      two.rollbackQuietly();
      try {
        one.run(Sql.UNDO).commit();
      } catch (SQLException undo) {
        e.addSuppressed(undo);
      }
      throw e;
    }
  }

  private Connection open() throws SQLException {
    var connection = dataSource.getConnection();
    connection.setAutoCommit(false);
    try (var statement = connection.createStatement()) {
      for (var setting : Sql.SESSION) {
        statement.execute(setting);
      }
    }
    return connection;
  }

  private Map<String, String> reserve(Connection connection, int users) throws SQLException {
    query(connection, Sql.LOCK);
    var firstId = reserveIds(connection, users);
    var phoneBase = query(connection, Sql.PHONE_BASE);
    if (phoneBase + users > 999_999_999L) {
      throw new IllegalStateException("The +1555 phone number range is exhausted");
    }
    return placeholders(users, firstId, phoneBase, text(connection, Sql.NOW));
  }

  /** Moves the users' identity past a fresh range, so the application never hands out its ids. */
  private static long reserveIds(Connection connection, int users) throws SQLException {
    var taken = Math.max(query(connection, Sql.MAX_USER_ID), query(connection, Sql.NEXT_USER_ID));
    query(connection, fill(Sql.SET_USER_ID, Map.of("last_id", Long.toString(taken + users))));
    return taken + 1;
  }

  private static long query(Connection connection, String sql) throws SQLException {
    return Long.parseLong(text(connection, sql));
  }

  private static String text(Connection connection, String sql) throws SQLException {
    try (var statement = connection.createStatement();
        var result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }

  /** Values for the statements; "now" is one moment that every connection's plan shares. */
  private Map<String, String> placeholders(int users, long firstId, long phoneBase, String now) {
    return Map.ofEntries(
        Map.entry("now", "timestamptz '" + now + "+00'"),
        Map.entry("users", Integer.toString(users)),
        Map.entry("first_id", Long.toString(firstId)),
        Map.entry("last_id", Long.toString(firstId + users - 1)),
        Map.entry("phone_base", Long.toString(phoneBase)),
        Map.entry("system_users", Integer.toString(Math.min(5, users / 200))),
        Map.entry("password_hash", passwordHash(DEMO_PASSWORD, salt())),
        Map.entry("growth", Double.toString(GROWTH)),
        Map.entry("days", Integer.toString(DAYS)),
        Map.entry(
            "hash_seed", Long.toString(Math.floorMod(seed * 2_654_435_761L, 1_000_000_007L))));
  }

  private static void inParallel(Callable<Session> one, Callable<Session> two) throws SQLException {
    var threads = Executors.newFixedThreadPool(2);
    try {
      for (var future : threads.invokeAll(List.of(one, two))) {
        future.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException cause) {
        throw cause;
      }
      throw new IllegalStateException("Generating history failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while generating history", e);
    } finally {
      threads.shutdown();
    }
  }

  static String fill(String sql, Map<String, String> values) {
    var filled = sql;
    for (var value : values.entrySet()) {
      filled = filled.replace("${" + value.getKey() + "}", value.getValue());
    }
    return filled;
  }

  /** PostgreSQL's setseed takes a number between -1 and 1; each stream gets its own. */
  static double setseed(long seed, int stream) {
    return new Random(seed * 31 + stream).nextDouble() * 2 - 1;
  }

  /** The format Soteria's Pbkdf2PasswordHash verifies: algorithm:iterations:salt:hash. */
  static String passwordHash(String password, byte[] salt) {
    try {
      var spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, KEY_BYTES * 8);
      var hash = SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
      var base64 = Base64.getEncoder();
      return String.join(
          ":",
          ALGORITHM,
          Integer.toString(ITERATIONS),
          base64.encodeToString(salt),
          base64.encodeToString(hash));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available", e);
    }
  }

  private static byte[] salt() {
    var salt = new byte[SALT_BYTES];
    new SecureRandom().nextBytes(salt);
    return salt;
  }

  /** One connection running steps, counting rows and reporting each step. */
  private final class Session {

    private final Connection connection;
    private final String label;
    private final Map<String, String> values;
    private final Map<String, Long> rows;
    private final Consumer<String> progress;

    Session(
        Connection connection,
        String label,
        Map<String, String> values,
        Map<String, Long> rows,
        Consumer<String> progress) {
      this.connection = connection;
      this.label = label;
      this.values = new HashMap<>(values);
      this.rows = rows;
      this.progress = progress;
    }

    /** Restricts the activity statements to the users whose plan index has this parity. */
    Session part(int parity) {
      values.put("part", Integer.toString(parity));
      return this;
    }

    /** Makes this connection's random() draw the numbers of the given stream of the seed. */
    Session seed(int stream) throws SQLException {
      try (var statement = connection.createStatement()) {
        statement.execute("select setseed(" + setseed(seed, stream) + ")");
      }
      return this;
    }

    Session run(List<Step> steps) throws SQLException {
      try (var statement = connection.createStatement()) {
        for (var step : steps) {
          var started = System.nanoTime();
          var count = statement.executeLargeUpdate(fill(step.sql(), values));
          if (step.table() != null) {
            rows.merge(step.table(), count, Long::sum);
          }
          report(step.name(), count, started);
        }
      }
      return this;
    }

    Session commit() throws SQLException {
      var started = System.nanoTime();
      connection.commit();
      report("commit", 0, started);
      return this;
    }

    void rollbackQuietly() {
      try {
        connection.rollback();
      } catch (SQLException e) {
        report("could not roll back: " + e.getMessage(), 0, System.nanoTime());
      }
    }

    private void report(String step, long count, long started) {
      var seconds = (System.nanoTime() - started) / 1e9;
      var line =
          String.format(
              Locale.ROOT, "%s %-34s %,13d rows %7.1f s", label, step, Math.max(count, 0), seconds);
      synchronized (progress) {
        progress.accept(line);
      }
    }
  }

  /**
   * The statements. Placeholders such as ${users} stand for numbers; ${part} selects the users
   * whose plan index has that parity. Subqueries that draw random numbers end in {@code offset 0},
   * so that PostgreSQL neither folds them into the outer query (which would draw again) nor
   * materializes them.
   */
  static final class Sql {

    static final List<String> SESSION =
        List.of(
            "set temp_buffers = '512MB'",
            "set work_mem = '256MB'",
            "set synchronous_commit = off",
            // random() must run in this backend, in order, for a seed to give the same rows
            "set max_parallel_workers_per_gather = 0");

    static final String LOCK = "select 1 from pg_advisory_lock(hashtext('app.confio.generator'))";
    static final String NOW =
        "select to_char(now() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')";
    static final String MAX_USER_ID = "select coalesce(max(id), 0) from users";
    static final String NEXT_USER_ID = "select nextval(pg_get_serial_sequence('users', 'id'))";
    static final String SET_USER_ID =
        "select setval(pg_get_serial_sequence('users', 'id'), ${last_id})";
    static final String PHONE_BASE =
        "select coalesce(max(substr(phone, 6)::bigint), 0) from users"
            + " where phone ~ '^[+]1555[0-9]{9}$'";

    static final String ANALYZE =
        """
        analyze users, accounts, businesses, business_employees, login_events, send_transactions,
          payments, conversions, p2p_offers, p2p_trades, p2p_trade_events, p2p_messages,
          achievements_earned, business_operations""";

    /** Sign-up time of quantile q: density grows by ${growth} over ${days} days until now. */
    static final String SIGNED_UP =
        """
        create function pg_temp.signed_up(q float8) returns timestamptz language sql stable as $$
          select ${now} - interval '${days} days'
                 + interval '${days} days' * (ln(1 + q * (${growth} - 1)) / ln(${growth}))
        $$""";

    /** How many new users certainly existed at t: plan indexes 0 to the result minus one. */
    static final String SIGNED_UP_BEFORE =
        """
        create function pg_temp.signed_up_before(t timestamptz) returns int
        language sql stable as $$
          select greatest(0, floor(${users} * (power(${growth}::float8,
                   extract(epoch from t - interval '1 second'
                                      - (${now} - interval '${days} days'))::float8
                   / (${days} * 86400)) - 1) / (${growth} - 1)))::int
        $$""";

    /**
     * The start of a user's k-th session between sign-up and last activity: a hash rather than
     * random(), so that every table can place rows in the same sessions. These functions use each
     * argument once, so that PostgreSQL inlines them even when an argument calls random().
     */
    static final String SESSION_AT =
        """
        create function pg_temp.session_at(id bigint, k int, first timestamptz, last timestamptz)
        returns timestamptz language sql stable as $$
          select first + (last - first)
                         * ((hashint8(id * 1048583 + k + ${hash_seed}) & 2147483647)::float8
                            / 2147483648)
        $$""";

    /** A moment within 20 minutes after the start of a random session, never after last. */
    static final String DURING_SESSION =
        """
        create function pg_temp.during_session(id bigint, sessions int, first timestamptz,
                                               last timestamptz, r_session float8, r_delay float8)
        returns timestamptz language sql stable as $$
          select least(last,
                       pg_temp.session_at(id, 1 + floor(r_session * sessions)::int, first, last)
                       + r_delay * interval '20 minutes')
        $$""";

    /**
     * One row per new user: identity, sign-up, last activity and how many rows each table gets.
     *
     * <p>A person is active on a given day with a probability (their frequency, log-uniform between
     * 1% and 40%) for as long as they stay engaged: a tenth never come back after signing up, the
     * others for a log-uniform 1 to 1,500 days, cut short for suspended and deleted users. Their
     * last activity lies a geometric number of days (of that frequency) before the end of their
     * engagement, or now; their sessions, one per active day on average, lie uniformly before it.
     * These four numbers were fitted by simulation so that about 3%, 12.5% and 25% of ordinary
     * users are active within a day, a week and thirty days, and the daily share in the past stays
     * near today's. System users are never active.
     */
    static final String PLAN_USERS =
        """
        create temp table gen_user as
        with drawn as (
          select i, pg_temp.signed_up((i + random()) / ${users}) as created_at,
                 random() as r_kind, random() as r_status, random() as r_frequency,
                 random() as r_never, random() as r_life, random() as r_end, random() as r_gap,
                 random() as r_time, random() as r_sessions, random() as r_send, random() as r_pay,
                 random() as r_conv, random() as r_p2p, random() as r_final
          from generate_series(0, ${users} - 1) as i
        ), typed as (
          select d.*,
                 case when i < ${system_users} then 'SYSTEM' when r_kind < 0.001 then 'STAFF'
                      when r_kind < 0.006 then 'TEST' when r_kind < 0.086 then 'BUSINESS'
                      else 'PERSONAL' end as kind,
                 case when i < ${system_users} or r_status >= 0.03 then 'ACTIVE'
                      when r_status < 0.02 then 'SUSPENDED' else 'DELETED' end as status,
                 exp(ln(0.01) + r_frequency * ln(0.4 / 0.01)) as frequency
          from drawn d
        ), engaged as (
          select t.*,
                 case when r_never < 0.1 then created_at
                      else least(created_at + exp(r_life * ln(1500)) * interval '1 day',
                                 case when status = 'ACTIVE' then ${now}
                                      else created_at + r_end * (${now} - created_at) end)
                      end as engaged_until
          from typed t
        ), timed as (
          select e.*,
                 case when kind <> 'SYSTEM' then greatest(created_at, engaged_until
                   - (floor(ln(1 - r_gap) / ln(1 - frequency)) + r_time) * interval '1 day')
                   end as last_active
          from engaged e
        ), budgeted as (
          select t.*, t.r_p2p < 0.12 and t.last_active > t.created_at as trader,
                 coalesce(floor(extract(epoch from t.last_active - t.created_at)::float8 / 86400
                                * -ln(1 - t.frequency) + t.r_sessions), 0)::int as n_sessions
          from timed t
        )
        select i, ${first_id} + i as id, created_at, kind, status, last_active, n_sessions,
               floor(n_sessions * 0.5 + random())::int as n_refresh,
               case when r_send < 0.6 then floor(n_sessions * 0.45 + random())::int else 0 end
                 as n_send,
               case when r_pay < 0.5 then floor(n_sessions * 0.45 + random())::int else 0 end
                 as n_pay,
               case when r_conv < 0.3 then floor(n_sessions * 0.35 + random())::int else 0 end
                 as n_conv,
               case when trader then floor(n_sessions * 0.5 + random())::int else 0 end as n_trade,
               case when kind = 'BUSINESS' then floor(n_sessions + random())::int else 0 end
                 as n_payout,
               case when last_active is null then 'NONE' when last_active = created_at then 'SIGNUP'
                    when r_final < 0.6 then 'LOGIN' when r_final < 0.75 then 'SEND'
                    when r_final < 0.87 then 'PAYMENT'
                    when r_final < 0.95 or kind <> 'BUSINESS' then 'CONVERSION'
                    else 'PAYOUT' end as final_kind,
               sum((kind = 'BUSINESS')::int) over (order by i) as biz_upto,
               case when kind = 'BUSINESS' then sum((kind = 'BUSINESS')::int) over (order by i) - 1
                    end as biz_rank,
               case when last_active is not null then row_number() over (
                      partition by last_active is null order by last_active, i) - 1 end as lrank,
               case when trader then row_number() over (
                      partition by trader order by last_active, i) - 1 end as prank
        from budgeted
        order by i""";

    /** A last activity that needs a counterparty nobody could be yet becomes a login. */
    static final String PLAN_FINAL =
        """
        update gen_user u set final_kind = 'LOGIN'
        where final_kind in ('SEND', 'PAYMENT', 'PAYOUT')
          and case when final_kind = 'PAYMENT'
                   then coalesce((select b.biz_upto from gen_user b
                                  where b.i = pg_temp.signed_up_before(u.last_active) - 1), 0) < 2
                   else pg_temp.signed_up_before(u.last_active)
                        - (u.i < pg_temp.signed_up_before(u.last_active))::int < 1 end""";

    static final List<Step> PLAN =
        List.of(
            new Step("plan: sign-up curve", null, SIGNED_UP),
            new Step("plan: users existing at a time", null, SIGNED_UP_BEFORE),
            new Step("plan: sessions", null, SESSION_AT),
            new Step("plan: rows in sessions", null, DURING_SESSION),
            new Step("plan: users", null, PLAN_USERS),
            new Step("plan: index", null, "create unique index on gen_user (i)"),
            new Step("plan: statistics", null, "analyze gen_user"),
            new Step("plan: last activity", null, PLAN_FINAL));

    static final String USERS =
        """
        insert into users (id, phone, display_name, password_hash, status, kind, created_at)
        select id, '+1555' || lpad((${phone_base} + 1 + i)::text, 9, '0'), 'User ' || id,
               '${password_hash}', status, kind, created_at
        from gen_user order by i""";

    static final String BUSINESSES =
        """
        insert into businesses (owner_id, name, created_at)
        select id, (array['Bodega', 'Panadería', 'Farmacia', 'Ferretería', 'Café', 'Taller',
                          'Tienda', 'Frutería', 'Peluquería', 'Kiosko']
                   )[1 + floor(random() * 10)::int] || ' ' || id, created_at
        from gen_user where kind = 'BUSINESS' order by i""";

    static final String PLAN_BUSINESSES =
        """
        create temp table if not exists gen_business as
        select b.id as business_id, u.i as owner_i, u.id as owner_id, u.biz_rank, u.lrank,
               u.created_at, u.last_active, u.n_sessions, u.n_payout, u.final_kind
        from businesses b join gen_user u on u.id = b.owner_id
        where b.owner_id between ${first_id} and ${last_id}""";

    static final String OWNERS =
        """
        insert into business_employees (business_id, user_id, role, created_at)
        select business_id, owner_id, 'OWNER', created_at from gen_business""";

    static final String BUSINESS_ACCOUNTS =
        """
        insert into accounts (business_id, currency, balance)
        select b.business_id, c.currency, case c.currency
                 when 'CONFIO' then round((random() ^ 2 * 2000)::numeric, 4)
                 else round((random() ^ 2 * 8000)::numeric, 2) end
        from gen_business b cross join (values ('CUSD'), ('USDC'), ('CONFIO')) as c(currency)""";

    /**
     * A quarter of businesses take on one employee and a tenth two: users whose last activity is
     * near the owner's, added at a moment when both were around.
     */
    static final String PLAN_EMPLOYEES =
        """
        create temp table gen_employee as
        select business_id, owner_id, user_id, role, opens + r_when * (closes - opens) as added_at
        from (
          select w.*, e.id as user_id, greatest(w.opened_at, e.created_at) as opens,
                 least(w.owner_last_active, e.last_active) as closes
          from (
            select s.business_id, s.owner_id, s.lrank, s.created_at as opened_at,
                   s.last_active as owner_last_active,
                   case when n = 1 then 1 else 11 end + floor(random() * 10)::int as step,
                   case when n = 1 and random() < 0.5 then 'MANAGER' else 'CASHIER' end as role,
                   random() as r_when
            from (select b.*, random() as r_staff from gen_business b offset 0) s,
                 generate_series(1, case when r_staff < 0.25 then 1 when r_staff < 0.35 then 2
                                         else 0 end) as n
            offset 0
          ) w
          join gen_user e on e.lrank = case
                 when w.lrank + w.step <= (select max(lrank) from gen_user) then w.lrank + w.step
                 else w.lrank - w.step end
        ) m
        where opens <= closes""";

    static final String EMPLOYEES =
        """
        insert into business_employees (business_id, user_id, role, created_at)
        select business_id, user_id, role, added_at from gen_employee""";

    static final String BUSINESS_SETUP =
        """
        insert into business_operations (business_id, actor_id, kind, counterparty_id, created_at)
        select business_id, owner_id, 'CREATE_BUSINESS', null::bigint, created_at from gen_business
        union all
        select business_id, owner_id, 'ADD_EMPLOYEE', user_id, added_at from gen_employee""";

    /** Every trader makes one BUY and one SELL offer early in their life. */
    static final String OFFERS =
        """
        insert into p2p_offers (maker_id, side, currency, fiat_currency, price, min_amount,
                                max_amount, available, status, created_at)
        select maker_id, side, currency, (array['VES', 'ARS', 'COP', 'PEN', 'BOB'])[market],
               round((array[150, 1300, 4000, 3.7, 6.96])[market]
                     * (0.97 + 0.08 * r_price)::numeric, 2),
               min_amount, min_amount * spread,
               case when open then round((min_amount * spread * r_available)::numeric, 2)
                    else 0 end,
               case when open then 'OPEN' else 'CLOSED' end, created_at
        from (
          select m.*, s.side, case when random() < 0.75 then 'CUSD' else 'USDC' end as currency,
                 random() as r_price, 5 + floor(random() * 20) as min_amount,
                 2 + floor(random() * 30) as spread, random() as r_available
          from (
            select u.id as maker_id,
                   u.created_at + random() * 0.1 * (u.last_active - u.created_at) as created_at,
                   u.last_active > ${now} - interval '30 days' and random() < 0.7 as open,
                   1 + floor(random() * 5)::int as market
            from gen_user u where u.prank is not null
            offset 0
          ) m cross join (values ('BUY'), ('SELL')) as s(side)
          offset 0
        ) o""";

    static final List<Step> PEOPLE =
        List.of(
            new Step("users", "users", USERS),
            new Step("businesses", "businesses", BUSINESSES),
            new Step("plan: businesses", null, PLAN_BUSINESSES),
            new Step("business owners", "business_employees", OWNERS),
            new Step("accounts of businesses", "accounts", BUSINESS_ACCOUNTS),
            new Step("plan: employees", null, PLAN_EMPLOYEES),
            new Step("business employees", "business_employees", EMPLOYEES),
            new Step("business_operations: setup", "business_operations", BUSINESS_SETUP),
            new Step("p2p_offers", "p2p_offers", OFFERS));

    static final String PLAN_STAFF =
        """
        create temp table gen_staff as
        select e.business_id, e.role, e.created_at as added_at, u.i as user_i, u.id as user_id,
               u.created_at, u.last_active, u.n_sessions
        from business_employees e
        join gen_business b on b.business_id = e.business_id
        join gen_user u on u.id = e.user_id
        where e.role <> 'OWNER'""";

    static final String PLAN_OFFERS =
        """
        create temp table gen_offer as
        select o.id as offer_id, u.i as maker_i, o.maker_id, o.side, o.currency, o.price,
               o.min_amount, o.max_amount, o.created_at
        from p2p_offers o join gen_user u on u.id = o.maker_id
        where o.maker_id between ${first_id} and ${last_id}""";

    static final List<Step> REFERENCES =
        List.of(
            new Step("plan: businesses", null, PLAN_BUSINESSES),
            new Step("plan: employees", null, PLAN_STAFF),
            new Step("plan: offers", null, PLAN_OFFERS),
            new Step("plan: statistics", null, "analyze gen_business, gen_staff, gen_offer"));

    static final String USER_ACCOUNTS =
        """
        insert into accounts (user_id, currency, balance)
        select u.id, c.currency, case c.currency
                 when 'CUSD' then round((random() ^ 3 * 2500)::numeric, 2)
                 when 'USDC' then case when random() < 0.4
                                       then round((random() ^ 3 * 1500)::numeric, 2) else 0 end
                 else case when random() < 0.45
                           then round((random() ^ 2 * 1000)::numeric, 4) else 0 end end
        from gen_user u cross join (values ('CUSD'), ('USDC'), ('CONFIO')) as c(currency)
        where u.i % 2 = ${part}""";

    /**
     * The sign-up login, one row opening each session (a login, or a refresh of a session kept from
     * before), refreshes during sessions, and a planned last one exactly on last_active.
     */
    static final String LOGINS =
        """
        insert into login_events (user_id, kind, created_at)
        select u.id,
               case when g = 0 then 'LOGIN'
                    when g > u.n_sessions and g <= u.n_sessions + u.n_refresh then 'SESSION_REFRESH'
                    when random() < 0.4 then 'LOGIN' else 'SESSION_REFRESH' end,
               case when g = 0 then u.created_at
                    when g <= u.n_sessions
                      then pg_temp.session_at(u.id, g, u.created_at, u.last_active)
                    when g <= u.n_sessions + u.n_refresh
                      then pg_temp.during_session(u.id, u.n_sessions, u.created_at, u.last_active,
                                                  random(), random())
                    else u.last_active end
        from gen_user u,
             generate_series(0, u.n_sessions + u.n_refresh + (u.final_kind = 'LOGIN')::int) as g
        where u.last_active is not null and u.i % 2 = ${part}""";

    /** Recipients are any other new user who had signed up by then. */
    static final String SENDS =
        """
        insert into send_transactions (sender_id, recipient_id, currency, amount, note, created_at)
        select sender_id, ${first_id} + pick + (i < known and pick >= i)::int,
               currency, amount, note, created_at
        from (
          select w.*, floor(w.r_recipient * (w.known - (w.i < w.known)::int))::int as pick
          from (
            select e.*, pg_temp.signed_up_before(e.created_at) as known
            from (
              select u.i, u.id as sender_id,
                     case when g > u.n_send then u.last_active
                          else pg_temp.during_session(u.id, u.n_sessions, u.created_at,
                                                      u.last_active, random(), random())
                          end as created_at,
                     (array['CUSD', 'CUSD', 'CUSD', 'USDC', 'CONFIO'])[1 + floor(random() * 5)::int]
                       as currency,
                     round((1 + random() ^ 3 * 300)::numeric, 2) as amount,
                     (array['Dinner', 'Rent', 'Thanks!', 'Groceries', 'Taxi', 'Birthday', 'Coffee',
                            'For the trip'])[1 + floor(random() * 40)::int] as note,
                     random() as r_recipient
              from gen_user u, generate_series(1, u.n_send + (u.final_kind = 'SEND')::int) as g
              where u.i % 2 = ${part}
              offset 0
            ) e
            offset 0
          ) w
          where w.known - (w.i < w.known)::int >= 1
        ) p""";

    /** Businesses that existed by then, older ones more often; never the payer's own. */
    static final String PAYMENTS =
        """
        insert into payments (payer_id, business_id, currency, amount, reference, created_at)
        select c.payer_id, b.business_id, c.currency, c.amount, c.reference, c.created_at
        from (
          select w.*, n.biz_upto as businesses,
                 floor(n.biz_upto * w.r_business ^ 1.5)::int as pick
          from (
            select u.i, u.id as payer_id, u.biz_rank,
                   case when g > u.n_pay then u.last_active
                        else pg_temp.during_session(u.id, u.n_sessions, u.created_at,
                                                    u.last_active, random(), random())
                        end as created_at,
                   (array['CUSD', 'CUSD', 'CUSD', 'USDC'])[1 + floor(random() * 4)::int]
                     as currency,
                   round((0.5 + random() ^ 2 * 150)::numeric, 2) as amount,
                   (array['INV-', 'Order ', 'Table '])[1 + floor(random() * 6)::int]
                     || floor(random() * 10000)::int as reference,
                   random() as r_business
            from gen_user u, generate_series(1, u.n_pay + (u.final_kind = 'PAYMENT')::int) as g
            where u.i % 2 = ${part}
            offset 0
          ) w
          join gen_user n on n.i = pg_temp.signed_up_before(w.created_at) - 1
          where n.biz_upto >= 2
        ) c
        join gen_business b on b.biz_rank = case
               when c.pick = c.biz_rank then (c.pick + 1) % c.businesses else c.pick end""";

    /** CONFIO is worth 0.25 USD; amounts are chosen so that amount_out is exact. */
    static final String CONVERSIONS =
        """
        insert into conversions (user_id, from_currency, to_currency, amount_in, amount_out, rate,
                                 created_at)
        select user_id, (array['CUSD', 'USDC', 'CONFIO'])[from_index],
               (array['CUSD', 'USDC', 'CONFIO'])[to_index], amount_in, amount_in * rate, rate,
               created_at
        from (
          select p.*, case when from_index = 3 then 0.25 when to_index = 3 then 4 else 1 end as rate
          from (
            select w.*, 1 + (from_index + step) % 3 as to_index,
                   case when from_index = 3 then (1 + floor(r_amount ^ 2 * 25000))::numeric * 0.04
                        else round((1 + r_amount ^ 2 * 500)::numeric, 2) end as amount_in
            from (
              select u.id as user_id,
                     case when g > u.n_conv then u.last_active
                          else pg_temp.during_session(u.id, u.n_sessions, u.created_at,
                                                      u.last_active, random(), random())
                          end as created_at,
                     1 + floor(random() * 3)::int as from_index, floor(random() * 2)::int as step,
                     random() as r_amount
              from gen_user u,
                   generate_series(1, u.n_conv + (u.final_kind = 'CONVERSION')::int) as g
              where u.i % 2 = ${part}
              offset 0
            ) w
          ) p
        ) r""";

    /**
     * A trader takes, during one of their sessions, an offer of another trader whose last activity
     * is close to theirs; the trade, from opening to release or cancellation, lies within both
     * their lives.
     */
    static final String TRADES =
        """
        insert into p2p_trades (offer_id, buyer_id, seller_id, taker_id, currency, amount,
                                fiat_amount, status, created_at, updated_at, payment_deadline)
        select offer_id,
               case when side = 'SELL' then taker_id else maker_id end,
               case when side = 'SELL' then maker_id else taker_id end,
               taker_id, currency, amount, round(amount * price, 2),
               case when r_status < 0.15 then 'CANCELLED' else 'RELEASED' end,
               opened_at, opened_at + length, opened_at + interval '30 minutes'
        from (
          select l.*, greatest(opens, least(closes - length, pg_temp.during_session(
                        taker_id, n_sessions, created_at, last_active, r_session, r_delay)))
                      as opened_at
          from (
            select p.*, least(closes - opens, interval '5 minutes' + r_length * interval '4 hours')
                        as length
            from (
              select w.*, m.id as maker_id, o.offer_id, o.currency, o.price,
                     round(o.min_amount + w.r_amount::numeric * (o.max_amount - o.min_amount), 2)
                       as amount,
                     greatest(w.created_at, o.created_at) as opens,
                     least(w.last_active, m.last_active) as closes
              from (
                select u.i, u.id as taker_id, u.created_at, u.last_active, u.prank, u.n_sessions,
                       1 + floor(random() * 20)::int as step,
                       case when random() < 0.5 then 'SELL' else 'BUY' end as side,
                       random() as r_amount, random() as r_session, random() as r_delay,
                       random() as r_length, random() as r_status
                from gen_user u, generate_series(1, u.n_trade) as g
                where u.i % 2 = ${part}
                offset 0
              ) w
              join gen_user m on m.prank = case
                     when w.prank + w.step <= (select max(prank) from gen_user)
                       then w.prank + w.step
                     else w.prank - w.step end
              join gen_offer o on o.maker_i = m.i and o.side = w.side
            ) p
            where closes - opens > interval '2 minutes'
          ) l
        ) t""";

    /**
     * The taker opens, the buyer pays or cancels, the seller releases. Only this connection's
     * trades are visible to it until both commit.
     */
    static final String TRADE_EVENTS =
        """
        insert into p2p_trade_events (trade_id, actor_id, status, created_at)
        select t.id, e.actor_id, e.status, e.created_at
        from (
          select t.id, t.buyer_id, t.seller_id, t.status, t.created_at, t.updated_at,
                 case when o.side = 'SELL' then t.buyer_id else t.seller_id end as taker_id,
                 t.created_at + (0.1 + 0.8 * random()) * (t.updated_at - t.created_at) as paid_at
          from p2p_trades t join gen_offer o on o.offer_id = t.offer_id
          offset 0
        ) t cross join lateral (values
               ('PENDING_PAYMENT', t.taker_id, t.created_at),
               ('PAID', t.buyer_id, t.paid_at),
               (t.status, case when t.status = 'RELEASED' then t.seller_id else t.buyer_id end,
                t.updated_at)) as e(status, actor_id, created_at)
        where e.status <> 'PAID' or t.status = 'RELEASED'
        order by t.id, e.created_at""";

    static final String MESSAGES =
        """
        insert into p2p_messages (trade_id, sender_id, body, created_at)
        select trade_id, sender_id, body, created_at
        from (
          select t.id as trade_id,
                 case when g % 2 = 1 then t.buyer_id else t.seller_id end as sender_id,
                 (array['Hola, ¿sigue disponible?', 'Ya te pagué, revisa por favor',
                        'Listo, recibido', 'Te envío el comprobante', '¡Gracias!',
                        'Un momento por favor', '¿Pago móvil o transferencia?']
                 )[1 + floor(random() * 7)::int] as body,
                 t.created_at + random() * (t.updated_at - t.created_at) as created_at
          from (
            select t.id, t.buyer_id, t.seller_id, t.created_at, t.updated_at,
                   floor(random() ^ 1.5 * 5)::int as messages
            from p2p_trades t join gen_offer o on o.offer_id = t.offer_id
            offset 0
          ) t, generate_series(1, t.messages) as g
          offset 0
        ) m
        order by trade_id, created_at""";

    /** Owners and managers pay out during their sessions, managers once they were added. */
    static final String PAYOUTS =
        """
        insert into business_operations (business_id, actor_id, kind, currency, amount,
                                         counterparty_id, created_at)
        select business_id, actor_id, 'PAYOUT',
               case when r_currency < 0.8 then 'CUSD' else 'USDC' end,
               round((5 + r_amount ^ 2 * 800)::numeric, 2),
               ${first_id} + pick + (actor_i < known and pick >= actor_i)::int, created_at
        from (
          select w.*, floor(w.r_payee * (w.known - (w.actor_i < w.known)::int))::int as pick
          from (
            select e.*, pg_temp.signed_up_before(e.created_at) as known
            from (
              select b.business_id, b.owner_i as actor_i, b.owner_id as actor_id,
                     case when g > b.n_payout then b.last_active
                          else pg_temp.during_session(b.owner_id, b.n_sessions, b.created_at,
                                                      b.last_active, random(), random())
                          end as created_at,
                     random() as r_currency, random() as r_amount, random() as r_payee
              from gen_business b,
                   generate_series(1, b.n_payout + (b.final_kind = 'PAYOUT')::int) as g
              where b.owner_i % 2 = ${part}
              union all
              select s.business_id, s.user_i, s.user_id,
                     greatest(s.added_at, pg_temp.during_session(s.user_id, s.n_sessions,
                                            s.created_at, s.last_active, random(), random())),
                     random(), random(), random()
              from (select s.*, case when s.role = 'MANAGER' then floor(random() ^ 2 * 8)::int
                                     else 0 end as payouts
                    from gen_staff s where s.user_i % 2 = ${part} offset 0) s,
                   generate_series(1, s.payouts) as g
              offset 0
            ) e
            offset 0
          ) w
          where w.known - (w.actor_i < w.known)::int >= 1
        ) p""";

    /**
     * Earned when the first such row happened; CONFIO_HOLDER is claimed, during a session, by most
     * who qualify.
     */
    static final String ACHIEVEMENTS =
        """
        insert into achievements_earned (user_id, code, created_at)
        select id, 'WELCOME', created_at from gen_user
        where last_active is not null and i % 2 = ${part}
        union all
        select sender_id, 'FIRST_SEND', min(created_at) from send_transactions
        where sender_id between ${first_id} and ${last_id} group by sender_id
        union all
        select payer_id, 'FIRST_PAYMENT', min(created_at) from payments
        where payer_id between ${first_id} and ${last_id} group by payer_id
        union all
        select user_id, 'FIRST_CONVERSION', min(created_at) from conversions
        where user_id between ${first_id} and ${last_id} group by user_id
        union all
        select id, 'CONFIO_HOLDER',
               pg_temp.during_session(id, n_sessions, created_at, last_active, r_session, r_delay)
        from (
          select u.*, random() as r_claim, random() as r_session, random() as r_delay
          from gen_user u join accounts a on a.user_id = u.id and a.currency = 'CONFIO'
          where u.last_active is not null and u.i % 2 = ${part} and a.balance >= 100
          offset 0
        ) h
        where r_claim < 0.7""";

    static final List<Step> ACTIVITY =
        List.of(
            new Step("accounts of users", "accounts", USER_ACCOUNTS),
            new Step("login_events", "login_events", LOGINS),
            new Step("send_transactions", "send_transactions", SENDS),
            new Step("payments", "payments", PAYMENTS),
            new Step("conversions", "conversions", CONVERSIONS),
            new Step("p2p_trades", "p2p_trades", TRADES),
            new Step("p2p_trade_events", "p2p_trade_events", TRADE_EVENTS),
            new Step("p2p_messages", "p2p_messages", MESSAGES),
            new Step("business_operations: payouts", "business_operations", PAYOUTS),
            new Step("achievements_earned", "achievements_earned", ACHIEVEMENTS));

    /** A first trade's two parties may have been written by different connections. */
    static final String FIRST_TRADES =
        """
        insert into achievements_earned (user_id, code, created_at)
        select p.party, 'FIRST_TRADE', min(t.updated_at)
        from p2p_trades t join gen_offer o on o.offer_id = t.offer_id,
             lateral (values (t.buyer_id), (t.seller_id)) as p(party)
        where t.status = 'RELEASED'
        group by p.party""";

    static final List<Step> LAST =
        List.of(
            new Step("achievements_earned: trades", "achievements_earned", FIRST_TRADES),
            new Step("analyze", null, ANALYZE));

    /** Removes the first phase's rows when the activity could not be written. */
    static final List<Step> UNDO =
        List.of(
            new Step(
                "undo: business_operations",
                null,
                "delete from business_operations"
                    + " where actor_id between ${first_id} and ${last_id}"),
            new Step(
                "undo: accounts",
                null,
                "delete from accounts where business_id in (select business_id from gen_business)"),
            new Step(
                "undo: business_employees",
                null,
                "delete from business_employees"
                    + " where business_id in (select business_id from gen_business)"),
            new Step(
                "undo: p2p_offers",
                null,
                "delete from p2p_offers where maker_id between ${first_id} and ${last_id}"),
            new Step(
                "undo: businesses",
                null,
                "delete from businesses where owner_id between ${first_id} and ${last_id}"),
            new Step(
                "undo: users",
                null,
                "delete from users where id between ${first_id} and ${last_id}"));

    private Sql() {}
  }
}
