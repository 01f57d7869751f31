package app.confio.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.backfill.BackfillProbe;
import app.confio.metrics.MetricsProbe;
import app.confio.platform.GridProbe;
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
import java.net.URL;
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
import java.util.concurrent.ExecutorService;
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
  static final Duration GRACE = Duration.ofSeconds(5);

  static Member first;
  static Member second;
  static Member.Cluster cluster;
  static List<String> options;
  static Path war;

  @BeforeAll
  static void startCluster() throws Exception {
    war = Path.of("target", "cluster-it.war").toAbsolutePath();
    Deployments.withProbes(MetricsProbe.class, BackfillProbe.class, GridProbe.class)
        .as(ZipExporter.class)
        .exportTo(war.toFile(), true);
    cluster = Member.Cluster.create("confio-it-" + UUID.randomUUID());
    // One user id per backfill chunk: see below.
    options = new ArrayList<>(Member.testOptions());
    options.add("-Dconfio.backfill.chunk-size=1");
    options.add("-Dconfio.backfill.lease=" + LEASE); // a dead member's run is taken over sooner
    options.add("-Dconfio.login.address.max-failures=" + ADDRESS_LIMIT);
    // The test client acts as the members' proxy, naming client addresses in X-Forwarded-For.
    options.add("-Dconfio.http.trusted-proxies=127.0.0.1,::1");
    // Payara's shutdown grace: on SIGTERM a member serves on this long, not ready, then stops.
    options.add("-Dfish.payara.shutdowngrace=" + GRACE.toMillis());
    // Hazelcast's own shutdown hook would end the member's grid at SIGTERM, abruptly; without it
    // Payara leaves the grid gracefully once the grace is over. As the image does.
    options.add("-Dhazelcast.shutdownhook.enabled=false");
    // Settings cached for an hour, as the image sets it.
    options.add("-Dmp.config.cache.duration=3600");
    // Long enough that the rolling restart, start to end, is one cooldown window.
    options.add("-Dconfio.activity.cooldown=PT30M");
    // The suite's earlier members share this database: the validation's lease and result a
    // member of another test class left would make this cluster's members skip their first check.
    try (var db = TestEnvironment.connect();
        var sql = db.createStatement()) {
      // (On a database no member has migrated yet there is nothing to clear.)
      sql.execute(
          "do $$ begin if to_regclass('cluster_leases') is not null then"
              + " delete from cluster_leases where name = 'tracking-validation';"
              + " delete from tracking_checks; end if; end $$");
    }
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
        assertEquals(
            1,
            atOnce(
                pool, members, "api/probe/metrics/job?name=activity-snapshot&firedAt=" + firedAt),
            "members that ran the firing at " + firedAt);
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
   * Payara's MicroProfile Config would ask a config source in the data grid, with a grid lookup
   * that waits for the key's owner however long, for every setting no source above it holds. The
   * application's Config has no such source: a value put in the grid's config map is no setting on
   * either member, while settings from a system property and from microprofile-config.properties
   * are read as ever.
   */
  @Test
  void noSettingIsLookedUpInTheDataGrid() {
    var name = "probe.grid-only." + UUID.randomUUID();
    var put =
        Http.anonymous(first.url())
            .post("api/probe/grid/setting-in-the-grid?name=" + name + "&value=from-the-grid");
    assertEquals(200, put.statusCode(), put.body());
    for (var member : List.of(first, second)) {
      var probe = Http.anonymous(member.url());
      var sources = probe.get("api/probe/grid/config-sources").body();
      assertFalse(sources.contains("ClusterConfigSource"), sources);
      assertTrue(sources.contains("SystemPropertyConfigSource"), sources);
      assertEquals("", probe.get("api/probe/grid/setting?name=" + name).body());
      assertEquals("1", probe.get("api/probe/grid/setting?name=confio.backfill.chunk-size").body());
      assertEquals(
          "app.confio.platform.Refusal",
          probe.get("api/probe/grid/setting?name=mp.graphql.showErrorMessage").body());
    }
  }

  /**
   * Both members restarted one after the other — SIGTERM, then a new process in its place — while
   * four clients send money through whichever members are ready, as a load balancer routes. Every
   * request a member accepted is answered with its transfer, and every answered transfer is in the
   * database; a connection refused is the only failure a client sees, and it tries the other
   * member. The cooldown claims outlive both restarts: no sender is written again.
   */
  @Test
  @Order(Integer.MAX_VALUE - 3)
  void aRollingRestartUnderLoadLosesNoAcceptedRequest() throws Exception {
    var gateway = new GraphQLClient(first.url());
    var recipient = People.register(gateway, "Rita");
    var senders = new ArrayList<People.Person>();
    for (var i = 0; i < 8; i++) {
      var sender = People.register(gateway, "Sam");
      var deposited =
          gateway
              .as(sender.accessToken())
              .post("mutation { deposit(currency: CUSD, amount: 1000) { amount } }");
      assertFalse(deposited.json().containsKey("errors"), deposited.body());
      senders.add(sender);
    }
    var members = new java.util.concurrent.CopyOnWriteArrayList<>(List.of(first, second));
    var ready =
        new java.util.concurrent.atomic.AtomicReference<List<URL>>(
            List.of(first.url(), second.url()));
    var stop = new java.util.concurrent.atomic.AtomicBoolean();
    var answered = new java.util.concurrent.ConcurrentLinkedQueue<String>();
    var refused = new java.util.concurrent.atomic.AtomicInteger();
    var lost = new java.util.concurrent.ConcurrentLinkedQueue<String>();
    var pool = Executors.newFixedThreadPool(5);
    try {
      // The load balancer: a member is sent requests while its readiness probe says UP.
      pool.submit(
          () -> {
            while (!stop.get()) {
              var up = new ArrayList<URL>();
              for (var member : members) {
                if (readyNow(member.url())) {
                  up.add(member.url());
                }
              }
              ready.set(up);
              Thread.sleep(100);
            }
            return null;
          });
      for (var c = 0; c < 4; c++) {
        var client = c;
        pool.submit(
            () -> {
              var http =
                  java.net.http.HttpClient.newBuilder()
                      .version(java.net.http.HttpClient.Version.HTTP_1_1)
                      .connectTimeout(Duration.ofSeconds(2))
                      .build();
              for (var n = 0; !stop.get(); n++) {
                var up = ready.get();
                if (up.isEmpty()) {
                  Thread.sleep(50);
                  continue;
                }
                var target = up.get((client + n) % up.size());
                var sender = senders.get((client * 2 + n) % senders.size());
                var body =
                    jakarta.json.Json.createObjectBuilder()
                        .add(
                            "query",
                            "mutation($p: String!, $k: String) { sendMoney(recipientPhone: $p,"
                                + " currency: CUSD, amount: 0.01, idempotencyKey: $k) { id } }")
                        .add(
                            "variables",
                            jakarta.json.Json.createObjectBuilder()
                                .add("p", recipient.phone())
                                .add("k", "roll-" + client + "-" + n))
                        .build()
                        .toString();
                var request =
                    java.net.http.HttpRequest.newBuilder(target.toURI().resolve("graphql"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + sender.accessToken())
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                        .build();
                try {
                  var response =
                      http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                  var json =
                      response.statusCode() == 200
                          ? jakarta.json.Json.createReader(
                                  new java.io.StringReader(response.body()))
                              .readObject()
                          : null;
                  if (json != null && !json.containsKey("errors")) {
                    answered.add(
                        json.getJsonObject("data").getJsonObject("sendMoney").getString("id"));
                  } else {
                    lost.add(target + " answered " + response.statusCode() + " " + response.body());
                  }
                } catch (java.net.ConnectException e) {
                  refused.incrementAndGet(); // never accepted: the next request goes elsewhere
                } catch (java.io.IOException | RuntimeException e) {
                  lost.add(target + ": " + e);
                }
              }
              return null;
            });
      }
      awaitAnswers(answered, 40);
      var writesBefore = WriteLog.writes(senders.stream().map(People.Person::id).toList());

      second.close(); // SIGTERM: drains for the grace, hands its partitions over, stops
      second = Member.start("cluster-b2", war, cluster, false, options);
      members.set(1, second);
      second.awaitReady(Duration.ofMinutes(4)).awaitCluster(2, Duration.ofMinutes(1));
      awaitAnswers(answered, answered.size() + 40);

      first.close();
      first = Member.start("cluster-a2", war, cluster, true, options);
      members.set(0, first);
      first.awaitReady(Duration.ofMinutes(4)).awaitCluster(2, Duration.ofMinutes(1));
      awaitAnswers(answered, answered.size() + 40);
      stop.set(true);
      pool.shutdown();
      assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES), "the clients stop");

      System.out.printf(
          "Rolling restart: %d transfers answered, %d connections refused, %d lost%n",
          answered.size(), refused.get(), lost.size());
      assertEquals(List.of(), List.copyOf(lost), "requests accepted and then lost");
      try (var db = TestEnvironment.connect();
          var found =
              db.prepareStatement("select count(*) from send_transactions where id = any(?)")) {
        found.setArray(
            1,
            db.createArrayOf("bigint", answered.stream().map(Long::valueOf).toArray(Long[]::new)));
        var rows = found.executeQuery();
        rows.next();
        assertEquals(answered.size(), rows.getInt(1), "every answered transfer is in the database");
      }
      assertEquals(
          writesBefore,
          WriteLog.writes(senders.stream().map(People.Person::id).toList()),
          "the senders' cooldown claims outlived both restarts");
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
  }

  private static boolean readyNow(URL member) {
    try {
      return Http.anonymous(member).get("health/ready").statusCode() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void awaitAnswers(java.util.Collection<String> answered, int atLeast)
      throws Exception {
    Eventually.within(
        Duration.ofMinutes(2),
        atLeast + " transfers answered",
        () -> answered.size() >= atLeast ? Optional.of(true) : Optional.empty());
  }

  /**
   * A third member of the same cluster name that cannot reach the other two — a split that lasts:
   * two data grids over one database. The once-per-cluster work is fenced by the database, so each
   * snapshot firing still runs on exactly one of the three members and a backfill asked of both
   * halves at once starts once; and the smaller half sees the other in the database and reports
   * itself not ready, while the larger one stays ready.
   */
  @Test
  @Order(Integer.MAX_VALUE - 2)
  void theHalvesOfASplitClusterRunNothingTwiceAndTheSmallerStandsAside() throws Exception {
    try (var apart = Member.start("cluster-c", war, cluster.apart(), true, options)) {
      apart.awaitReady(Duration.ofMinutes(4));
      Eventually.within(
          Duration.ofSeconds(60),
          "the split-off member reports itself not ready",
          () -> ready(apart) ? Optional.empty() : Optional.of(true));
      assertTrue(apart.output().contains("The data grid is split"), "the log says why");
      assertTrue(ready(first), "the larger half stays ready");
      assertTrue(ready(second), "the larger half stays ready");
      assertEquals(1, Metrics.read(apart.url(), "cluster_split", ""), "counted at /metrics");

      var members =
          List.of(
              Http.anonymous(first.url()),
              Http.anonymous(second.url()),
              Http.anonymous(apart.url()));
      var pool = Executors.newFixedThreadPool(3);
      try {
        for (var firing = 0; firing < 5; firing++) {
          var firedAt = java.time.Instant.parse("2021-03-01T00:00:00Z").plusSeconds(900L * firing);
          assertEquals(
              1,
              atOnce(
                  pool, members, "api/probe/metrics/job?name=activity-snapshot&firedAt=" + firedAt),
              "members of both halves that ran the firing at " + firedAt);
        }
        // The scheduled backfill's firings too: claimed by one member of the three each.
        for (var firing = 0; firing < 2; firing++) {
          var firedAt = java.time.Instant.parse("2021-03-02T03:30:00Z").plusSeconds(60L * firing);
          assertEquals(
              1,
              atOnce(pool, members, "api/backfill-probe/scheduled?firedAt=" + firedAt),
              "members that claimed the scheduled backfill at " + firedAt);
        }

        Http.anonymous(second.url()).post("api/backfill-probe/await"); // no run left going
        var halves = List.of(Http.admin(first.url()), Http.admin(apart.url()));
        var start = new CountDownLatch(1);
        var statuses = new ArrayList<java.util.concurrent.Future<Integer>>();
        for (var half : halves) {
          statuses.add(
              pool.submit(
                  () -> {
                    start.await();
                    return half.post("api/admin/backfill?days=30").statusCode();
                  }));
        }
        start.countDown();
        var codes = new ArrayList<Integer>();
        for (var status : statuses) {
          codes.add(status.get());
        }
        codes.sort(null);
        assertEquals(List.of(202, 409), codes, "one backfill for both halves");
        Http.anonymous(second.url()).post("api/backfill-probe/await");
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /**
   * {@code path} posted to every member at the same moment (a firing every member's timer makes):
   * how many answered {@code true}, each answer {@code true} or {@code false}.
   */
  private static int atOnce(ExecutorService pool, List<Http> members, String path)
      throws Exception {
    var start = new CountDownLatch(1);
    var answers = new ArrayList<java.util.concurrent.Future<String>>();
    for (var member : members) {
      answers.add(
          pool.submit(
              () -> {
                start.await();
                return member.post(path).body();
              }));
    }
    start.countDown();
    var yes = 0;
    for (var answer : answers) {
      var body = answer.get();
      assertTrue(body.equals("true") || body.equals("false"), body);
      yes += body.equals("true") ? 1 : 0;
    }
    return yes;
  }

  private static boolean ready(Member member) {
    return Http.anonymous(member.url()).get("health/ready").statusCode() == 200;
  }

  /**
   * The first member frozen (SIGSTOP) for at most {@link #FROZEN}: on the second, started anew just
   * before so that its first authenticated request and its first mapped error come during the
   * freeze (when MP-JWT and SmallRye GraphQL first read their settings), users who signed in before
   * — whose cooldown claims live in partitions half of which the frozen member owns — send
   * mutations. None waits for the frozen member: every one succeeds, none takes anywhere near the
   * freeze, and the bounded grid calls that gave up are counted. Sign-ins are answered too, served
   * or refused as UNAVAILABLE, none waiting for the member. Then the member runs on and serves
   * again.
   */
  @Test
  @Order(Integer.MAX_VALUE - 1)
  void aFrozenMemberNeverHoldsUpTheOther() throws Exception {
    // A member that has just started and served no authenticated request and no error yet: MP-JWT
    // and SmallRye GraphQL first read their settings during the freeze (README, failure modes).
    second.close();
    second = Member.start("cluster-b3", war, cluster, false, options);
    second.awaitReady(Duration.ofMinutes(4)).awaitCluster(2, Duration.ofMinutes(1));
    var healthy = new GraphQLClient(second.url());
    var signedIn = new ArrayList<GraphQLClient>();
    var people = new ArrayList<People.Person>();
    for (var i = 0; i < 24; i++) {
      var person = People.register(healthy, "Frieda");
      people.add(person);
      signedIn.add(healthy.as(person.accessToken()));
    }
    // Frozen only once the partitions have moved to the new member, as in a cluster at rest.
    Eventually.within(
        Duration.ofSeconds(60),
        "the grid settles",
        () ->
            Http.anonymous(second.url()).get("api/probe/grid/settled").body().equals("true")
                ? Optional.of(true)
                : Optional.empty());
    // Dashboard sessions on the healthy member: their sign-ins are kept in the grid, some of them
    // in partitions the frozen member owns.
    var dashboards = new ArrayList<DashboardSession>();
    for (var i = 0; i < 6; i++) {
      dashboards.add(DashboardSession.signIn(second.url()));
    }
    var timeoutsBefore = Metrics.read(second.url(), "grid_timeouts_total", "");
    first.freeze();
    // Thawed after FROZEN whatever happens, so that requests that do wait for it end too.
    var thaw = Executors.newScheduledThreadPool(2);
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
        var dump = thaw.schedule(() -> second.threadDumpApart(), 5, TimeUnit.SECONDS);
        var answer = client.post("mutation { claimAchievement(code: WELCOME) { code } }");
        dump.cancel(false);
        slowest = Math.max(slowest, System.nanoTime() - began);
        took.add((System.nanoTime() - began) / 1_000_000);
        assertFalse(answer.json().containsKey("errors"), answer.body());
      }
      // The first error this member maps: a wrong password, refused as such or as UNAVAILABLE.
      var refusedFrom = System.nanoTime();
      var refused =
          healthy.post(
              "mutation($p: String!) { login(phone: $p, password: \"wrong guess\") {"
                  + " accessToken } }",
              Map.of("p", People.freshPhone()));
      took.add((System.nanoTime() - refusedFrom) / 1_000_000);
      slowest = Math.max(slowest, System.nanoTime() - refusedFrom);
      assertTrue(
          List.of("INVALID_CREDENTIALS", "UNAVAILABLE").contains(refused.errorCode()),
          refused.body());
      // Sign-ins: a throttle count whose owner is frozen is refused as UNAVAILABLE after
      // confio.grid.sign-in-timeout (security fails closed); every other one is served.
      for (var person : people.subList(0, 12)) {
        var began = System.nanoTime();
        // A sign-in that hangs leaves a thread dump of the healthy member in its log.
        var dump = thaw.schedule(() -> second.threadDumpApart(), 5, TimeUnit.SECONDS);
        var answer =
            healthy.post(
                "mutation($p: String!, $w: String!) { login(phone: $p, password: $w) {"
                    + " accessToken } }",
                Map.of("p", person.phone(), "w", People.PASSWORD));
        dump.cancel(false);
        slowest = Math.max(slowest, System.nanoTime() - began);
        took.add((System.nanoTime() - began) / 1_000_000);
        if (answer.json().containsKey("errors")) {
          assertEquals("UNAVAILABLE", answer.errorCode(), answer.body());
        }
      }
      // Dashboard pages: served, or (a sign-in that cannot be read in time) sent to sign in again.
      for (var dashboard : dashboards) {
        var began = System.nanoTime();
        var dump = thaw.schedule(() -> second.threadDumpApart(), 2, TimeUnit.SECONDS);
        var page = dashboard.get(second.url(), "/admin/trust.xhtml");
        dump.cancel(false);
        slowest = Math.max(slowest, System.nanoTime() - began);
        took.add((System.nanoTime() - began) / 1_000_000);
        if (page.status() != 200) {
          assertEquals(302, page.status(), page.headers().toString());
          assertTrue(page.header("Location").get(0).endsWith("/admin/login.xhtml"));
        }
      }
    } finally {
      thaw.shutdownNow();
      first.thaw();
    }
    System.out.printf(
        "Frozen member: the slowest of %d mutations, 13 sign-ins and 6 dashboard pages on the healthy one took %.0f ms"
            + " (each, in ms: %s)%n",
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
