package app.confio.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.testing.Api;
import app.confio.testing.Deployments;
import app.confio.testing.GraphQLClient;
import app.confio.testing.Metrics;
import app.confio.testing.People;
import app.confio.testing.TestEnvironment;
import app.confio.testing.Tokens;
import app.confio.testing.WriteLog;
import jakarta.json.Json;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Activity tracking inside the server (through a test-only probe that calls the tracker and waits
 * for its writes) and over HTTP, with writes counted by a trigger in PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ActivityIT {

  static final String OTHER_MUTATIONS = "kind=\"OTHER_MUTATION\"";

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.withProbes(TrackerProbe.class, ProbeGraphQL.class);
  }

  @BeforeAll
  static void countWrites() throws Exception {
    WriteLog.install();
  }

  GraphQLClient client() {
    return new GraphQLClient(base);
  }

  People.Person register() {
    return People.register(client(), "Ana");
  }

  /** A registered user who has not signed in: nothing has touched them yet. */
  String untouchedUser() {
    var phone = People.freshPhone();
    return client()
        .post(
            "mutation($p: String!) { register(phone: $p, displayName: \"Eva\", password: \"long enough pw\") { id } }",
            Map.of("p", phone))
        .data()
        .getJsonObject("register")
        .getString("id");
  }

  String probe(String action, String query) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(base + "api/probe/" + action + "?" + query))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  String touch(String user, String mode) throws Exception {
    return probe("touch", "user=" + user + "&kind=OTHER_MUTATION&mode=" + mode);
  }

  String touchAt(String user, OffsetDateTime at) throws Exception {
    return probe("touch", "user=" + user + "&kind=OTHER_MUTATION&mode=AT&at=" + at);
  }

  String touchWindowed(String user, String kind, OffsetDateTime at) throws Exception {
    return probe("touch", "user=" + user + "&kind=" + kind + "&mode=WINDOWED&at=" + q(at));
  }

  static String q(Object value) {
    return java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8);
  }

  double otherMutationTouches() throws Exception {
    return Metrics.read(base, "activity_touches_total", OTHER_MUTATIONS);
  }

  // --- the tracker, in the container ---

  @Test
  void twoTouchesInsideTheWindowWriteOnce() throws Exception {
    var user = untouchedUser();
    assertEquals("WRITTEN", touch(user, "WINDOWED"));
    assertEquals("COOLDOWN", touch(user, "WINDOWED"));
    assertEquals(1, WriteLog.writes(user));
    assertTrue(WriteLog.lastActivity(user).isPresent());
  }

  @Test
  void forceWritesEveryTime() throws Exception {
    var user = untouchedUser();
    assertEquals("WRITTEN", touch(user, "FORCED"));
    assertEquals("WRITTEN", touch(user, "FORCED"));
    assertEquals("COOLDOWN", touch(user, "WINDOWED"), "force starts a new window");
    assertEquals(2, WriteLog.writes(user));
  }

  @Test
  void anOlderTimestampChangesNothing() throws Exception {
    var user = untouchedUser();
    touch(user, "WINDOWED");
    var stored = WriteLog.lastActivity(user).orElseThrow();
    touchAt(user, stored.minusSeconds(1));
    assertEquals(stored, WriteLog.lastActivity(user).orElseThrow());
    assertEquals(1, WriteLog.writes(user));
  }

  @Test
  void aFutureTimestampIsClampedToNow() throws Exception {
    var user = untouchedUser();
    var before = OffsetDateTime.now();
    assertEquals("WRITTEN", touchAt(user, before.plusDays(2)));
    var stored = WriteLog.lastActivity(user).orElseThrow();
    var after = OffsetDateTime.now();
    assertFalse(stored.isAfter(after.plusSeconds(1)), stored + " is in the future");
    assertFalse(stored.isBefore(before.minusSeconds(5)), stored + " is not now");
    assertFalse(
        WriteLog.days(user).contains(LocalDate.now(TestEnvironment.ZONE).plusDays(2).toString()));
  }

  @Test
  void aPastTimestampRecordsItsOwnDay() throws Exception {
    var user = untouchedUser();
    var lastWeek = OffsetDateTime.now(ZoneOffset.UTC).minusDays(7);
    assertEquals("WRITTEN", touchAt(user, lastWeek));
    assertEquals(
        lastWeek.atZoneSameInstant(TestEnvironment.ZONE).toLocalDate() + ":false",
        WriteLog.days(user));
    assertEquals(
        lastWeek.truncatedTo(ChronoUnit.MILLIS).toInstant(),
        WriteLog.lastActivity(user).orElseThrow().truncatedTo(ChronoUnit.MILLIS).toInstant());
  }

  /**
   * Real windowed touches (the cooldown's claims, not the forced mode) at chosen moments either
   * side of a local midnight: the window claimed at 23:59:30 still holds at 00:00:30, yet the new
   * day's first touch writes its history row, and its timestamp; the day after that is absorbed
   * again.
   */
  @Test
  void theFirstTouchOfADayWritesItsHistoryInsideAWindowBegunTheDayBefore() throws Exception {
    var midnight =
        LocalDate.now(TestEnvironment.ZONE)
            .minusDays(1)
            .atStartOfDay(TestEnvironment.ZONE)
            .toOffsetDateTime();
    var before = midnight.minusSeconds(30);
    var after = midnight.plusSeconds(30);
    var days =
        before.atZoneSameInstant(TestEnvironment.ZONE).toLocalDate()
            + ":%1$s,"
            + after.atZoneSameInstant(TestEnvironment.ZONE).toLocalDate()
            + ":%1$s";
    for (var kind : Map.of("OTHER_MUTATION", false, "SEND", true).entrySet()) {
      var user = untouchedUser();
      assertEquals("WRITTEN", touchWindowed(user, kind.getKey(), before), kind.getKey());
      assertEquals("WRITTEN", touchWindowed(user, kind.getKey(), after), kind.getKey());
      assertEquals("COOLDOWN", touchWindowed(user, kind.getKey(), after.plusSeconds(30)));
      assertEquals(days.formatted(kind.getValue()), WriteLog.days(user), kind.getKey());
      assertEquals(after.toInstant(), WriteLog.lastActivity(user).orElseThrow().toInstant());
      assertEquals(
          kind.getValue() ? Optional.of(after.toInstant()) : Optional.empty(),
          WriteLog.lastTransaction(user).map(OffsetDateTime::toInstant),
          kind.getKey());
    }
  }

  @Test
  void anUnknownUserIsANoOp() throws Exception {
    assertEquals("UNKNOWN_USER", touch("987654321987", "WINDOWED"));
  }

  @Test
  void fiftyThreadsTouchingOneUserWriteOnce() throws Exception {
    var user = untouchedUser();
    assertEquals("{COOLDOWN=49, WRITTEN=1}", probe("burst", "user=" + user + "&threads=50"));
    assertEquals(1, WriteLog.writes(user));
  }

  @Test
  void aFailingDatabaseRaisesNothingAndReleasesTheClaim() throws Exception {
    var user = untouchedUser();
    var ana = Api.as(client(), register());
    try (var db = TestEnvironment.connect()) {
      db.createStatement()
          .execute("alter table user_activity_day rename to user_activity_day_away");
      try {
        assertEquals("FAILED", touch(user, "WINDOWED"));
        assertTrue(WriteLog.lastActivity(user).isEmpty());
        ana.call("mutation { claimAchievement(code: WELCOME) { code } }", Map.of()).data();
      } finally {
        db.createStatement()
            .execute("alter table user_activity_day_away rename to user_activity_day");
      }
    }
    assertEquals("WRITTEN", touch(user, "WINDOWED"), "the failed write gave its claim back");
    assertEquals(1, WriteLog.writes(user));
  }

  // --- over HTTP ---

  @Test
  void aMutationCountsAsAppActiveOnly() throws Exception {
    var ana = Api.as(client(), register());
    probe("release", "user=" + ana.person().id());
    var before = WriteLog.lastActivity(ana.person().id()).orElseThrow();
    ana.call("mutation { claimAchievement(code: WELCOME) { code } }", Map.of()).data();
    var deadline = System.nanoTime() + 20_000_000_000L;
    while (!WriteLog.lastActivity(ana.person().id()).orElseThrow().isAfter(before)) {
      assertTrue(System.nanoTime() < deadline, "the mutation was not tracked");
      Thread.sleep(50);
    }
    assertTrue(WriteLog.lastTransaction(ana.person().id()).isEmpty());
  }

  @Test
  void queriesAndAnonymousCallsNeverCount() throws Exception {
    var ana = Api.as(client(), register());
    var eva = untouchedUser();
    var touches = otherMutationTouches();
    ana.call("{ me { id } balances { amount } transactions { total } myTrades { id } }", Map.of())
        .data();
    client().post("{ probeQuery }").data();
    untouchedUser();
    client().post("mutation { probeMutation }").data();
    assertEquals(touches, otherMutationTouches());
    assertTrue(WriteLog.lastActivity(eva).isEmpty());
  }

  @Test
  void aMutationAddedLaterIsTrackedWithNoCode() throws Exception {
    var ana = register();
    var touches = otherMutationTouches();
    client().as(ana.accessToken()).post("mutation { probeMutation }").data();
    assertEquals(touches + 1, otherMutationTouches());
  }

  @Test
  void loginAndRefreshCount() throws Exception {
    var ana = register();
    WriteLog.awaitActivity(ana.id());
    assertEquals(1, WriteLog.writes(ana.id()));
    probe("release", "user=" + ana.id());
    client()
        .post(
            "mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }",
            Map.of("t", ana.refreshToken()))
        .data();
    var deadline = System.nanoTime() + 20_000_000_000L;
    while (WriteLog.writes(ana.id()) < 2) {
      assertTrue(System.nanoTime() < deadline, "the refresh was not tracked");
      Thread.sleep(50);
    }
  }

  @Test
  void aFailedSendIsAppActiveButNotTransacting() throws Exception {
    var ana = Api.as(client(), register());
    var bruno = register();
    probe("release", "user=" + ana.person().id());
    assertEquals("INSUFFICIENT_FUNDS", ana.send(bruno.phone(), "CUSD", "5").errorCode());
    WriteLog.awaitActivity(ana.person().id());
    Thread.sleep(500);
    assertTrue(WriteLog.lastTransaction(ana.person().id()).isEmpty());
  }

  @Test
  void aSendCountsForBothPoliciesAndTheDay() throws Exception {
    var ana = Api.as(client(), register());
    var bruno = register();
    ana.deposit("CUSD", "10");
    ana.send(bruno.phone(), "CUSD", "5").data();
    var transacted = WriteLog.awaitTransaction(ana.person().id());
    assertEquals(LocalDate.now(TestEnvironment.ZONE) + ":true", WriteLog.days(ana.person().id()));
    assertFalse(
        WriteLog.lastActivity(ana.person().id())
            .orElseThrow()
            .isBefore(transacted.minusMinutes(5)));
    assertTrue(WriteLog.lastTransaction(bruno.id()).isEmpty(), "receiving is not transacting");
  }

  /**
   * The tracker itself ignores every touch made in a request under an act token, whoever makes it:
   * here the probe's forced touch, which writes in any other request; and a session refresh sent
   * with a staff member's token, whose login row (if the refresh is accepted) names the staff
   * member.
   */
  @Test
  void nothingInARequestUnderAnActTokenIsAnyonesActivity() throws Exception {
    var eva = untouchedUser();
    var staff =
        Tokens.forUser(
            eva, claims -> claims.add("act", Json.createObjectBuilder().add("sub", "s1")));
    var request =
        HttpRequest.newBuilder(
                URI.create(base + "api/probe/touch?user=" + eva + "&kind=SEND&mode=FORCED"))
            .header("Authorization", "Bearer " + staff)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    var answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals("COOLDOWN", answer.body(), "no write was started");
    assertTrue(WriteLog.lastActivity(eva).isEmpty());
    assertEquals("WRITTEN", touch(eva, "FORCED"), "the same touch, in the user's own request");

    var ana = register();
    WriteLog.awaitActivity(ana.id());
    var refreshes = Metrics.read(base, "activity_touches_total", "kind=\"SESSION_REFRESH\"");
    var asStaff =
        Tokens.forUser(
            ana.id(), claims -> claims.add("act", Json.createObjectBuilder().add("sub", "s2")));
    client()
        .as(asStaff)
        .post(
            "mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }",
            Map.of("t", ana.refreshToken()));
    assertEquals(
        refreshes, Metrics.read(base, "activity_touches_total", "kind=\"SESSION_REFRESH\""));
    try (var db = TestEnvironment.connect();
        var rows =
            db.prepareStatement(
                "select count(*) filter (where kind = 'SESSION_REFRESH'),"
                    + " count(*) filter (where kind = 'SESSION_REFRESH' and acted_by = 's2')"
                    + " from login_events where user_id = ?")) {
      rows.setLong(1, Long.parseLong(ana.id()));
      var counts = rows.executeQuery();
      counts.next();
      assertEquals(counts.getInt(1), counts.getInt(2), "a refresh row without its actor");
    }
  }

  @Test
  void aStaffMemberActingForAUserNeverTouchesThem() throws Exception {
    var ana = register();
    var eva = untouchedUser();
    var token =
        Tokens.forUser(
            eva, claims -> claims.add("act", Json.createObjectBuilder().add("sub", ana.id())));
    var touches = otherMutationTouches();
    client().as(token).post("mutation { probeMutation }").data();
    assertEquals(touches, otherMutationTouches());
    assertTrue(WriteLog.lastActivity(eva).isEmpty());
  }
}
