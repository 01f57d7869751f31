package app.confio.bench;

import app.confio.activity.TrackerProbe;
import app.confio.testing.Deployments;
import app.confio.testing.GraphQLClient;
import app.confio.testing.Member;
import app.confio.testing.People;
import app.confio.testing.TestEnvironment;
import app.confio.testing.Tokens;
import app.confio.testing.WriteLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * {@code mvn -Pbench}: the activity-tracking figures of the README, on this machine.
 *
 * <ol>
 *   <li>{@code touch} of a user in cooldown, timed inside the server;
 *   <li>GraphQL mutation throughput with tracking on and off, two lone members, alternating rounds;
 *   <li>database writes per active user per window, through two clustered members.
 * </ol>
 */
public final class TrackingBenchmark {

  static final int LATENCY_SAMPLES = 200_000;
  static final int THROUGHPUT_USERS = 64;
  static final int CLIENT_THREADS = 8;
  static final Duration ROUND = Duration.ofSeconds(15);
  static final int ROUNDS = 3;
  static final int CLUSTER_USERS = 200;
  static final int CLUSTER_MUTATIONS_PER_USER = 10;

  public static void main(String[] args) throws Exception {
    TestEnvironment.prepare();
    try {
      var war = benchWar();
      var options = Member.testOptions();
      var disabled = new ArrayList<>(options);
      disabled.add("-Dconfio.activity.enabled=false");
      try (var on = Member.start("bench-on", war, options);
          var off = Member.start("bench-off", war, disabled)) {
        on.awaitReady(Duration.ofMinutes(5));
        off.awaitReady(Duration.ofMinutes(5));
        latency(new GraphQLClient(on.url()), on);
        throughput(on, off);
      }
      clusterWrites(war, options);
    } finally {
      TestEnvironment.stop();
    }
    System.exit(0);
  }

  static Path benchWar() {
    var war = Path.of("target", "confio-bench.war").toAbsolutePath();
    Deployments.withProbes(TrackerProbe.class).as(ZipExporter.class).exportTo(war.toFile(), true);
    return war;
  }

  static void latency(GraphQLClient client, Member member) throws Exception {
    var user = register(client);
    var request =
        HttpRequest.newBuilder(
                URI.create(
                    member.url() + "api/probe/latency?user=" + user + "&n=" + LATENCY_SAMPLES))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    var result = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    System.out.printf(
        "%n1. touch() of a user in cooldown, %,d calls in the server: %s (ns)%n",
        LATENCY_SAMPLES, result.body());
  }

  static void throughput(Member on, Member off) throws Exception {
    var setup = new GraphQLClient(on.url());
    var tokens = new ArrayList<String>();
    var phones = new ArrayList<String>();
    for (int i = 0; i < THROUGHPUT_USERS; i++) {
      var phone = People.freshPhone();
      var id = register(setup, phone);
      tokens.add(Tokens.forUser(id));
      phones.add(phone);
      setup
          .as(tokens.get(i))
          .post("mutation { deposit(currency: CUSD, amount: 1000000) { amount } }")
          .data();
    }
    load(on, tokens, phones, Duration.ofSeconds(5));
    load(off, tokens, phones, Duration.ofSeconds(5));
    var onRates = new double[ROUNDS];
    var offRates = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      onRates[round] = load(on, tokens, phones, ROUND);
      offRates[round] = load(off, tokens, phones, ROUND);
    }
    Arrays.sort(onRates);
    Arrays.sort(offRates);
    System.out.printf(
        "2. sendMoney throughput, %d client threads, %d rounds of %d s: tracking on %s/s,"
            + " off %s/s; median on/off = %.3f%n",
        CLIENT_THREADS,
        ROUNDS,
        ROUND.toSeconds(),
        Arrays.toString(round(onRates)),
        Arrays.toString(round(offRates)),
        onRates[ROUNDS / 2] / offRates[ROUNDS / 2]);
  }

  /**
   * Sends 0.01 cUSD between random users for {@code length}; answers successful sends per second.
   */
  static double load(Member member, List<String> tokens, List<String> phones, Duration length)
      throws Exception {
    var client = new GraphQLClient(member.url());
    var deadline = System.nanoTime() + length.toNanos();
    var pool = Executors.newFixedThreadPool(CLIENT_THREADS);
    var workers = new ArrayList<Callable<Integer>>();
    for (int t = 0; t < CLIENT_THREADS; t++) {
      workers.add(
          () -> {
            int done = 0;
            var random = ThreadLocalRandom.current();
            while (System.nanoTime() < deadline) {
              int from = random.nextInt(tokens.size());
              int to = (from + 1 + random.nextInt(tokens.size() - 1)) % tokens.size();
              var response =
                  client
                      .as(tokens.get(from))
                      .post(
                          "mutation($p: String!) { sendMoney(recipientPhone: $p, currency: CUSD,"
                              + " amount: 0.01) { id } }",
                          Map.of("p", phones.get(to)));
              done += response.json().containsKey("errors") ? 0 : 1;
            }
            return done;
          });
    }
    long start = System.nanoTime();
    int total = 0;
    for (var future : pool.invokeAll(workers)) {
      total += future.get();
    }
    pool.shutdown();
    return total / ((System.nanoTime() - start) / 1e9);
  }

  static void clusterWrites(Path war, List<String> options) throws Exception {
    var cluster = Member.Cluster.create("confio-bench-" + UUID.randomUUID());
    try (var first = Member.start("bench-a", war, cluster, true, options)) {
      first.awaitReady(Duration.ofMinutes(5));
      try (var second = Member.start("bench-b", war, cluster, false, options)) {
        second.awaitReady(Duration.ofMinutes(5));
        first.awaitCluster(2, Duration.ofMinutes(1));
        WriteLog.install();
        var members = List.of(new GraphQLClient(first.url()), new GraphQLClient(second.url()));
        var users = new ArrayList<String>();
        for (int i = 0; i < CLUSTER_USERS; i++) {
          users.add(register(members.get(i % 2)));
        }
        var calls = new ArrayList<Callable<Boolean>>();
        for (var user : users) {
          var token = Tokens.forUser(user);
          for (int i = 0; i < CLUSTER_MUTATIONS_PER_USER; i++) {
            var client = members.get(ThreadLocalRandom.current().nextInt(2)).as(token);
            calls.add(
                () -> client.post("mutation { claimAchievement(code: WELCOME) { code } }") != null);
          }
        }
        java.util.Collections.shuffle(calls);
        var pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        long start = System.nanoTime();
        for (var future : pool.invokeAll(calls)) {
          future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        for (var user : users) {
          WriteLog.awaitActivity(user);
        }
        Thread.sleep(2_000);
        int writes = WriteLog.writes(users);
        System.out.printf(
            "3. %,d mutations for %d users through two clustered members in %.1f s:"
                + " %d database writes, %.2f per user%n%n",
            calls.size(), users.size(), seconds, writes, writes / (double) users.size());
      }
    }
  }

  static String register(GraphQLClient client) {
    return register(client, People.freshPhone());
  }

  static String register(GraphQLClient client, String phone) {
    return client
        .post(
            "mutation($p: String!) { register(phone: $p, displayName: \"Bench\","
                + " password: \"long enough pw\") { id } }",
            Map.of("p", phone))
        .data()
        .getJsonObject("register")
        .getString("id");
  }

  static long[] round(double[] rates) {
    return Arrays.stream(rates).mapToLong(Math::round).toArray();
  }
}
