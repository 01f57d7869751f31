package app.confio.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.generator.HistoryGenerator;
import app.confio.platform.Migrations;
import app.confio.testing.Api;
import app.confio.testing.Deployments;
import app.confio.testing.GraphQLClient;
import app.confio.testing.Http;
import app.confio.testing.Metrics;
import app.confio.testing.People;
import app.confio.testing.TestEnvironment;
import app.confio.testing.Tokens;
import app.confio.testing.WriteLog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The backfill and the old method inside the server (through a test-only probe), on generated
 * history, checked against an independent reading of the activity tables ({@link SourceActivity}).
 * The database is shared with the other test classes: expectations are about the generated users
 * (ids {@code first..last}) and users planted here, or computed over the whole database.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackfillIT {

  static final int USERS = 1200;
  static long first;
  static long last;
  static long newer;
  static long ahead;
  static OffsetDateTime newerActivity;
  static OffsetDateTime newerTransaction;
  static long stale;
  static long missing;
  static long trackedOnly;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.withProbes(BackfillProbe.class);
  }

  @BeforeAll
  static void generate() throws Exception {
    Migrations.apply(TestEnvironment.dataSource());
    long before = query("select coalesce(max(id), 0) from users");
    new HistoryGenerator(TestEnvironment.dataSource(), 11).generate(USERS, line -> {});
    first = query("select min(id) from users where id > " + before + " and phone like '+1555%'");
    last = query("select max(id) from users where phone like '+1555%'");
    assertEquals(USERS, last - first + 1);
    plant();
  }

  /**
   * {@code newer}: stored values newer than any of his sources, a transacting day with no source
   * row, and a transacting day whose only source row is a login. {@code ahead}: a login three days
   * ago and one stamped three days in the future.
   */
  static void plant() throws SQLException {
    var now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    newerActivity = now.minusHours(1);
    newerTransaction = now.minusHours(2);
    newer = insertUser(People.freshPhone());
    ahead = insertUser(People.freshPhone());
    execute(
        "insert into login_events (user_id, kind, created_at) values (?, 'LOGIN', ?)",
        newer,
        now.minusDays(10));
    execute(
        "insert into conversions (user_id, from_currency, to_currency, amount_in, amount_out, rate, created_at)"
            + " values (?, 'CUSD', 'USDC', 1, 1, 1, ?)",
        newer,
        now.minusDays(10));
    execute(
        "update users set last_activity_at = ?, last_transaction_at = ? where id = ?",
        newerActivity,
        newerTransaction,
        newer);
    execute(
        "insert into user_activity_day (user_id, day, transacting) values (?, ?, true)",
        newer,
        now.minusDays(20).toLocalDate());
    execute(
        "insert into login_events (user_id, kind, created_at) values (?, 'LOGIN', ?)",
        newer,
        now.minusDays(5));
    execute(
        "insert into user_activity_day (user_id, day, transacting) values (?, ?, true)",
        newer,
        now.minusDays(5).toLocalDate());
    execute(
        "insert into login_events (user_id, kind, created_at) values (?, 'LOGIN', ?)",
        ahead,
        now.minusDays(3));
    execute(
        "insert into login_events (user_id, kind, created_at) values (?, 'LOGIN', ?)",
        ahead,
        now.plusDays(3));
  }

  // --- the old method ---

  @Test
  @Order(1)
  void theOldMethodCountsWhatAnIndependentReadingCounts() throws Exception {
    assertTheOldMethodCountsWhatAnIndependentReadingCounts();
  }

  void assertTheOldMethodCountsWhatAnIndependentReadingCounts() throws Exception {
    var asOf = Instant.now().truncatedTo(ChronoUnit.MICROS);
    var events = SourceActivity.events(0, Long.MAX_VALUE, asOf.minus(30, ChronoUnit.DAYS), asOf);
    var eligible = new HashSet<Long>();
    try (var db = TestEnvironment.connect();
        var rows =
            db.createStatement()
                .executeQuery(
                    "select id from users where status = 'ACTIVE' and kind in ('PERSONAL', 'BUSINESS')")) {
      while (rows.next()) {
        eligible.add(rows.getLong(1));
      }
    }
    for (var policy : List.of("APP_ACTIVE", "TRANSACTING")) {
      var expected = new long[3];
      var windows = new int[] {1, 7, 30};
      for (int w = 0; w < 3; w++) {
        var threshold = asOf.minus(windows[w], ChronoUnit.DAYS);
        expected[w] =
            events.stream()
                .filter(e -> eligible.contains(e.user()) && !e.at().isBefore(threshold))
                .filter(e -> policy.equals("APP_ACTIVE") || e.transacting())
                .map(SourceActivity.Event::user)
                .distinct()
                .count();
      }
      var counted =
          probe(
              "GET",
              "legacy?policy=" + policy + "&windows=1,7,30&asOf=" + asOf.atOffset(ZoneOffset.UTC));
      assertEquals(Arrays.toString(expected), counted, policy);
      assertTrue(
          expected[0] > 0 && expected[0] < expected[1] && expected[1] < expected[2],
          policy + " " + counted);
    }
  }

  @Test
  @Order(2)
  void theOldMethodRefusesAWindowOutsideOneToTenYears() throws Exception {
    var asOf = OffsetDateTime.now(ZoneOffset.UTC);
    assertEquals("INVALID_INPUT", probe("GET", "legacy?policy=APP_ACTIVE&windows=0&asOf=" + asOf));
    assertEquals(
        "INVALID_INPUT", probe("GET", "legacy?policy=APP_ACTIVE&windows=7,3651&asOf=" + asOf));
  }

  // --- the backfill ---

  @Test
  @Order(3)
  void aBackfillWritesWhatTheSourcesSay() throws Exception {
    var started = start("days=365&chunkSize=250");
    assertEquals(365, started.getInt("days"));
    var done = awaitRun();
    assertEquals("FINISHED", done.getString("status"));
    assertEquals(100.0, done.getJsonNumber("percent").doubleValue());
    assertTrue(done.getInt("chunks") > 1, done.toString());
    assertTrue(done.getJsonNumber("rowsWritten").longValue() >= USERS / 4, done.toString());

    var since = OffsetDateTime.parse(done.getString("since")).toInstant();
    var expected =
        SourceActivity.expected(
            first, last, SourceActivity.events(first, last, since, Instant.now()));
    var stored = SourceActivity.stored(first, last);
    assertEquals(expected.users(), stored.users());
    assertEquals(expected.days(), stored.days());
    assertTrue(stored.days().stream().anyMatch(d -> d.endsWith(":true")));
    assertTrue(stored.days().stream().anyMatch(d -> d.endsWith(":false")));
  }

  @Test
  @Order(4)
  void aNewerStoredValueIsNeverLoweredAndATransactingDayStaysTransacting() throws Exception {
    var stored = SourceActivity.stored(newer, newer);
    assertEquals(
        List.of(newerActivity.toInstant(), newerTransaction.toInstant()),
        stored.users().get(newer));
    var twentyDaysAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(20).toLocalDate();
    var tenDaysAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(10).toLocalDate();
    var fiveDaysAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(5).toLocalDate();
    assertEquals(
        Set.of(
            newer + ":" + twentyDaysAgo + ":true",
            newer + ":" + tenDaysAgo + ":true",
            newer + ":" + fiveDaysAgo + ":true"),
        stored.days());
  }

  @Test
  @Order(5)
  void activityStampedInTheFutureWaitsForItsTime() throws Exception {
    var stored = SourceActivity.stored(ahead, ahead);
    var activity = stored.users().get(ahead).get(0);
    var threeDaysAgo = Instant.now().minus(3, ChronoUnit.DAYS);
    assertTrue(
        Math.abs(activity.getEpochSecond() - threeDaysAgo.getEpochSecond()) < 600,
        activity.toString());
    assertEquals(1, stored.days().size(), stored.days().toString());
  }

  @Test
  @Order(6)
  void aSecondRunChangesNothing() throws Exception {
    var before = SourceActivity.stored(first, last);
    start("days=365&chunkSize=250");
    var done = awaitRun();
    assertEquals("FINISHED", done.getString("status"));
    assertEquals(0, done.getJsonNumber("rowsWritten").longValue(), done.toString());
    assertEquals(before, SourceActivity.stored(first, last));
  }

  @Test
  @Order(7)
  void aRunKilledMidwayAndResumedEndsLikeAnUninterruptedOne() throws Exception {
    SourceActivity.forget(first, last);
    start("days=3650");
    awaitRun();
    var uninterrupted = SourceActivity.stored(first, last);

    SourceActivity.forget(first, last);
    long lowest = query("select min(id) from users");
    int chunkSize = 100;
    int chunks = (int) ((first + USERS / 2 - lowest) / chunkSize);
    var killed = start("days=3650&chunkSize=" + chunkSize + "&maxChunks=" + chunks);
    var stopped = awaitRun();
    assertEquals("INTERRUPTED", stopped.getString("status"));
    assertEquals(chunks, stopped.getInt("chunks"));
    long doneUser = stopped.getJsonNumber("doneUserId").longValue();
    assertTrue(doneUser > first && doneUser < last, stopped.toString());
    var partial = SourceActivity.stored(first, last);
    assertTrue(
        partial.users().entrySet().stream()
            .anyMatch(e -> e.getKey() <= doneUser && e.getValue().get(0) != null));
    assertTrue(
        partial.users().entrySet().stream()
            .noneMatch(e -> e.getKey() > doneUser && e.getValue().get(0) != null));

    var resumed = start("days=3650");
    assertEquals(killed.getInt("runId"), resumed.getInt("runId"));
    assertEquals(1, resumed.getInt("resumes"));
    assertEquals(killed.getString("since"), resumed.getString("since"));
    var finished = awaitRun();
    assertEquals("FINISHED", finished.getString("status"));
    assertEquals(uninterrupted, SourceActivity.stored(first, last));
  }

  @Test
  @Order(8)
  void manyStartsAtOnceRunOneBackfill() throws Exception {
    long runs = query("select count(*) from backfill_run");
    assertEquals("{BACKFILL_RUNNING=7, STARTED=1}", probe("POST", "burst?threads=8&days=3650"));
    awaitRun();
    assertEquals(runs + 1, query("select count(*) from backfill_run"));
  }

  @Test
  @Order(9)
  void badInputIsRefusedAndChangesNothing() throws Exception {
    long runs = query("select count(*) from backfill_run");
    assertEquals("INVALID_INPUT", probe("POST", "start?days=0&chunkSize=100"));
    assertEquals("INVALID_INPUT", probe("POST", "start?days=3651&chunkSize=100"));
    assertEquals("INVALID_INPUT", probe("POST", "start?days=10&chunkSize=-1"));
    assertEquals(runs, query("select count(*) from backfill_run"));
  }

  @Test
  @Order(10)
  void theAdminEndpointIsNotOpenToAnonymousCallers() throws Exception {
    for (var method : List.of("GET", "POST")) {
      var request =
          HttpRequest.newBuilder(URI.create(base + "api/admin/backfill?days=1"))
              .method(method, HttpRequest.BodyPublishers.noBody())
              .build();
      var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      assertTrue(
          response.statusCode() == 401 || response.statusCode() == 403,
          method + " " + response.statusCode() + " " + response.body());
    }
  }

  // --- compare-methods and validate ---

  @Test
  @Order(11)
  void validateAndCompareFindAPlantedStaleUserAndAPlantedNullUser() throws Exception {
    var now = OffsetDateTime.now(ZoneOffset.UTC);
    stale = insertUser(People.freshPhone());
    execute(
        "insert into login_events (user_id, kind, created_at) values (?, 'LOGIN', ?)",
        stale,
        now.minusHours(6));
    execute("update users set last_activity_at = ? where id = ?", now.minusDays(3), stale);
    missing = insertUser(People.freshPhone());
    execute(
        "insert into login_events (user_id, kind, created_at) values (?, 'LOGIN', ?)",
        missing,
        now.minusHours(2));
    trackedOnly = insertUser(People.freshPhone());
    execute("update users set last_activity_at = ? where id = ?", now.minusHours(1), trackedOnly);

    var report = json(probe("GET", "validate?days=7&samples=100"));
    assertTrue(
        report.getInt("nullUsers") >= 1 && report.getInt("staleUsers") >= 1, report.toString());
    assertTrue(ids(report, "nullSample").contains(missing), report.toString());
    assertTrue(ids(report, "staleSample").contains(stale), report.toString());
    assertFalse(ids(report, "nullSample").contains(stale));
    assertFalse(report.getBoolean("passed"));
    assertFalse(
        check(report, "zero users with recent activity and NULL last_activity_at")
            .getBoolean("passed"));

    var compared = json(probe("GET", "compare?policy=APP_ACTIVE&days=1&samples=100"));
    var oldOnly = samples(compared, "oldOnly");
    assertTrue(oldOnly.get(missing).contains("is NULL"), oldOnly.toString());
    assertTrue(oldOnly.get(stale).contains("newer than the last write"), oldOnly.toString());
    assertTrue(
        samples(compared, "newOnly").get(trackedOnly).contains("no row in the activity tables"),
        compared.toString());
    var dau = compared.getJsonArray("figures").getJsonObject(0);
    assertEquals("DAU", dau.getString("figure"));
    assertEquals(dau.getInt("newMethod") - dau.getInt("oldMethod"), dau.getInt("difference"));
  }

  @Test
  @Order(12)
  void afterACleanBackfillValidationPassesAndTheMethodsAgreeOnTheTables() throws Exception {
    start("days=7");
    assertEquals("FINISHED", awaitRun().getString("status"));

    var report = json(probe("GET", "validate?days=7&samples=100"));
    assertTrue(report.getBoolean("passed"), report.toString());
    assertEquals(0, report.getInt("nullUsers"), report.toString());
    assertEquals(0, report.getInt("staleUsers"), report.toString());
    assertEquals(1.0, report.getJsonNumber("coverage").doubleValue(), report.toString());
    assertEquals(3, report.getJsonArray("checks").size());

    var compared = json(probe("GET", "compare?policy=APP_ACTIVE&days=1&samples=100"));
    assertTrue(compared.getJsonArray("oldOnly").isEmpty(), compared.toString());
    assertTrue(samples(compared, "newOnly").containsKey(trackedOnly), compared.toString());
  }

  // --- a staff member acting on a user's behalf ---

  static final String STAFF = "staff-4711";
  static final List<String> TRANSACTING_KINDS =
      List.of("SEND", "PAYMENT", "CONVERSION", "P2P_TRADE_COMPLETED", "BUSINESS_MONEY_OPERATION");

  /**
   * Everything Eva "does" here is done by a staff member with her token and an act claim: a
   * deposit, an offer that Bruno (himself) takes and she releases, a message, a send, a business
   * she creates, pays, hires for and pays out of, a conversion, a claimed achievement. Every row
   * names the staff member; the tracker, the old method, the backfill, compare-methods and validate
   * count none of it, for her or (the release) for Bruno. Her own send then counts.
   */
  @Test
  @Order(13)
  void whatAStaffMemberDoesForAUserCountsForNobodyInAnyMethod() throws Exception {
    var anonymous = new GraphQLClient(base);
    var bruno = Api.as(anonymous, People.register(anonymous, "Bruno"));
    var eva = registerWithoutSigningIn(anonymous);
    var staff =
        new Api(
            anonymous.as(
                Tokens.forUser(
                    eva,
                    claims -> claims.add("act", Json.createObjectBuilder().add("sub", STAFF)))),
            null);
    var transactingTouches = transactingTouches();

    staff.deposit("CUSD", "200");
    var offer =
        staff
            .call(
                "mutation { createOffer(side: SELL, currency: CUSD, fiatCurrency: \"VES\","
                    + " price: 36.5, minAmount: 5, maxAmount: 50) { id } }",
                Map.of())
            .data()
            .getJsonObject("createOffer")
            .getString("id");
    var trade =
        bruno
            .call(
                "mutation($o: ID!) { openTrade(offerId: $o, amount: 20) { id } }",
                Map.of("o", offer))
            .data()
            .getJsonObject("openTrade")
            .getString("id");
    tradeStep(bruno, "markTradePaid", trade);
    tradeStep(staff, "releaseTrade", trade);
    staff
        .call(
            "mutation($t: ID!) { sendTradeMessage(tradeId: $t, text: \"gracias\") { id } }",
            Map.of("t", trade))
        .data();
    staff.send(bruno.person().phone(), "CUSD", "5").data();
    var business =
        staff
            .call("mutation { createBusiness(name: \"Eva's\") { id } }", Map.of())
            .data()
            .getJsonObject("createBusiness")
            .getString("id");
    staff
        .call(
            "mutation($b: ID!) { payBusiness(businessId: $b, currency: CUSD, amount: 10) { id } }",
            Map.of("b", business))
        .data();
    staff
        .call(
            "mutation($b: ID!, $p: String!) { addEmployee(businessId: $b, phone: $p,"
                + " role: CASHIER) { id } }",
            Map.of("b", business, "p", bruno.person().phone()))
        .data();
    staff
        .call(
            "mutation($b: ID!, $p: String!) { businessPayout(businessId: $b, recipientPhone: $p,"
                + " currency: CUSD, amount: 5) { kind } }",
            Map.of("b", business, "p", bruno.person().phone()))
        .data();
    staff.call("mutation { convert(from: CUSD, to: USDC, amount: 2) { id } }", Map.of()).data();
    staff.call("mutation { claimAchievement(code: WELCOME) { code } }", Map.of()).data();

    // The observer runs at commit, before the answer: a touch would have been counted by now.
    assertEquals(transactingTouches, transactingTouches(), "money moved under act was counted");
    var evaId = Long.parseLong(eva);
    var brunoId = Long.parseLong(bruno.person().id());
    assertEquals(
        Map.of(
            "login_events", 0L,
            "send_transactions", 1L,
            "payments", 1L,
            "conversions", 1L,
            "p2p_offers", 1L,
            "p2p_trade_events", 1L,
            "p2p_messages", 1L,
            "achievements_earned", 5L,
            "business_operations", 3L),
        rowsActedBy(evaId, STAFF));
    assertEquals(0, query("select count(*) from " + OWN_ROWS.replace("?", Long.toString(evaId))));
    assertEquals(STAFF, text("select acted_by from p2p_trades where id = " + trade));
    assertEquals(
        STAFF,
        text(
            "select acted_by from achievements_earned where code = 'FIRST_TRADE' and user_id = "
                + brunoId));
    assertEquals(
        "PAID:null",
        text(
            "select string_agg(status || ':' || coalesce(acted_by, 'null'), ',' order by id)"
                + " from p2p_trade_events where trade_id = "
                + trade
                + " and actor_id = "
                + brunoId
                + " and status <> 'PENDING_PAYMENT'"));
    assertUntracked(evaId, brunoId);

    var app = json(probe("GET", "compare?policy=APP_ACTIVE&days=1&samples=100"));
    var money = json(probe("GET", "compare?policy=TRANSACTING&days=1&samples=100"));
    assertFalse(samples(app, "oldOnly").containsKey(evaId), app.toString());
    assertFalse(samples(money, "oldOnly").containsKey(evaId), money.toString());
    assertFalse(samples(money, "oldOnly").containsKey(brunoId), money.toString());
    var report = json(probe("GET", "validate?days=1&samples=100"));
    assertFalse(ids(report, "nullSample").contains(evaId), report.toString());
    assertTheOldMethodCountsWhatAnIndependentReadingCounts();

    start("days=1");
    assertEquals("FINISHED", awaitRun().getString("status"));
    assertUntracked(evaId, brunoId);

    var own = Api.as(anonymous, new People.Person(eva, null, Tokens.forUser(eva), null));
    own.send(bruno.person().phone(), "CUSD", "1").data();
    assertTrue(WriteLog.awaitTransaction(eva).isAfter(OffsetDateTime.now().minusMinutes(1)));
    var after = json(probe("GET", "compare?policy=TRANSACTING&days=1&samples=100"));
    assertFalse(samples(after, "oldOnly").containsKey(evaId), after.toString());
    assertTheOldMethodCountsWhatAnIndependentReadingCounts();
  }

  /** Rows of the user with no actor: the acting-user column of each table. */
  static final String OWN_ROWS =
      "(select 1 from send_transactions where sender_id = ? and acted_by is null"
          + " union all select 1 from payments where payer_id = ? and acted_by is null"
          + " union all select 1 from conversions where user_id = ? and acted_by is null"
          + " union all select 1 from p2p_offers where maker_id = ? and acted_by is null"
          + " union all select 1 from p2p_trade_events where actor_id = ? and acted_by is null"
          + " union all select 1 from p2p_messages where sender_id = ? and acted_by is null"
          + " union all select 1 from achievements_earned where user_id = ? and acted_by is null"
          + " union all select 1 from business_operations where actor_id = ? and acted_by is null"
          + " union all select 1 from login_events where user_id = ?) own";

  static Map<String, Long> rowsActedBy(long user, String actor) throws SQLException {
    var columns =
        Map.of(
            "login_events", "user_id",
            "send_transactions", "sender_id",
            "payments", "payer_id",
            "conversions", "user_id",
            "p2p_offers", "maker_id",
            "p2p_trade_events", "actor_id",
            "p2p_messages", "sender_id",
            "achievements_earned", "user_id",
            "business_operations", "actor_id");
    var counts = new HashMap<String, Long>();
    for (var table : columns.entrySet()) {
      counts.put(
          table.getKey(),
          query(
              "select count(*) from "
                  + table.getKey()
                  + " where acted_by = '"
                  + actor
                  + "' and "
                  + table.getValue()
                  + " = "
                  + user));
    }
    return counts;
  }

  static void assertUntracked(long eva, long bruno) throws SQLException {
    assertEquals(Optional.empty(), WriteLog.lastActivity(Long.toString(eva)));
    assertEquals(Optional.empty(), WriteLog.lastTransaction(Long.toString(eva)));
    assertEquals("", WriteLog.days(Long.toString(eva)));
    assertEquals(
        Optional.empty(),
        WriteLog.lastTransaction(Long.toString(bruno)),
        "the release was not his");
  }

  double transactingTouches() throws Exception {
    double sum = 0;
    for (var kind : TRANSACTING_KINDS) {
      sum += Metrics.read(base, "activity_touches_total", "kind=\"" + kind + "\"");
    }
    return sum;
  }

  static void tradeStep(Api who, String mutation, String trade) {
    who.call("mutation($t: ID!) { " + mutation + "(tradeId: $t) { status } }", Map.of("t", trade))
        .data();
  }

  /** A registered user who has never signed in: nothing of her own has been tracked. */
  static String registerWithoutSigningIn(GraphQLClient anonymous) {
    return anonymous
        .post(
            "mutation($p: String!) { register(phone: $p, displayName: \"Eva\","
                + " password: \"long enough pw\") { id } }",
            Map.of("p", People.freshPhone()))
        .data()
        .getJsonObject("register")
        .getString("id");
  }

  static String text(String sql) throws SQLException {
    try (var db = TestEnvironment.connect();
        var rows = db.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  static JsonObject check(JsonObject report, String name) {
    return report.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("name").equals(name))
        .findFirst()
        .orElseThrow();
  }

  static Set<Long> ids(JsonObject report, String sample) {
    return samples(report, sample).keySet();
  }

  static Map<Long, String> samples(JsonObject report, String sample) {
    var found = new HashMap<Long, String>();
    for (var s : report.getJsonArray(sample).getValuesAs(JsonObject.class)) {
      found.put(s.getJsonNumber("userId").longValue(), s.getString("reason"));
    }
    return found;
  }

  // --- helpers ---

  JsonObject start(String query) throws Exception {
    var answer = probe("POST", "start?" + query);
    assertTrue(answer.startsWith("{"), answer);
    return json(answer);
  }

  JsonObject awaitRun() throws Exception {
    var answer = probe("POST", "await");
    assertNotEquals("TIMEOUT", answer);
    return json(answer);
  }

  static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  String probe(String method, String path) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(base + "api/backfill-probe/" + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  // --- the history's freshness promise ---

  @Test
  @Order(14)
  void theHistoryPromiseIsMetByARepairInTimeAndMissedWithoutOne() throws Exception {
    var zone = TestEnvironment.ZONE;
    var today = LocalDate.now(zone);
    var admin = Http.admin(base);

    // Long before this database's runs: no repair began after it ended and finished by 06:00.
    var missedDay = today.minusDays(40);
    var missedBy = missedDay.plusDays(1).atStartOfDay(zone).plusHours(6).toInstant();
    var missed = (JsonObject) admin.json("api/admin/health/history?day=" + missedDay);
    assertEquals(missedDay.toString(), missed.getString("day"));
    assertEquals(missedBy.toString(), missed.getString("finalBy"));
    assertEquals("missed", missed.getString("state"), missed.toString());
    assertEquals(2, missed.getInt("snapshots"), "the days of the last 91 are filled in at start");
    if (missed.containsKey("finalAt")) {
      assertTrue(Instant.parse(missed.getString("finalAt")).isAfter(missedBy), missed.toString());
    }

    // A nightly repair planted the morning after metDay, 03:30 to 03:35, over the two days before:
    // in time for metDay, a day late for the one before, and not over the days around them.
    var metDay = today.minusDays(50);
    var end = metDay.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    var started = end.plusMinutes(210);
    var finished = end.plusMinutes(215);
    execute(
        "insert into backfill_run (id, trigger, status, days, since, first_user_id, last_user_id,"
            + " done_user_id, session_from, started_at, session_at, updated_at, finished_at)"
            + " values (-14, 'SCHEDULED', 'FINISHED', 2, ?, 1, 0, 0, 0, ?, ?, ?, ?)",
        metDay.minusDays(1).atStartOfDay(zone).toOffsetDateTime(),
        started,
        started,
        finished,
        finished);
    try {
      var met = (JsonObject) admin.json("api/admin/health/history?day=" + metDay);
      assertEquals("met", met.getString("state"), met.toString());
      assertEquals(finished.toInstant().toString(), met.getString("finalAt"), met.toString());
      var late = (JsonObject) admin.json("api/admin/health/history?day=" + metDay.minusDays(1));
      assertEquals("missed", late.getString("state"), "covered, but a day late: " + late);
      assertEquals(finished.toInstant().toString(), late.getString("finalAt"), late.toString());
      for (var day : List.of(metDay.minusDays(2), metDay.plusDays(1))) {
        var other = (JsonObject) admin.json("api/admin/health/history?day=" + day);
        assertEquals("missed", other.getString("state"), "not covered: " + other);
        assertNotEquals(
            finished.toInstant().toString(), other.getString("finalAt", ""), "" + other);
      }
    } finally {
      execute("delete from backfill_run where id = -14");
    }

    var pending = (JsonObject) admin.json("api/admin/health/history?day=" + today);
    assertEquals("pending", pending.getString("state"), "a day not over yet");
    var refused = admin.get("api/admin/health/history?day=yesterday");
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("INVALID_INPUT"), refused.body());

    // The tracking health reports yesterday's with the same promise.
    var history = ((JsonObject) admin.json("api/admin/health/tracking")).getJsonObject("history");
    var yesterday = LocalDate.parse(history.getString("day"));
    assertTrue(
        List.of(today.minusDays(1), LocalDate.now(zone).minusDays(1)).contains(yesterday),
        history.toString());
    assertEquals(
        yesterday.plusDays(1).atStartOfDay(zone).plusHours(6).toInstant().toString(),
        history.getString("finalBy"));
    assertTrue(List.of("met", "pending", "missed").contains(history.getString("state")));
  }

  static long query(String sql) throws SQLException {
    try (var db = TestEnvironment.connect();
        var rows = db.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  static long insertUser(String phone) throws SQLException {
    try (var db = TestEnvironment.connect();
        var insert =
            db.prepareStatement(
                "insert into users (phone, display_name, password_hash) values (?, 'Planted', 'x') returning id")) {
      insert.setString(1, phone);
      var rows = insert.executeQuery();
      rows.next();
      return rows.getLong(1);
    }
  }

  static void execute(String sql, Object... values) throws SQLException {
    try (var db = TestEnvironment.connect();
        var statement = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }
}
