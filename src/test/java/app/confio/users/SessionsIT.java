package app.confio.users;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.testing.Deployments;
import app.confio.testing.GraphQLClient;
import app.confio.testing.Http;
import app.confio.testing.People;
import app.confio.testing.TestEnvironment;
import app.confio.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionsIT {

  @ArquillianResource URL base;

  static final String LOGIN =
      "mutation($p: String!, $w: String!) { login(phone: $p, password: $w) {"
          + " accessToken refreshToken expiresIn } }";
  static final String REFRESH =
      "mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.withProbes(PasswordProbe.class);
  }

  GraphQLClient client() {
    return new GraphQLClient(base);
  }

  static GraphQLClient.Response login(GraphQLClient client, String phone, String password) {
    return client.post(LOGIN, Map.of("p", phone, "w", password));
  }

  static long retryAfter(GraphQLClient.Response refused) {
    assertEquals("TOO_MANY_ATTEMPTS", refused.errorCode(), refused.body());
    return refused
        .json()
        .getJsonArray("errors")
        .getJsonObject(0)
        .getJsonObject("extensions")
        .getJsonNumber("retryAfter")
        .longValue();
  }

  long passwordChecks() {
    var checks = Http.anonymous(base).get("api/probe/passwords");
    assertEquals(200, checks.statusCode(), checks.body());
    return Long.parseLong(checks.body().strip());
  }

  GraphQLClient.Response me(String accessToken) {
    return client().as(accessToken).post("{ me { id } }");
  }

  static void sql(String statement, Object... parameters) throws SQLException {
    try (var db = TestEnvironment.connect();
        var update = db.prepareStatement(statement)) {
      for (var i = 0; i < parameters.length; i++) {
        update.setObject(i + 1, parameters[i]);
      }
      update.executeUpdate();
    }
  }

  static String sessionEnd(String accessToken) throws SQLException {
    try (var db = TestEnvironment.connect();
        var query = db.prepareStatement("select revoked_because from sessions where id = ?")) {
      query.setLong(1, sessionOf(accessToken));
      var row = query.executeQuery();
      assertTrue(row.next(), "the token's session is in the database");
      return row.getString(1);
    }
  }

  static JsonObject claims(String accessToken) {
    var payload = Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]);
    try (var reader = Json.createReader(new StringReader(new String(payload, UTF_8)))) {
      return reader.readObject();
    }
  }

  static long sessionOf(String accessToken) {
    return Long.parseLong(claims(accessToken).getString("sid"));
  }

  @Test
  void registerThenLoginGivesATokenThatIdentifiesTheCaller() {
    var ana = People.register(client(), "Ana");
    var me = client().as(ana.accessToken()).post("{ me { id phone displayName kind } }").data();
    assertEquals(ana.id(), me.getJsonObject("me").getString("id"));
    assertEquals("Ana", me.getJsonObject("me").getString("displayName"));
    assertEquals("PERSONAL", me.getJsonObject("me").getString("kind"));
  }

  @Test
  void loginAndRefreshEachLeaveALoginEvent() throws Exception {
    var ana = People.register(client(), "Ana");
    var refreshed =
        client()
            .post(
                "mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }",
                Map.of("t", ana.refreshToken()))
            .data()
            .getJsonObject("refreshSession");
    assertNotEquals(ana.refreshToken(), refreshed.getString("refreshToken"));
    var me = client().as(refreshed.getString("accessToken")).post("{ me { id } }").data();
    assertEquals(ana.id(), me.getJsonObject("me").getString("id"));

    try (var db = TestEnvironment.connect();
        var rows =
            db.prepareStatement(
                "select kind, count(*) from login_events where user_id = ? group by kind order by kind")) {
      rows.setLong(1, Long.parseLong(ana.id()));
      var result = rows.executeQuery();
      assertTrue(result.next());
      assertEquals("LOGIN", result.getString(1));
      assertEquals(1, result.getInt(2));
      assertTrue(result.next());
      assertEquals("SESSION_REFRESH", result.getString(1));
      assertEquals(1, result.getInt(2));
    }
  }

  @Test
  void aRefreshTokenWorksOnce() {
    var ana = People.register(client(), "Ana");
    var refresh = "mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }";
    client().post(refresh, Map.of("t", ana.refreshToken())).data();
    assertEquals(
        "INVALID_CREDENTIALS", client().post(refresh, Map.of("t", ana.refreshToken())).errorCode());
    assertEquals("INVALID_CREDENTIALS", client().post(refresh, Map.of("t", "made-up")).errorCode());
  }

  @Test
  void wrongPasswordAndUnknownPhoneAreRefusedAlike() {
    var ana = People.register(client(), "Ana");
    var login =
        "mutation($p: String!, $w: String!) { login(phone: $p, password: $w) { accessToken } }";
    var wrongPassword = client().post(login, Map.of("p", ana.phone(), "w", "not the password"));
    var unknownPhone = client().post(login, Map.of("p", People.freshPhone(), "w", People.PASSWORD));
    assertEquals("INVALID_CREDENTIALS", wrongPassword.errorCode());
    assertEquals("INVALID_CREDENTIALS", unknownPhone.errorCode());
    assertEquals(wrongPassword.errorMessage(), unknownPhone.errorMessage());
  }

  @Test
  void registrationRejectsBadInputAndTakenPhones() {
    var ana = People.register(client(), "Ana");
    var register =
        "mutation($p: String!, $n: String!, $w: String!) {"
            + " register(phone: $p, displayName: $n, password: $w) { id } }";
    assertEquals(
        "PHONE_TAKEN",
        client()
            .post(register, Map.of("p", ana.phone(), "n", "Other", "w", People.PASSWORD))
            .errorCode());
    assertEquals(
        "INVALID_INPUT",
        client()
            .post(register, Map.of("p", "555-0101", "n", "Bo", "w", People.PASSWORD))
            .errorCode());
    assertEquals(
        "INVALID_INPUT",
        client()
            .post(register, Map.of("p", People.freshPhone(), "n", " ", "w", People.PASSWORD))
            .errorCode());
    assertEquals(
        "INVALID_INPUT",
        client()
            .post(register, Map.of("p", People.freshPhone(), "n", "Bo", "w", "short"))
            .errorCode());
    assertEquals(
        "INVALID_INPUT",
        client()
            .post(
                "mutation($p: String!) { register(phone: $p, displayName: \"Op\", password: \"long enough pw\", kind: STAFF) { id } }",
                Map.of("p", People.freshPhone()))
            .errorCode());
  }

  @Test
  void queriesAndMutationsNeedAToken() {
    var anonymous = client().post("{ me { id } }");
    assertEquals("UNAUTHENTICATED", anonymous.errorCode());
    var forged = client().as("not.a.token").post("{ me { id } }");
    assertTrue(
        forged.status() == 401 || "UNAUTHENTICATED".equals(forged.errorCode()), forged.body());
  }

  // --- Sign-in throttling ---------------------------------------------------------------------

  @Test
  void thirtyWrongPasswordsThenTheRightOneIsRefusedWithoutAPasswordCheck() {
    var ana = People.register(client(), "Ana");
    var attacker = client();
    var checksBefore = passwordChecks();
    var codes = new TreeMap<String, Integer>();
    for (var i = 0; i < 30; i++) {
      codes.merge(login(attacker, ana.phone(), "guess number " + i).errorCode(), 1, Integer::sum);
    }
    assertEquals(Map.of("INVALID_CREDENTIALS", 3, "TOO_MANY_ATTEMPTS", 27), codes);
    var right = login(attacker, ana.phone(), People.PASSWORD);
    var wait = retryAfter(right);
    assertTrue(wait > 0 && wait <= TestEnvironment.PHONE_LOCKOUT.toSeconds(), right.body());
    assertTrue(right.dataIsNull("login"));
    assertEquals(3, passwordChecks() - checksBefore, "only the first three were checked");
  }

  @Test
  void aThrottledUnknownPhoneAnswersAsAKnownOneDoes() {
    var ana = People.register(client(), "Ana");
    var nobody = People.freshPhone();
    var client = client();
    for (var i = 0; i < 12; i++) {
      var known = login(client, ana.phone(), "wrong " + i);
      var unknown = login(client, nobody, "wrong " + i);
      assertSameAnswer(known, unknown, "attempt " + (i + 1));
    }
    assertSameAnswer(
        login(client, ana.phone(), People.PASSWORD),
        login(client, nobody, People.PASSWORD),
        "the right password");
  }

  static void assertSameAnswer(
      GraphQLClient.Response known, GraphQLClient.Response unknown, String which) {
    assertEquals(known.errorCode(), unknown.errorCode(), which);
    var a = known.json().getJsonArray("errors").getJsonObject(0);
    var b = unknown.json().getJsonArray("errors").getJsonObject(0);
    assertEquals(a.getJsonObject("extensions").keySet(), b.getJsonObject("extensions").keySet());
    assertEquals(a.keySet(), b.keySet(), which);
    if ("TOO_MANY_ATTEMPTS".equals(known.errorCode())) {
      // Whole seconds rounded up: the two were made some milliseconds apart.
      assertTrue(Math.abs(retryAfter(known) - retryAfter(unknown)) <= 1, which);
      assertEquals(
          known.errorMessage().replaceAll("\\d+", "#"),
          unknown.errorMessage().replaceAll("\\d+", "#"),
          which);
    } else {
      assertEquals(known.errorMessage(), unknown.errorMessage(), which);
    }
  }

  @Test
  void theBackOffEndsWhenItSaysItDoes() throws Exception {
    var ana = People.register(client(), "Ana");
    var client = client();
    for (var i = 0; i < 3; i++) {
      assertEquals("INVALID_CREDENTIALS", login(client, ana.phone(), "wrong").errorCode());
    }
    var wait = retryAfter(login(client, ana.phone(), People.PASSWORD));
    assertTrue(wait >= 1 && wait <= 2, "the fourth attempt waits a second or two: " + wait);
    Thread.sleep(Duration.ofSeconds(wait).plusMillis(200).toMillis());
    login(client, ana.phone(), People.PASSWORD).data();
    assertEquals(
        "INVALID_CREDENTIALS",
        login(client, ana.phone(), "wrong").errorCode(),
        "a success forgave the phone's failures");
  }

  @Test
  void theLockoutEndsAndAttemptsMadeDuringItDoNotProlongIt() throws Exception {
    var ana = People.register(client(), "Ana");
    var client = client();
    for (var i = 0; i < 10; i++) {
      login(client, ana.phone(), "wrong");
    }
    var wait = retryAfter(login(client, ana.phone(), People.PASSWORD));
    var lockout = TestEnvironment.PHONE_LOCKOUT.toSeconds();
    assertTrue(wait > lockout - 3 && wait <= lockout, "locked for the lockout: " + wait);
    var ends = System.nanoTime() + Duration.ofSeconds(wait).toNanos();
    Thread.sleep(1000);
    assertEquals("TOO_MANY_ATTEMPTS", login(client, ana.phone(), "wrong").errorCode());
    Thread.sleep(Math.max(0, (ends - System.nanoTime()) / 1_000_000) + 300);
    login(client, ana.phone(), People.PASSWORD).data();
  }

  @Test
  void simultaneousGuessesCannotSlipPastTheLimit() throws Exception {
    var ana = People.register(client(), "Ana");
    var client = client();
    var pool = Executors.newFixedThreadPool(20);
    try {
      var guesses = new ArrayList<Callable<String>>();
      for (var i = 0; i < 20; i++) {
        var guess = "guess " + i;
        guesses.add(() -> login(client, ana.phone(), guess).errorCode());
      }
      var codes = new TreeMap<String, Integer>();
      for (var answer : pool.invokeAll(guesses)) {
        codes.merge(answer.get(), 1, Integer::sum);
      }
      // Each counted before its check: no guess beyond the free three reaches a password while
      // they are being checked, nor in the back-off that follows their failures.
      assertEquals(Map.of("INVALID_CREDENTIALS", 3, "TOO_MANY_ATTEMPTS", 17), codes);
    } finally {
      pool.shutdownNow();
    }
    assertEquals("TOO_MANY_ATTEMPTS", login(client, ana.phone(), People.PASSWORD).errorCode());
  }

  // --- One password check, whatever fails ----------------------------------------------------

  @Test
  void everyLoginRunsExactlyOnePasswordCheck() throws Exception {
    var ana = People.register(client(), "Ana");
    var eve = People.register(client(), "Eve");
    sql("update users set status = 'SUSPENDED' where id = ?", Long.parseLong(eve.id()));
    var cases =
        Map.of(
            "unknown phone", new String[] {People.freshPhone(), People.PASSWORD},
            "wrong password", new String[] {ana.phone(), "not the password"},
            "suspended account", new String[] {eve.phone(), People.PASSWORD},
            "right password", new String[] {ana.phone(), People.PASSWORD});
    for (var entry : cases.entrySet()) {
      var before = passwordChecks();
      login(client(), entry.getValue()[0], entry.getValue()[1]);
      assertEquals(1, passwordChecks() - before, entry.getKey());
    }
    var suspended = login(client(), eve.phone(), People.PASSWORD);
    var unknown = login(client(), People.freshPhone(), People.PASSWORD);
    assertEquals("INVALID_CREDENTIALS", suspended.errorCode());
    assertEquals(suspended.errorMessage(), unknown.errorMessage());
  }

  @Test
  void anUnknownPhoneTakesAsLongAsAWrongPassword() {
    var accounts = new ArrayList<String>();
    for (var i = 0; i < 9; i++) {
      accounts.add(People.register(client(), "Timed").phone());
    }
    var known = new ArrayList<Long>();
    var unknown = new ArrayList<Long>();
    for (var i = 0; i < accounts.size(); i++) {
      known.add(timed(accounts.get(i)));
      unknown.add(timed(People.freshPhone()));
    }
    // A missing decoy made this about a tenth; the bound allows for a busy machine.
    var ratio = (double) median(unknown) / median(known);
    assertTrue(ratio > 0.4 && ratio < 2.5, "unknown/known " + unknown + " / " + known);
  }

  long timed(String phone) {
    var client = client();
    var start = System.nanoTime();
    assertEquals("INVALID_CREDENTIALS", login(client, phone, "not the password").errorCode());
    return System.nanoTime() - start;
  }

  static long median(List<Long> values) {
    var sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  // --- Sessions ------------------------------------------------------------------------------

  @Test
  void aReusedRefreshTokenEndsItsWholeSessionAndOnlyThatOne() throws Exception {
    var ana = People.register(client(), "Ana");
    var other = People.login(client(), ana.phone());
    var next = client().post(REFRESH, Map.of("t", ana.refreshToken())).data();
    var successor = next.getJsonObject("refreshSession");
    me(successor.getString("accessToken")).data();

    var reuse = client().post(REFRESH, Map.of("t", ana.refreshToken()));
    assertEquals("INVALID_CREDENTIALS", reuse.errorCode());
    assertEquals(
        "INVALID_CREDENTIALS",
        client().post(REFRESH, Map.of("t", successor.getString("refreshToken"))).errorCode(),
        "the successor is revoked with its family");
    assertEquals("UNAUTHENTICATED", me(successor.getString("accessToken")).errorCode());
    assertEquals("UNAUTHENTICATED", me(ana.accessToken()).errorCode());
    assertEquals("REUSE", sessionEnd(ana.accessToken()), "committed despite the refusal");
    me(other.accessToken()).data();
    client().post(REFRESH, Map.of("t", other.refreshToken())).data();
  }

  @Test
  void racingRefreshesOfOneTokenYieldOneSession() throws Exception {
    var ana = People.register(client(), "Ana");
    var pool = Executors.newFixedThreadPool(8);
    try {
      var refreshes = new ArrayList<Callable<GraphQLClient.Response>>();
      for (var i = 0; i < 8; i++) {
        refreshes.add(() -> client().post(REFRESH, Map.of("t", ana.refreshToken())));
      }
      var won = new ArrayList<GraphQLClient.Response>();
      for (var answer : pool.invokeAll(refreshes)) {
        var response = answer.get();
        if (response.json().containsKey("errors")) {
          assertEquals("INVALID_CREDENTIALS", response.errorCode());
        } else {
          won.add(response);
        }
      }
      assertEquals(1, won.size());
      // The losers presented a spent token: the server cannot tell them from a thief's copy.
      var winner = won.get(0).data().getJsonObject("refreshSession");
      assertEquals("UNAUTHENTICATED", me(winner.getString("accessToken")).errorCode());
      assertEquals("REUSE", sessionEnd(ana.accessToken()));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void logoutEndsTheSessionAtOnceAndAgainIsNoError() throws Exception {
    var ana = People.register(client(), "Ana");
    var other = People.login(client(), ana.phone());
    var logout = "mutation { logout }";
    assertEquals("UNAUTHENTICATED", client().post(logout).errorCode());
    assertTrue(client().as(ana.accessToken()).post(logout).data().getBoolean("logout"));
    assertEquals("UNAUTHENTICATED", me(ana.accessToken()).errorCode());
    assertEquals(
        "INVALID_CREDENTIALS", client().post(REFRESH, Map.of("t", ana.refreshToken())).errorCode());
    assertTrue(client().as(ana.accessToken()).post(logout).data().getBoolean("logout"));
    assertEquals("LOGOUT", sessionEnd(ana.accessToken()));
    me(other.accessToken()).data();
  }

  @Test
  void aTokenCountsOnlyWithALiveSessionOfItsOwnUser() {
    var ana = People.register(client(), "Ana");
    var bo = People.register(client(), "Bo");
    var withoutSession = Tokens.forUser(ana.id(), claims -> claims.remove("sid"));
    assertEquals("UNAUTHENTICATED", me(withoutSession).errorCode());
    var bosSession = Long.toString(sessionOf(bo.accessToken()));
    var borrowed = Tokens.forUser(ana.id(), claims -> claims.add("sid", bosSession));
    assertEquals("UNAUTHENTICATED", me(borrowed).errorCode());
    assertEquals("UNAUTHENTICATED", client().as(borrowed).post("mutation { logout }").errorCode());
    me(bo.accessToken()).data();
  }

  @Test
  void aSessionEndsAtItsAbsoluteLifetimeHoweverOftenRefreshed() throws Exception {
    var ana = People.register(client(), "Ana");
    sql(
        "update sessions set created_at = now() - interval '90 days' - interval '1 minute'"
            + " where id = ?",
        sessionOf(ana.accessToken()));
    assertEquals("UNAUTHENTICATED", me(ana.accessToken()).errorCode());
    assertEquals(
        "INVALID_CREDENTIALS", client().post(REFRESH, Map.of("t", ana.refreshToken())).errorCode());

    var late = People.login(client(), ana.phone());
    sql(
        "update sessions set created_at = now() - interval '90 days' + interval '5 minutes'"
            + " where id = ?",
        sessionOf(late.accessToken()));
    var renewed =
        client()
            .post(
                "mutation($t: String!) { refreshSession(refreshToken: $t) {"
                    + " accessToken expiresIn refreshToken } }",
                Map.of("t", late.refreshToken()))
            .data()
            .getJsonObject("refreshSession");
    var exp = claims(renewed.getString("accessToken")).getJsonNumber("exp").longValue();
    var now = System.currentTimeMillis() / 1000;
    assertTrue(exp <= now + 5 * 60 + 5, "the access token ends with the session: " + (exp - now));
    assertTrue(renewed.getJsonNumber("expiresIn").longValue() <= 5 * 60 + 5);
    try (var db = TestEnvironment.connect();
        var tokens =
            db.prepareStatement(
                "select t.expires_at <= s.created_at + interval '90 days'"
                    + " from refresh_tokens t join sessions s on s.id = t.session_id"
                    + " where s.id = ? and t.used_at is null")) {
      tokens.setLong(1, sessionOf(late.accessToken()));
      var row = tokens.executeQuery();
      assertTrue(row.next(), "the renewed refresh token");
      assertTrue(row.getBoolean(1), "it does not outlive its session");
      assertFalse(row.next());
    }
    assertFalse(renewed.getString("refreshToken").isBlank());
  }
}
