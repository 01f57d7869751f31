package app.confio.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.backfill.BackfillProbe;
import app.confio.metrics.MetricsProbe;
import app.confio.testing.DashboardSession;
import app.confio.testing.Deployments;
import app.confio.testing.Eventually;
import app.confio.testing.GraphQLClient;
import app.confio.testing.Http;
import app.confio.testing.Member;
import app.confio.testing.Metrics;
import app.confio.testing.People;
import app.confio.testing.TestEnvironment;
import app.confio.testing.Tokens;
import app.confio.testing.WriteLog;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Payara Micro members, real processes in one Hazelcast cluster over one PostgreSQL: a burst of
 * mutations for the same users through both members writes each user's activity exactly once. The
 * writes are counted by a trigger in PostgreSQL, not by the application.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  static final int USERS = 20;
  static final int MUTATIONS_PER_USER = 10;
  static final Duration LEASE = Duration.ofSeconds(10);
  static final int ADDRESS_LIMIT = 6;
  static final Duration FROZEN = Duration.ofSeconds(20);

  static Member first;
  static Member second;

  @BeforeAll
  static void startCluster() throws Exception {
    var war = Path.of("target", "cluster-it.war").toAbsolutePath();
    Deployments.withProbes(MetricsProbe.class, BackfillProbe.class)
        .as(ZipExporter.class)
        .exportTo(war.toFile(), true);
    var cluster = Member.Cluster.create("confio-it-" + UUID.randomUUID());
    // One user id per backfill chunk: see below.
    var options = new ArrayList<>(Member.testOptions());
    options.add("-Dconfio.backfill.chunk-size=1");
    options.add("-Dconfio.backfill.lease=" + LEASE); // a dead member's run is taken over sooner
    options.add("-Dconfio.login.address.max-failures=" + ADDRESS_LIMIT);
    // The test client acts as the members' proxy, naming client addresses in X-Forwarded-For.
    options.add("-Dconfio.http.trusted-proxies=127.0.0.1,::1");
    first = Member.start("cluster-a", war, cluster, true, options);
    first.awaitReady(Duration.ofMinutes(4));
    // Backfills of one user id per chunk over a few thousand users: thousands of small
    // transactions, so a run is still going when a second start arrives or its member dies.
    try (var db = TestEnvironment.connect();
        var users = db.createStatement()) {
      users.executeUpdate(
          "insert into users (phone, display_name, password_hash, created_at) select '+1777'"
              + " || lpad(g::text, 7, '0'), 'Backfilled', 'none', now() - interval '1 day'"
              + " from generate_series(1, 2000) g on conflict (phone) do nothing");
    }
    second = Member.start("cluster-b", war, cluster, false, options);
    second.awaitReady(Duration.ofMinutes(4));
    first.awaitCluster(2, Duration.ofMinutes(1));
    second.awaitCluster(2, Duration.ofMinutes(1));
    WriteLog.install();
  }

  @AfterAll
  static void stopCluster() {
    if (second != null) {
      second.close();
    }
    if (first != null) {
      first.close();
    }
  }

  @Test
  void aBurstThroughBothMembersWritesOncePerUser() throws Exception {
    var members = List.of(new GraphQLClient(first.url()), new GraphQLClient(second.url()));
    var users = new ArrayList<String>();
    for (int i = 0; i < USERS; i++) {
      users.add(
          members
              .get(i % 2)
              .post(
                  "mutation($p: String!) { register(phone: $p, displayName: \"Ana\","
                      + " password: \"long enough pw\") { id } }",
                  Map.of("p", People.freshPhone()))
              .data()
              .getJsonObject("register")
              .getString("id"));
    }

    var start = new CountDownLatch(1);
    var calls = new ArrayList<Callable<String>>();
    for (var user : users) {
      var token = Tokens.forUser(user);
      for (int i = 0; i < MUTATIONS_PER_USER; i++) {
        var member = members.get(i % 2).as(token);
        calls.add(
            () -> {
              start.await();
              var response = member.post("mutation { claimAchievement(code: WELCOME) { code } }");
              return response.json().containsKey("errors") ? response.errorCode() : "EARNED";
            });
      }
    }
    var pool = Executors.newFixedThreadPool(16);
    var futures = calls.stream().map(pool::submit).toList();
    start.countDown();
    int earned = 0;
    for (var future : futures) {
      var outcome = future.get();
      assertTrue(outcome.equals("EARNED") || outcome.equals("ALREADY_EARNED"), outcome);
      earned += outcome.equals("EARNED") ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(USERS, earned, "each user earned WELCOME once");

    for (var user : users) {
      WriteLog.awaitActivity(user);
    }
    Thread.sleep(2_000); // room for a second, wrong write to land
    for (var user : users) {
      assertEquals(1, WriteLog.writes(user), "writes for user " + user);
    }
  }

  /**
   * The snapshot timer fires on every member at the same moment; for each firing exactly one member
   * runs the job, however the two race.
   */
  @Test
  void eachSnapshotFiringRunsOnExactlyOneMember() throws Exception {
    var members = List.of(Http.anonymous(first.url()), Http.anonymous(second.url()));
    var pool = Executors.newFixedThreadPool(2);
    try {
      for (var firing = 0; firing < 10; firing++) {
        var firedAt = java.time.Instant.parse("2020-06-01T00:00:00Z").plusSeconds(900L * firing);
        var start = new CountDownLatch(1);
        var calls = new ArrayList<Callable<String>>();
        for (var member : members) {
          calls.add(
              () -> {
                start.await();
                return member
                    .post("api/probe/metrics/job?name=activity-snapshot&firedAt=" + firedAt)
                    .body();
              });
        }
        var answers = new ArrayList<java.util.concurrent.Future<String>>();
        for (var call : calls) {
          answers.add(pool.submit(call));
        }
        start.countDown();
        var ran = 0;
        for (var answer : answers) {
          var body = answer.get();
          assertTrue(body.equals("true") || body.equals("false"), body);
          ran += body.equals("true") ? 1 : 0;
        }
        assertEquals(1, ran, "members that ran the firing at " + firedAt);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Two members asked to backfill at the same moment: one starts the run, the other refuses. */
  @Test
  void aBackfillAskedOfBothMembersAtOnceRunsOnce() throws Exception {
    var members = List.of(Http.admin(first.url()), Http.admin(second.url()));
    var pool = Executors.newFixedThreadPool(2);
    try {
      var start = new CountDownLatch(1);
      var answers = new ArrayList<java.util.concurrent.Future<Integer>>();
      for (var member : members) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return member.post("api/admin/backfill?days=30").statusCode();
                }));
      }
      start.countDown();
      var statuses = new ArrayList<Integer>();
      for (var answer : answers) {
        statuses.add(answer.get());
      }
      statuses.sort(null);
      assertEquals(List.of(202, 409), statuses);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The dashboard behind a load balancer with no affinity: an admin signed in on one member is
   * served by the other, a page that one member rendered posts back on the other (its Faces view is
   * in the replicated session), and signing out there ends the session on both.
   */
  @Test
  void aDashboardSessionIsServedByEitherMember() {
    var session = DashboardSession.signIn(first.url());

    var onSecond = session.get(second.url(), "/admin/trust.xhtml");
    assertEquals(200, onSecond.status(), "the second member: " + onSecond.headers());
    assertTrue(onSecond.body().contains("signout:logout"), onSecond.body());

    var page = session.get(first.url(), "/admin/trust.xhtml");
    var signOut =
        session.post(
            second.url(),
            "/admin/trust.xhtml",
            "signout=signout&signout%3Alogout=signout%3Alogout&jakarta.faces.ViewState="
                + DashboardSession.encode(DashboardSession.viewState(page)));
    assertEquals(302, signOut.status(), signOut.headers().toString());

    var afterwards = session.get(first.url(), "/admin/trust.xhtml");
    assertEquals(302, afterwards.status(), "signed out on the first member too");
    assertTrue(afterwards.header("Location").get(0).endsWith("/admin/login.xhtml"));
  }

  /** Failed sign-ins are counted in the grid: failing on one member locks the name on the other. */
  @Test
  void signInFailuresCountAcrossTheCluster() {
    var onFirst = Http.anonymous(first.url()).basic("eve", "guess");
    for (var i = 0; i < 5; i++) {
      assertEquals(401, onFirst.get("api/admin/metrics").statusCode());
    }
    var onSecond = Http.anonymous(second.url()).basic("eve", "guess");
    assertEquals(429, onSecond.get("api/admin/metrics").statusCode());
    assertEquals(200, Http.admin(second.url()).get("api/admin/metrics").statusCode());
  }

  /**
   * Customer logins are counted in the grid too: guesses for many phones from one address, sent to
   * both members at once, are checked exactly up to the address's limit, and then that address is
   * refused on both members, the right password included, while other addresses are not.
   */
  @Test
  void loginAttemptsFromOneAddressCountAcrossTheCluster() throws Exception {
    var members = List.of(new GraphQLClient(first.url()), new GraphQLClient(second.url()));
    var address = "203.0.113.61";
    var login = "mutation($p: String!) { login(phone: $p, password: \"a guess\") { accessToken } }";
    var pool = Executors.newFixedThreadPool(ADDRESS_LIMIT + 4);
    try {
      var guesses = new ArrayList<Callable<String>>();
      for (var i = 0; i < ADDRESS_LIMIT + 4; i++) {
        var member = members.get(i % 2).from(address);
        guesses.add(() -> member.post(login, Map.of("p", People.freshPhone())).errorCode());
      }
      var codes = new java.util.TreeMap<String, Integer>();
      for (var answer : pool.invokeAll(guesses)) {
        codes.merge(answer.get(), 1, Integer::sum);
      }
      assertEquals(Map.of("INVALID_CREDENTIALS", ADDRESS_LIMIT, "TOO_MANY_ATTEMPTS", 4), codes);
    } finally {
      pool.shutdownNow();
    }
    var ana = People.register(members.get(0), "Ana");
    for (var member : members) {
      var refused =
          member
              .from(address)
              .post(
                  "mutation($p: String!, $w: String!) { login(phone: $p, password: $w) { accessToken } }",
                  Map.of("p", ana.phone(), "w", People.PASSWORD));
      assertEquals("TOO_MANY_ATTEMPTS", refused.errorCode());
    }
    People.login(members.get(1).from("203.0.113.62"), ana.phone());
  }

  /**
   * The tracking validation runs once for the cluster (a lock and a shared result in the grid), and
   * both members' liveness probes report that one result.
   */
  @Test
  void theTrackingIsValidatedOncePerClusterAndBothMembersReportIt() throws Exception {
    var deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    String checkedA = null;
    String checkedB = null;
    while (System.nanoTime() < deadline && (checkedA == null || checkedB == null)) {
      checkedA = checkedAt(first);
      checkedB = checkedAt(second);
      Thread.sleep(500);
    }
    assertTrue(checkedA != null && checkedB != null, "both members report a validation");
    assertEquals(checkedA, checkedB);
    // Each member's first check fires 30 s after it started: let the later one's come and go.
    var settled = Duration.ofSeconds(45).minus(second.upFor());
    if (!settled.isNegative()) {
      Thread.sleep(settled.toMillis());
    }
    assertEquals(checkedA, checkedAt(first));
    assertEquals(checkedA, checkedAt(second));
    var runs =
        (first.output() + second.output())
            .lines()
            .filter(line -> line.contains("Tracking validated for the cluster at"))
            .toList();
    assertEquals(1, runs.size(), "validations run: " + runs);
    assertTrue(runs.get(0).contains(checkedA), runs.get(0));
  }

  /**
   * The first member frozen (SIGSTOP) for at most {@link #FROZEN}: on the second, users who signed
   * in before — whose cooldown claims live in partitions half of which the frozen member owns —
   * send mutations. None waits for the frozen member: every one succeeds, none takes anywhere near
   * the freeze, and the bounded grid calls that gave up are counted. Then the member runs on and
   * serves again. (Sign-ins during a freeze are not covered: one was seen to wait for the member.)
   */
  @Test
  @Order(Integer.MAX_VALUE - 1)
  void aFrozenMemberNeverHoldsUpTheOther() throws Exception {
    var healthy = new GraphQLClient(second.url());
    var signedIn = new ArrayList<GraphQLClient>();
    for (var i = 0; i < 24; i++) {
      signedIn.add(healthy.as(People.register(healthy, "Frieda").accessToken()));
    }
    var timeoutsBefore = Metrics.read(second.url(), "grid_timeouts_total", "");
    first.freeze();
    // Thawed after FROZEN whatever happens, so that requests that do wait for it end too.
    var thaw = Executors.newSingleThreadScheduledExecutor();
    thaw.schedule(
        () -> {
          first.thaw();
          return null;
        },
        FROZEN.toMillis(),
        TimeUnit.MILLISECONDS);
    long slowest = 0;
    var took = new ArrayList<Long>();
    try {
      for (var client : signedIn) {
        var began = System.nanoTime();
        var answer = client.post("mutation { claimAchievement(code: WELCOME) { code } }");
        slowest = Math.max(slowest, System.nanoTime() - began);
        took.add((System.nanoTime() - began) / 1_000_000);
        assertFalse(answer.json().containsKey("errors"), answer.body());
      }
    } finally {
      thaw.shutdownNow();
      first.thaw();
    }
    System.out.printf(
        "Frozen member: the slowest of %d mutations on the healthy one took %.0f ms (each, in ms:"
            + " %s)%n",
        signedIn.size(), slowest / 1e6, took);
    assertTrue(
        slowest < FROZEN.toNanos() / 2,
        "a request waited for the frozen member: " + slowest / 1_000_000 + " ms");
    assertTrue(
        Metrics.read(second.url(), "grid_timeouts_total", "") > timeoutsBefore,
        "the grid calls that gave up are counted");
    Eventually.within(
        Duration.ofSeconds(60),
        "the thawed member serves again",
        () ->
            new GraphQLClient(first.url()).post("{ __typename }").status() == 200
                ? Optional.of(true)
                : Optional.empty());
  }

  /**
   * The member running a backfill is killed mid-run: the claim it held outlives it by the lease, so
   * the survivor refuses a start at first, then resumes the same run where the dead member's last
   * committed chunk ended, and finishes it. Last, because it leaves one member.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void aBackfillWhoseMemberDiesIsResumedByTheSurvivor() throws Exception {
    var survivor = Http.admin(second.url());
    Http.anonymous(second.url()).post("api/backfill-probe/await");
    var started = Http.admin(first.url()).post("api/admin/backfill?days=730");
    assertEquals(202, started.statusCode(), started.body());
    var runId = ((JsonObject) Http.json(survivor.get("api/admin/backfill"))).getInt("runId");
    JsonObject before;
    var deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    do {
      Thread.sleep(100);
      before = (JsonObject) Http.json(survivor.get("api/admin/backfill"));
    } while (before.getInt("chunks") < 20 && System.nanoTime() < deadline);
    assertEquals(runId, before.getInt("runId"));
    assertTrue(before.getBoolean("running"), "still running: " + before);
    first.kill();
    var diedAt = System.nanoTime();

    var refused = survivor.post("api/admin/backfill?days=730");
    assertEquals(409, refused.statusCode(), "the dead member's claim holds for its lease");

    HttpResponse<String> resumed;
    do {
      Thread.sleep(500);
      resumed = survivor.post("api/admin/backfill?days=730");
    } while (resumed.statusCode() == 409
        && System.nanoTime() - diedAt < Duration.ofMinutes(2).toNanos());
    assertEquals(202, resumed.statusCode(), resumed.body());
    var taken = (JsonObject) Http.json(202, resumed);
    assertEquals(runId, taken.getInt("runId"), "the same run, resumed");
    assertEquals(1, taken.getInt("resumes"));
    assertTrue(
        taken.getJsonNumber("doneUserId").longValue()
            >= before.getJsonNumber("doneUserId").longValue(),
        "no committed chunk is done again: " + before + " then " + taken);

    var done = Http.anonymous(second.url()).post("api/backfill-probe/await").body();
    var finished = (JsonObject) Http.json(survivor.get("api/admin/backfill"));
    assertEquals("FINISHED", finished.getString("status"), done);
    assertEquals(runId, finished.getInt("runId"));
    assertEquals(
        finished.getJsonNumber("lastUserId").longValue(),
        finished.getJsonNumber("doneUserId").longValue());
  }

  private static String checkedAt(Member member) {
    var last =
        (jakarta.json.JsonObject)
            Http.json(Http.admin(member.url()).get("api/admin/health/tracking"));
    return last.containsKey("checkedAt") ? last.getString("checkedAt") : null;
  }
}
