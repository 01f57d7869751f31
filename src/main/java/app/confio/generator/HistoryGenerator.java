package app.confio.generator;

import app.confio.platform.Migrations;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.sql.DataSource;

/**
 * Appends users and two years of their history, one {@code INSERT ... SELECT} per table, all in
 * one transaction: a run either adds everything or nothing.
 *
 * <p>The first statements write a plan of every new user into a temporary table: when they
 * signed up, when they were last active, and how many rows each table gets. Every row a user acts
 * in lies between their sign-up and that last-active moment, and exactly one row sits at it, so
 * the latest activity across the eight tables is the planned one. Users' ids rise with their
 * sign-up time, which lets a statement pick a counterparty who already existed at a moment with
 * one random number ({@code pg_temp.signed_up_before}). Trade partners and employees are users
 * with a nearby last-active moment, so that both sides' rows fit in both lives.
 */
public class HistoryGenerator {

  /** Where activity metrics look for what a person did. */
  public static final Set<String> ACTIVITY_TABLES =
      Set.of(
          "login_events",
          "send_transactions",
          "payments",
          "conversions",
          "p2p_trades",
          "p2p_messages",
          "achievements_earned",
          "business_operations");

  /** Rows written per table, in the order they were written. */
  public record Result(Map<String, Long> rows, double seconds) {

    public long total() {
      return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    public long activityRows() {
      return rows.entrySet().stream()
          .filter(table -> ACTIVITY_TABLES.contains(table.getKey()))
          .mapToLong(Map.Entry::getValue)
          .sum();
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

  /** Activity shares among ordinary active users: within a day, a week, thirty days. */
  static final double DAILY = 0.03;

  static final double WEEKLY = 0.125;
  static final double MONTHLY = 0.25;

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
    var rows = new LinkedHashMap<String, Long>();
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      var values = prepare(connection, users);
      for (var step : Sql.STEPS) {
        run(connection, step, values, rows, progress);
      }
      var committing = System.nanoTime();
      connection.commit();
      report(progress, "commit", 0, committing);
      connection.setAutoCommit(true);
      run(connection, new Step("analyze", null, Sql.ANALYZE), Map.of(), rows, progress);
    }
    return new Result(rows, (System.nanoTime() - started) / 1e9);
  }

  private Map<String, String> prepare(Connection connection, int users) throws SQLException {
    try (var statement = connection.createStatement()) {
      for (var setting : Sql.SESSION) {
        statement.execute(setting);
      }
      statement.execute("select setseed(" + setseed(seed) + ")");
    }
    var firstId = reserveIds(connection, users);
    var phoneBase = query(connection, Sql.PHONE_BASE);
    if (phoneBase + users > 999_999_999L) {
      throw new IllegalStateException("The +1555 phone number range is exhausted");
    }
    return placeholders(users, firstId, phoneBase);
  }

  /** Moves the users' identity past a fresh range, so the application never hands out its ids. */
  private static long reserveIds(Connection connection, int users) throws SQLException {
    var taken =
        Math.max(query(connection, Sql.MAX_USER_ID), query(connection, Sql.NEXT_USER_ID));
    query(connection, fill(Sql.SET_USER_ID, Map.of("last_id", Long.toString(taken + users))));
    return taken + 1;
  }

  private static long query(Connection connection, String sql) throws SQLException {
    try (var statement = connection.createStatement();
        var result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static Map<String, String> placeholders(int users, long firstId, long phoneBase) {
    return Map.ofEntries(
        Map.entry("users", Integer.toString(users)),
        Map.entry("first_id", Long.toString(firstId)),
        Map.entry("last_id", Long.toString(firstId + users - 1)),
        Map.entry("phone_base", Long.toString(phoneBase)),
        Map.entry("system_users", Integer.toString(Math.min(5, users / 200))),
        Map.entry("password_hash", passwordHash(DEMO_PASSWORD, salt())),
        Map.entry("growth", Double.toString(GROWTH)),
        Map.entry("days", Integer.toString(DAYS)),
        Map.entry("p1", Double.toString(recencyShare(DAILY, 1))),
        Map.entry("p7", Double.toString(recencyShare(WEEKLY, 7))),
        Map.entry("p30", Double.toString(recencyShare(MONTHLY, 30))));
  }

  private static void run(
      Connection connection,
      Step step,
      Map<String, String> values,
      Map<String, Long> rows,
      Consumer<String> progress)
      throws SQLException {
    var started = System.nanoTime();
    try (var statement = connection.createStatement()) {
      var count = statement.executeLargeUpdate(fill(step.sql(), values));
      if (step.table() != null) {
        rows.merge(step.table(), count, Long::sum);
      }
      report(progress, step.name(), count, started);
    }
  }

  static String fill(String sql, Map<String, String> values) {
    var filled = sql;
    for (var value : values.entrySet()) {
      filled = filled.replace("${" + value.getKey() + "}", value.getValue());
    }
    return filled;
  }

  private static void report(Consumer<String> progress, String step, long rows, long started) {
    var seconds = (System.nanoTime() - started) / 1e9;
    progress.accept(
        String.format(Locale.ROOT, "%-32s %,13d rows %7.1f s", step, Math.max(rows, 0), seconds));
  }

  /**
   * How often an ordinary user's last activity must fall within {@code days}, so that the share
   * measured afterwards is {@code target}: everyone who signed up within those days counts anyway.
   */
  static double recencyShare(double target, int days) {
    var signedUpSince = 1 - (Math.pow(GROWTH, 1 - (double) days / DAYS) - 1) / (GROWTH - 1);
    return (target - signedUpSince) / (1 - signedUpSince);
  }

  /** PostgreSQL's setseed takes a number between -1 and 1. */
  static double setseed(long seed) {
    return new Random(seed).nextDouble() * 2 - 1;
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

  /** The statements, in the order they run; placeholders such as ${users} stand for numbers. */
  static final class Sql {

    static final List<String> SESSION =
        List.of(
            "set local temp_buffers = '512MB'",
            "set local work_mem = '256MB'",
            "set local synchronous_commit = off",
            // random() runs in this backend only, so a seed gives the same rows every time
            "set local max_parallel_workers_per_gather = 0",
            "select pg_advisory_xact_lock(hashtext('app.confio.generator'))");

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
          select now() - interval '${days} days'
                 + interval '${days} days' * (ln(1 + q * (${growth} - 1)) / ln(${growth}))
        $$""";

    /** How many new users certainly existed at t: indexes 0 to the result minus one. */
    static final String SIGNED_UP_BEFORE =
        """
        create function pg_temp.signed_up_before(t timestamptz) returns int language sql stable as $$
          select greatest(0, floor(${users} * (power(${growth}::float8,
                   extract(epoch from t - interval '1 second' - (now() - interval '${days} days'))::float8
                   / (${days} * 86400)) - 1) / (${growth} - 1)))::int
        $$""";

    /**
     * One row per new user: identity, sign-up, last activity and how many rows each table gets.
     * Ordinary active users are active within a day, a week, thirty days with the shares p1, p7,
     * p30 (plus everyone who signed up since); of the rest, a third never came back after signing
     * up. Suspended and deleted users were last active anywhere in their life; system users never.
     */
    static final String PLAN =
        """
        create temp table gen_user on commit drop as
        with drawn as (
          select i, pg_temp.signed_up((i + random()) / ${users}) as created_at,
                 random() as r_kind, random() as r_status, random() as r_bucket, random() as r_when,
                 -ln(1 - random()) as intensity, random() as r_send, random() as r_pay,
                 random() as r_conv, random() as r_p2p, random() as r_final
          from generate_series(0, ${users} - 1) as i
        ), typed as (
          select d.*,
                 case when i < ${system_users} then 'SYSTEM' when r_kind < 0.001 then 'STAFF'
                      when r_kind < 0.006 then 'TEST' when r_kind < 0.086 then 'BUSINESS'
                      else 'PERSONAL' end as kind,
                 case when i < ${system_users} or r_status >= 0.03 then 'ACTIVE'
                      when r_status < 0.02 then 'SUSPENDED' else 'DELETED' end as status
          from drawn d
        ), timed as (
          select t.*, case
                 when kind = 'SYSTEM' then null
                 when status <> 'ACTIVE' then created_at + r_when * (now() - created_at)
                 when r_bucket < ${p30} then greatest(created_at, now() - case
                      when r_bucket < ${p1} then r_when * interval '1 day'
                      when r_bucket < ${p7} then interval '1 day' + r_when * interval '6 days'
                      else interval '7 days' + r_when * interval '23 days' end)
                 when r_bucket < ${p30} + (1 - ${p30}) / 3
                      or created_at > now() - interval '30 days' then created_at
                 else created_at + r_when * (now() - interval '30 days' - created_at)
                 end as last_active
          from typed t
        ), budgeted as (
          select t.*, t.r_p2p < 0.12 and t.last_active > t.created_at as trader,
                 coalesce(t.intensity
                   * sqrt(extract(epoch from t.last_active - t.created_at)::float8 / 86400), 0) as volume
          from timed t
        )
        select i, ${first_id} + i as id, created_at, kind, status, last_active,
               round(volume * 1.3)::int as n_login,
               case when r_send < 0.6 then round(volume * 0.8)::int else 0 end as n_send,
               case when r_pay < 0.5 then round(volume * 0.8)::int else 0 end as n_pay,
               case when r_conv < 0.3 then round(volume * 0.6)::int else 0 end as n_conv,
               case when trader then round(volume * 0.8)::int else 0 end as n_trade,
               case when kind = 'BUSINESS' then round(volume * 1.5)::int else 0 end as n_payout,
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

    static final String USERS =
        """
        insert into users (id, phone, display_name, password_hash, status, kind, created_at)
        select id, '+1555' || lpad((${phone_base} + 1 + i)::text, 9, '0'), 'User ' || id,
               '${password_hash}', status, kind, created_at
        from gen_user order by i""";

    static final String USER_ACCOUNTS =
        """
        insert into accounts (user_id, currency, balance)
        select u.id, c.currency, case c.currency
                 when 'CUSD' then round((random() ^ 3 * 2500)::numeric, 2)
                 when 'USDC' then case when random() < 0.4
                                       then round((random() ^ 3 * 1500)::numeric, 2) else 0 end
                 else case when random() < 0.45
                           then round((random() ^ 2 * 1000)::numeric, 4) else 0 end end
        from gen_user u cross join (values ('CUSD'), ('USDC'), ('CONFIO')) as c(currency)""";

    static final String BUSINESSES =
        """
        insert into businesses (owner_id, name, created_at)
        select id, (array['Bodega', 'Panadería', 'Farmacia', 'Ferretería', 'Café', 'Taller',
                          'Tienda', 'Frutería', 'Peluquería', 'Kiosko'])[1 + floor(random() * 10)::int]
                   || ' ' || id, created_at
        from gen_user where kind = 'BUSINESS' order by i""";

    static final String PLAN_BUSINESSES =
        """
        create temp table gen_business on commit drop as
        select b.id as business_id, u.i as owner_i, u.id as owner_id, u.biz_rank, u.lrank,
               u.created_at, u.last_active, u.n_payout, u.final_kind
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
     * near the owner's, added when both were around. Managers pay out, cashiers do not.
     */
    static final String PLAN_EMPLOYEES =
        """
        create temp table gen_employee on commit drop as
        with staffed as (
          select b.*, random() as r_staff from gen_business b
        ), wanted as (
          select s.business_id, s.owner_id, s.lrank, s.created_at as opened_at,
                 s.last_active as owner_last_active,
                 case when n = 1 then 1 else 11 end + floor(random() * 10)::int as step,
                 case when n = 1 and random() < 0.5 then 'MANAGER' else 'CASHIER' end as role,
                 random() as r_when, floor(random() ^ 2 * 8)::int as payouts
          from staffed s,
               generate_series(1, case when r_staff < 0.25 then 1 when r_staff < 0.35 then 2 else 0 end) n
        ), matched as (
          select w.*, e.i as user_i, e.id as user_id, e.last_active,
                 greatest(w.opened_at, e.created_at) as opens,
                 least(w.owner_last_active, e.last_active) as closes
          from wanted w join gen_user e on e.lrank = case
                 when w.lrank + w.step <= (select max(lrank) from gen_user) then w.lrank + w.step
                 else w.lrank - w.step end
        )
        select business_id, owner_id, user_i, user_id, role, last_active,
               opens + r_when * (closes - opens) as added_at,
               case when role = 'MANAGER' then payouts else 0 end as payouts
        from matched where opens <= closes""";

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

    /** The first login is the sign-up; a planned last login lands exactly on last_active. */
    static final String LOGINS =
        """
        insert into login_events (user_id, kind, created_at)
        select u.id,
               case when g = 0 or random() < 0.35 then 'LOGIN' else 'SESSION_REFRESH' end,
               case when g = 0 then u.created_at
                    when g > u.n_login then u.last_active
                    else u.created_at + random() * (u.last_active - u.created_at) end
        from gen_user u, generate_series(0, u.n_login + (u.final_kind = 'LOGIN')::int) as g
        where u.last_active is not null""";

    /** Recipients are any other new user who had signed up by then. */
    static final String SENDS =
        """
        with wanted as (
          select u.i, u.id as sender_id,
                 case when g > u.n_send then u.last_active
                      else u.created_at + random() * (u.last_active - u.created_at) end as created_at,
                 (array['CUSD', 'CUSD', 'CUSD', 'USDC', 'CONFIO'])[1 + floor(random() * 5)::int]
                   as currency,
                 round((1 + random() ^ 3 * 300)::numeric, 2) as amount,
                 (array['Dinner', 'Rent', 'Thanks!', 'Groceries', 'Taxi', 'Birthday', 'Coffee',
                        'For the trip'])[1 + floor(random() * 40)::int] as note,
                 random() as r_recipient
          from gen_user u, generate_series(1, u.n_send + (u.final_kind = 'SEND')::int) as g
        ), counted as (
          select w.*, pg_temp.signed_up_before(w.created_at) as known from wanted w
        ), picked as (
          select c.*, floor(c.r_recipient * (c.known - (c.i < c.known)::int))::int as pick
          from counted c where c.known - (c.i < c.known)::int >= 1
        )
        insert into send_transactions (sender_id, recipient_id, currency, amount, note, created_at)
        select sender_id, ${first_id} + pick + (i < known and pick >= i)::int,
               currency, amount, note, created_at
        from picked""";

    /** Businesses that existed by then, older ones more often; never the payer's own. */
    static final String PAYMENTS =
        """
        with wanted as (
          select u.i, u.id as payer_id, u.biz_rank,
                 case when g > u.n_pay then u.last_active
                      else u.created_at + random() * (u.last_active - u.created_at) end as created_at,
                 (array['CUSD', 'CUSD', 'CUSD', 'USDC'])[1 + floor(random() * 4)::int] as currency,
                 round((0.5 + random() ^ 2 * 150)::numeric, 2) as amount,
                 (array['INV-', 'Order ', 'Table '])[1 + floor(random() * 6)::int]
                   || floor(random() * 10000)::int as reference,
                 random() as r_business
          from gen_user u, generate_series(1, u.n_pay + (u.final_kind = 'PAYMENT')::int) as g
        ), counted as (
          select w.*, n.biz_upto as businesses,
                 floor(n.biz_upto * w.r_business ^ 1.5)::int as pick
          from wanted w join gen_user n on n.i = pg_temp.signed_up_before(w.created_at) - 1
          where n.biz_upto >= 2
        )
        insert into payments (payer_id, business_id, currency, amount, reference, created_at)
        select c.payer_id, b.business_id, c.currency, c.amount, c.reference, c.created_at
        from counted c join gen_business b on b.biz_rank = case
               when c.pick = c.biz_rank then (c.pick + 1) % c.businesses else c.pick end""";

    /** CONFIO is worth 0.25 USD; amounts are chosen so that amount_out is exact. */
    static final String CONVERSIONS =
        """
        with wanted as (
          select u.id as user_id,
                 case when g > u.n_conv then u.last_active
                      else u.created_at + random() * (u.last_active - u.created_at) end as created_at,
                 1 + floor(random() * 3)::int as from_index, floor(random() * 2)::int as step,
                 random() as r_amount
          from gen_user u, generate_series(1, u.n_conv + (u.final_kind = 'CONVERSION')::int) as g
        ), priced as (
          select w.*, 1 + (from_index + step) % 3 as to_index,
                 case when from_index = 3 then (1 + floor(r_amount ^ 2 * 25000))::numeric * 0.04
                      else round((1 + r_amount ^ 2 * 500)::numeric, 2) end as amount_in
          from wanted w
        ), rated as (
          select p.*, case when from_index = 3 then 0.25 when to_index = 3 then 4 else 1 end as rate
          from priced p
        )
        insert into conversions (user_id, from_currency, to_currency, amount_in, amount_out, rate,
                                 created_at)
        select user_id, (array['CUSD', 'USDC', 'CONFIO'])[from_index],
               (array['CUSD', 'USDC', 'CONFIO'])[to_index], amount_in, amount_in * rate, rate,
               created_at
        from rated""";

    /** Every trader makes one BUY and one SELL offer early in their life. */
    static final String OFFERS =
        """
        with maker as (
          select u.id as maker_id,
                 u.created_at + random() * 0.1 * (u.last_active - u.created_at) as created_at,
                 u.last_active > now() - interval '30 days' and random() < 0.7 as open,
                 1 + floor(random() * 5)::int as market
          from gen_user u where u.prank is not null
        ), offer as (
          select m.*, s.side, case when random() < 0.75 then 'CUSD' else 'USDC' end as currency,
                 random() as r_price, 5 + floor(random() * 20) as min_amount,
                 2 + floor(random() * 30) as spread, random() as r_available
          from maker m cross join (values ('BUY'), ('SELL')) as s(side)
        )
        insert into p2p_offers (maker_id, side, currency, fiat_currency, price, min_amount,
                                max_amount, available, status, created_at)
        select maker_id, side, currency, (array['VES', 'ARS', 'COP', 'PEN', 'BOB'])[market],
               round((array[150, 1300, 4000, 3.7, 6.96])[market] * (0.97 + 0.08 * r_price)::numeric, 2),
               min_amount, min_amount * spread,
               case when open then round((min_amount * spread * r_available)::numeric, 2) else 0 end,
               case when open then 'OPEN' else 'CLOSED' end, created_at
        from offer""";

    static final String PLAN_OFFERS =
        """
        create temp table gen_offer on commit drop as
        select o.id as offer_id, u.i as maker_i, o.maker_id, o.side, o.currency, o.price,
               o.min_amount, o.max_amount, o.created_at
        from p2p_offers o join gen_user u on u.id = o.maker_id
        where o.maker_id between ${first_id} and ${last_id}""";

    /**
     * A trader takes an offer of another trader whose last activity is close to theirs; the
     * trade, from opening to release or cancellation, lies within both their lives.
     */
    static final String TRADES =
        """
        with wanted as (
          select u.i, u.id as taker_id, u.created_at, u.last_active, u.prank,
                 1 + floor(random() * 20)::int as step,
                 case when random() < 0.5 then 'SELL' else 'BUY' end as side,
                 random() as r_amount, random() as r_when, random() as r_length,
                 random() as r_status
          from gen_user u, generate_series(1, u.n_trade) as g
        ), paired as (
          select w.*, p.id as maker_id, o.offer_id, o.currency, o.price,
                 round(o.min_amount + w.r_amount::numeric * (o.max_amount - o.min_amount), 2) as amount,
                 greatest(w.created_at, o.created_at) as opens,
                 least(w.last_active, p.last_active) as closes
          from wanted w
          join gen_user p on p.prank = case
                 when w.prank + w.step <= (select max(prank) from gen_user) then w.prank + w.step
                 else w.prank - w.step end
          join gen_offer o on o.maker_i = p.i and o.side = w.side
        ), timed as (
          select p.*, least(closes - opens, interval '5 minutes' + r_length * interval '4 hours')
                      as length
          from paired p where closes - opens > interval '2 minutes'
        )
        insert into p2p_trades (offer_id, buyer_id, seller_id, currency, amount, fiat_amount,
                                status, created_at, updated_at)
        select offer_id,
               case when side = 'SELL' then taker_id else maker_id end,
               case when side = 'SELL' then maker_id else taker_id end,
               currency, amount, round(amount * price, 2),
               case when r_status < 0.15 then 'CANCELLED' else 'RELEASED' end,
               opens + r_when * (closes - opens - length),
               opens + r_when * (closes - opens - length) + length
        from timed""";

    /** The taker opens, the buyer pays or cancels, the seller releases. */
    static final String TRADE_EVENTS =
        """
        with trade as (
          select t.id, t.buyer_id, t.seller_id, t.status, t.created_at, t.updated_at,
                 case when o.side = 'SELL' then t.buyer_id else t.seller_id end as taker_id,
                 t.created_at + (0.1 + 0.8 * random()) * (t.updated_at - t.created_at) as paid_at
          from p2p_trades t join gen_offer o on o.offer_id = t.offer_id
        )
        insert into p2p_trade_events (trade_id, actor_id, status, created_at)
        select t.id, e.actor_id, e.status, e.created_at
        from trade t cross join lateral (values
               ('PENDING_PAYMENT', t.taker_id, t.created_at),
               ('PAID', t.buyer_id, t.paid_at),
               (t.status, case when t.status = 'RELEASED' then t.seller_id else t.buyer_id end,
                t.updated_at)) as e(status, actor_id, created_at)
        where e.status <> 'PAID' or t.status = 'RELEASED'
        order by t.id, e.created_at""";

    static final String MESSAGES =
        """
        with trade as (
          select t.id, t.buyer_id, t.seller_id, t.created_at, t.updated_at,
                 floor(random() ^ 1.5 * 5)::int as messages
          from p2p_trades t join gen_offer o on o.offer_id = t.offer_id
        ), message as (
          select t.id as trade_id,
                 case when g % 2 = 1 then t.buyer_id else t.seller_id end as sender_id,
                 (array['Hola, ¿sigue disponible?', 'Ya te pagué, revisa por favor',
                        'Listo, recibido', 'Te envío el comprobante', '¡Gracias!',
                        'Un momento por favor', '¿Pago móvil o transferencia?'])[1 + floor(random() * 7)::int]
                   as body,
                 t.created_at + random() * (t.updated_at - t.created_at) as created_at
          from trade t, generate_series(1, t.messages) as g
        )
        insert into p2p_messages (trade_id, sender_id, body, created_at)
        select trade_id, sender_id, body, created_at from message order by trade_id, created_at""";

    /** Owners pay out during their whole life, managers after they were added. */
    static final String PAYOUTS =
        """
        with wanted as (
          select b.business_id, b.owner_i as actor_i, b.owner_id as actor_id,
                 case when g > b.n_payout then b.last_active
                      else b.created_at + random() * (b.last_active - b.created_at) end as created_at,
                 random() as r_currency, random() as r_amount, random() as r_payee
          from gen_business b, generate_series(1, b.n_payout + (b.final_kind = 'PAYOUT')::int) as g
          union all
          select e.business_id, e.user_i, e.user_id,
                 e.added_at + random() * (e.last_active - e.added_at), random(), random(), random()
          from gen_employee e, generate_series(1, e.payouts) as g
        ), counted as (
          select w.*, pg_temp.signed_up_before(w.created_at) as known from wanted w
        ), picked as (
          select c.*, floor(c.r_payee * (c.known - (c.actor_i < c.known)::int))::int as pick
          from counted c where c.known - (c.actor_i < c.known)::int >= 1
        )
        insert into business_operations (business_id, actor_id, kind, currency, amount,
                                         counterparty_id, created_at)
        select business_id, actor_id, 'PAYOUT', case when r_currency < 0.8 then 'CUSD' else 'USDC' end,
               round((5 + r_amount ^ 2 * 800)::numeric, 2),
               ${first_id} + pick + (actor_i < known and pick >= actor_i)::int, created_at
        from picked""";

    /** Earned when the first such row happened; CONFIO_HOLDER is claimed by most who qualify. */
    static final String ACHIEVEMENTS =
        """
        insert into achievements_earned (user_id, code, created_at)
        select id, 'WELCOME', created_at from gen_user where last_active is not null
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
        select p.party, 'FIRST_TRADE', min(t.updated_at)
        from p2p_trades t join gen_offer o on o.offer_id = t.offer_id,
             lateral (values (t.buyer_id), (t.seller_id)) as p(party)
        where t.status = 'RELEASED' group by p.party
        union all
        select u.id, 'CONFIO_HOLDER', u.created_at + random() * (u.last_active - u.created_at)
        from gen_user u join accounts a on a.user_id = u.id and a.currency = 'CONFIO'
        where u.last_active is not null and a.balance >= 100 and random() < 0.7""";

    static final List<Step> STEPS =
        List.of(
            new Step("plan: sign-up curve", null, SIGNED_UP),
            new Step("plan: existing users at a time", null, SIGNED_UP_BEFORE),
            new Step("plan: users", null, PLAN),
            new Step("plan: index", null, "create unique index on gen_user (i)"),
            new Step("plan: statistics", null, "analyze gen_user"),
            new Step("plan: last activity", null, PLAN_FINAL),
            new Step("users", "users", USERS),
            new Step("accounts of users", "accounts", USER_ACCOUNTS),
            new Step("businesses", "businesses", BUSINESSES),
            new Step("plan: businesses", null, PLAN_BUSINESSES),
            new Step("business owners", "business_employees", OWNERS),
            new Step("accounts of businesses", "accounts", BUSINESS_ACCOUNTS),
            new Step("plan: employees", null, PLAN_EMPLOYEES),
            new Step("business employees", "business_employees", EMPLOYEES),
            new Step("business_operations: setup", "business_operations", BUSINESS_SETUP),
            new Step("login_events", "login_events", LOGINS),
            new Step("send_transactions", "send_transactions", SENDS),
            new Step("payments", "payments", PAYMENTS),
            new Step("conversions", "conversions", CONVERSIONS),
            new Step("p2p_offers", "p2p_offers", OFFERS),
            new Step("plan: offers", null, PLAN_OFFERS),
            new Step("p2p_trades", "p2p_trades", TRADES),
            new Step("p2p_trade_events", "p2p_trade_events", TRADE_EVENTS),
            new Step("p2p_messages", "p2p_messages", MESSAGES),
            new Step("business_operations: payouts", "business_operations", PAYOUTS),
            new Step("achievements_earned", "achievements_earned", ACHIEVEMENTS));

    private Sql() {}
  }
}
