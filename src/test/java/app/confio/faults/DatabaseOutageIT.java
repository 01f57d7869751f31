package app.confio.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.testing.Api;
import app.confio.testing.Deployments;
import app.confio.testing.Eventually;
import app.confio.testing.GraphQLClient;
import app.confio.testing.Http;
import app.confio.testing.Member;
import app.confio.testing.Metrics;
import app.confio.testing.People;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults on a member of its own. Overload: more requests than the member admits wait a bounded time
 * and are refused as {@code UNAVAILABLE}; the member serves again when they end. And PostgreSQL
 * stopped under load and started again: a member of its own, on a PostgreSQL of its own that the
 * test stops (a fast shutdown: sessions cut) and starts on the same data. During the outage every
 * request is answered — GraphQL with the retryable {@code UNAVAILABLE}, the admin API with 503 —
 * never "System error"; readiness stays UP through a short outage; afterwards the member serves
 * again without a restart, and the money is exactly where the answered requests put it.
 */
class DatabaseOutageIT {

  static final int CLIENTS = 4;
  static final Duration GRACE = Duration.ofSeconds(3);

  /** The places the member admits: more than the outage test's five clients. */
  static final int PLACES = 6;

  static Path data;
  static int port;
  static EmbeddedPostgres postgres;
  static Member member;

  @BeforeAll
  static void start() throws Exception {
    data = Path.of("target", "outage-pg").toAbsolutePath();
    deleteRecursively(data);
    port = freePort();
    postgres = startPostgres();
    var war = Path.of("target", "outage-it.war").toAbsolutePath();
    Deployments.withProbes(HoldProbe.class).as(ZipExporter.class).exportTo(war.toFile(), true);
    var options =
        Member.testOptions().stream()
            .filter(o -> !o.startsWith("-Ddb."))
            .collect(Collectors.toCollection(ArrayList::new));
    options.add("-Ddb.url=jdbc:postgresql://localhost:" + port + "/postgres");
    options.add("-Ddb.user=postgres");
    options.add("-Ddb.password=postgres");
    options.add("-Dconfio.health.database-grace=" + GRACE);
    options.add("-Dconfio.admission.max-concurrent=" + PLACES);
    options.add("-Dconfio.admission.max-wait=PT0.2S");
    member = Member.start("outage", war, options).awaitReady(Duration.ofMinutes(4));
  }

  @AfterAll
  static void stop() throws IOException {
    if (member != null) {
      member.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  /**
   * Every place taken by a request that holds it: the next GraphQL request and the next admin
   * request wait their bounded time and are refused as UNAVAILABLE — answered while the holders
   * still hold, so nobody waited for them — and the probes, which are not queued, still answer.
   * Once the holders end, the member serves normally again by itself.
   */
  @Test
  void moreRequestsThanTheMemberAdmitsAreRefusedInBoundedTimeAndItRecovers() throws Exception {
    var anonymous = new GraphQLClient(member.url());
    var olga = anonymous.as(People.register(anonymous, "Olga").accessToken());
    var release = Files.createTempFile(Path.of("target"), "release-", ".flag");
    Files.delete(release);
    var refusedBefore = Metrics.read(member.url(), "admission_refused_total", "");
    var pool = Executors.newFixedThreadPool(PLACES);
    try {
      var holders = new ArrayList<java.util.concurrent.Future<String>>();
      for (var i = 0; i < PLACES; i++) {
        holders.add(
            pool.submit(
                () ->
                    Http.anonymous(member.url())
                        .post("api/hold-probe?until=" + release.toAbsolutePath())
                        .body()));
      }
      Eventually.within(
          Duration.ofSeconds(60),
          "every place held",
          () ->
              Metrics.read(member.url(), "admission_in_flight", "") >= PLACES
                  ? Optional.of(true)
                  : Optional.empty());

      var refused = anonymous.post("{ __typename }");
      assertEquals(503, refused.status(), refused.body());
      assertEquals("UNAVAILABLE", refused.errorCode(), refused.body());
      var extensions =
          refused.json().getJsonArray("errors").getJsonObject(0).getJsonObject("extensions");
      assertTrue(extensions.getJsonNumber("retryAfter").longValue() > 0, refused.body());
      var admin = Http.admin(member.url()).get("api/admin/metrics");
      assertEquals(503, admin.statusCode(), admin.body());
      assertEquals("UNAVAILABLE", errorCode(admin.body()));
      assertTrue(admin.headers().firstValue("Retry-After").isPresent(), "Retry-After");
      assertEquals(200, Http.anonymous(member.url()).get("health/live").statusCode());
      assertTrue(
          holders.stream().noneMatch(java.util.concurrent.Future::isDone),
          "the refusals came while every place was still held");
      assertEquals(
          refusedBefore + 2, Metrics.read(member.url(), "admission_refused_total", ""), 0.0);

      Files.createFile(release);
      for (var holder : holders) {
        assertEquals("RELEASED", holder.get(2, TimeUnit.MINUTES));
      }
      // Served again (no money moves here: the outage test sums every balance).
      var served = olga.post("mutation { claimAchievement(code: WELCOME) { code } }");
      assertEquals("WELCOME", served.data().getJsonObject("claimAchievement").getString("code"));
    } finally {
      if (!Files.exists(release)) {
        Files.createFile(release);
      }
      pool.shutdownNow();
    }
  }

  @Test
  void anOutageIsAnsweredAtOnceAndIsOverWithoutARestart() throws Exception {
    var anonymous = new GraphQLClient(member.url());
    var ana = Api.as(anonymous, People.register(anonymous, "Ana"));
    var bruno = People.register(anonymous, "Bruno");
    ana.deposit("CUSD", "100");
    assertTrue(ana.send(bruno.phone(), "CUSD", "1").data().containsKey("sendMoney"));

    var sent = ConcurrentHashMap.<String>newKeySet();
    var outcomes = new ConcurrentLinkedQueue<Outcome>();
    var running = new AtomicBoolean(true);
    var pool = Executors.newFixedThreadPool(CLIENTS + 1);
    for (var c = 0; c < CLIENTS; c++) {
      pool.submit(
          () -> {
            while (running.get()) {
              var began = System.nanoTime();
              GraphQLClient.Response answer;
              JsonObject json;
              try {
                answer = ana.send(bruno.phone(), "CUSD", "0.01");
                json = answer.json();
              } catch (RuntimeException e) {
                outcomes.add(new Outcome("graphql", "BROKEN", System.nanoTime() - began, "" + e));
                continue;
              }
              var took = System.nanoTime() - began;
              if (json.containsKey("errors")) {
                outcomes.add(new Outcome("graphql", answer.errorCode(), took, answer.body()));
              } else {
                sent.add(json.getJsonObject("data").getJsonObject("sendMoney").getString("id"));
                outcomes.add(new Outcome("graphql", "OK", took, ""));
              }
            }
            return null;
          });
    }
    pool.submit(
        () -> {
          while (running.get()) {
            var began = System.nanoTime();
            var answer = Http.admin(member.url()).get("api/admin/metrics");
            var took = System.nanoTime() - began;
            var code =
                answer.statusCode() == 200
                    ? "OK"
                    : answer.statusCode() + " " + errorCode(answer.body());
            outcomes.add(new Outcome("admin", code, took, answer.body()));
            Thread.sleep(100);
          }
          return null;
        });

    Thread.sleep(2_000);
    var before = outcomes.size();
    postgres.close();
    var stoppedAt = System.nanoTime();
    // While the database is down: every answer is UNAVAILABLE (a request in flight when the
    // sessions were cut included), and readiness stays UP for the short outage.
    Eventually.within(
        Duration.ofSeconds(60),
        "requests answered while the database is down",
        () ->
            outcomes.stream().skip(before).filter(o -> !o.code().equals("OK")).count() >= 20
                ? Optional.of(true)
                : Optional.empty());
    var ready = Http.anonymous(member.url()).get("health/ready");
    assertEquals(200, ready.statusCode(), "readiness through a short outage: " + ready.body());
    // A longer outage: readiness says DOWN once the grace has passed, and requests are still
    // answered at once.
    Eventually.within(
        Duration.ofSeconds(30),
        "readiness DOWN after " + GRACE + " of outage",
        () ->
            Http.anonymous(member.url()).get("health/ready").statusCode() == 503
                ? Optional.of(true)
                : Optional.empty());
    var duringOutage = List.copyOf(outcomes).subList(before, outcomes.size());

    postgres = startPostgres();
    var restartedAt = System.nanoTime();
    var recovered =
        Eventually.within(
            Duration.ofSeconds(30),
            "a send served again after the database came back",
            () -> {
              var answer = ana.send(bruno.phone(), "CUSD", "0.01");
              if (answer.json().containsKey("errors")) {
                return Optional.empty();
              }
              sent.add(answer.data().getJsonObject("sendMoney").getString("id"));
              return Optional.of(System.nanoTime());
            });
    Eventually.within(
        Duration.ofSeconds(30),
        "readiness UP again",
        () ->
            Http.anonymous(member.url()).get("health/ready").statusCode() == 200
                ? Optional.of(true)
                : Optional.empty());
    Thread.sleep(1_000);
    running.set(false);
    pool.shutdown();
    assertTrue(pool.awaitTermination(2, TimeUnit.MINUTES));

    var refused =
        duringOutage.stream().filter(o -> !o.code().equals("OK")).collect(Collectors.toList());
    var codes = refused.stream().map(Outcome::code).collect(Collectors.toSet());
    assertTrue(
        Set.of("UNAVAILABLE", "503 UNAVAILABLE").containsAll(codes),
        "only UNAVAILABLE while the database is down: "
            + refused.stream()
                .filter(o -> !o.code().contains("UNAVAILABLE"))
                .limit(3)
                .map(Outcome::body)
                .toList());
    assertTrue(codes.contains("UNAVAILABLE") && codes.contains("503 UNAVAILABLE"), "" + codes);
    var after = List.copyOf(outcomes);
    var afterRecovery =
        after.subList(after.size() - Math.min(after.size(), 5), after.size()).stream()
            .filter(o -> o.kind().equals("graphql"))
            .toList();
    assertTrue(
        afterRecovery.stream().allMatch(o -> o.code().equals("OK")),
        "served normally again: " + afterRecovery);

    // The money: every send a client saw succeed is there, and nothing else moved.
    try (var db =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
        var sends =
            db.prepareStatement("select id, amount from send_transactions where sender_id = ?");
        var balances =
            db.prepareStatement(
                "select min(balance), sum(balance) from accounts where currency = 'CUSD'")) {
      sends.setLong(1, Long.parseLong(ana.person().id()));
      var stored = new java.util.HashMap<String, BigDecimal>();
      try (var rows = sends.executeQuery()) {
        while (rows.next()) {
          stored.put(rows.getString(1), rows.getBigDecimal(2));
        }
      }
      assertTrue(stored.keySet().containsAll(sent), "every send answered OK is stored");
      var moved = stored.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      assertEquals(0, new BigDecimal("100").subtract(moved).compareTo(ana.balance("CUSD")));
      assertEquals(0, moved.compareTo(Api.as(anonymous, bruno).balance("CUSD")));
      try (var rows = balances.executeQuery()) {
        rows.next();
        assertTrue(rows.getBigDecimal(1).signum() >= 0, "no negative balance");
        assertEquals(0, new BigDecimal("100").compareTo(rows.getBigDecimal(2)), "money conserved");
      }
    }

    var slowest =
        duringOutage.stream()
            .filter(o -> !o.code().equals("OK"))
            .max(Comparator.comparingLong(Outcome::nanos))
            .orElseThrow();
    var median =
        duringOutage.stream()
            .filter(o -> !o.code().equals("OK"))
            .mapToLong(Outcome::nanos)
            .sorted()
            .skip(refused.size() / 2)
            .findFirst()
            .orElseThrow();
    System.out.printf(
        "Database outage: %d requests refused while it was down, median %.1f ms, slowest %.1f ms;"
            + " served again %.1f s after it was started (down for %.1f s)%n",
        refused.size(),
        median / 1e6,
        slowest.nanos() / 1e6,
        (recovered - restartedAt) / 1e9,
        (restartedAt - stoppedAt) / 1e9);
  }

  record Outcome(String kind, String code, long nanos, String body) {
    @Override
    public String toString() {
      return kind + " " + code;
    }
  }

  private static String errorCode(String body) {
    try {
      return ((JsonObject) jakarta.json.Json.createReader(new java.io.StringReader(body)).read())
          .getString("code", "?");
    } catch (RuntimeException e) {
      return "not JSON";
    }
  }

  static EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (Files.exists(path)) {
      try (var walk = Files.walk(path)) {
        for (var p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
