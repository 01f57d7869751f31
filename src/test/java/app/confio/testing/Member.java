package app.confio.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Payara Micro member started as a real process, for what Arquillian's one lone member cannot
 * show: clusters and benchmarks. Its output goes to {@code target/<name>.log}.
 */
public final class Member implements AutoCloseable {

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;
  private volatile long readyAt;

  private Member(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /**
   * A Hazelcast cluster on the loopback interface only: members find each other over TCP through
   * the first member's data-grid port, never by multicast on a real network.
   */
  public record Cluster(String name, int seedPort, int otherPort) {
    public static Cluster create(String name) {
      return new Cluster(name, gridPort(), gridPort());
    }

    /**
     * The same cluster name, but ports of its own that no member of this cluster contacts: a member
     * started in it forms a cluster of its own and never merges — a split that lasts.
     */
    public Cluster apart() {
      return new Cluster(name, gridPort(), gridPort());
    }

    /**
     * Each member knows both members' addresses, so a member started again in the place of one that
     * stopped finds the other whichever it is.
     */
    List<String> options(boolean seed) {
      return List.of(
          "--clustername",
          name,
          "--clustermode",
          "tcpip:127.0.0.1:" + seedPort + ",127.0.0.1:" + otherPort,
          "--interfaces",
          "127.0.0.1",
          "--startport",
          Integer.toString(seed ? seedPort : otherPort));
    }
  }

  /** Starts {@code war} as a lone member on a free port. */
  public static Member start(String name, Path war, List<String> jvmOptions) {
    return start(name, war, null, false, jvmOptions);
  }

  /**
   * Starts {@code war} on a free port in {@code cluster}; the {@code seed} member is the one the
   * others contact first. {@code jvmOptions} are added to the JVM's command line.
   */
  public static Member start(
      String name, Path war, Cluster cluster, boolean seed, List<String> jvmOptions) {
    var port = freePort();
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-jar",
            System.getProperty("payara.microJar", "target/payara-micro.jar"),
            "--deploy",
            war.toString(),
            "--port",
            Integer.toString(port),
            "--name",
            name));
    if (cluster == null) {
      command.add("--nocluster");
    } else {
      command.addAll(cluster.options(seed));
    }
    var log = Path.of("target", name + ".log").toAbsolutePath();
    try {
      var process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new Member(name, port, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The options the integration tests' own server gets: database, token keys, deposits. */
  /** How long ago {@link #awaitReady} saw the member answer. */
  public Duration upFor() {
    return Duration.ofNanos(System.nanoTime() - readyAt);
  }

  /** What the member printed so far. */
  public String output() {
    try {
      return java.nio.file.Files.readString(log);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static List<String> testOptions() {
    var options = System.getProperty("payara.cmdOptions", "").strip();
    return options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+"));
  }

  public Member awaitReady(Duration timeout) throws InterruptedException {
    // HTTP/1.1: the default HTTP/2 client tries an h2c upgrade, and against a member that is still
    // starting such a request was seen to hang past its own timeout.
    var http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    var schema = URI.create("http://localhost:" + port + "/graphql/schema.graphql");
    var deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " stopped during start-up; see " + log);
      }
      try {
        var request = HttpRequest.newBuilder(schema).timeout(Duration.ofSeconds(2)).build();
        var answer =
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .get(5, java.util.concurrent.TimeUnit.SECONDS);
        if (answer.statusCode() == 200) {
          readyAt = System.nanoTime();
          return this;
        }
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        // not listening yet, or not answering yet
      }
      Thread.sleep(250);
    }
    threadDump();
    throw new IllegalStateException(
        name + " was not ready within " + timeout + "; see " + log + " (a thread dump ends it)");
  }

  /** Writes the member's threads to {@code target/<name>-threads.txt}, for a request that hangs. */
  public void threadDumpApart() {
    try {
      var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
      var out = Path.of("target", name + "-threads.txt").toFile();
      new ProcessBuilder(jcmd, Long.toString(process.pid()), "Thread.print")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(out))
          .start()
          .waitFor();
    } catch (IOException | InterruptedException e) {
      // the dump is a courtesy
    }
  }

  /**
   * Waits until Payara Micro has finished starting, whether its deployment succeeded or failed: it
   * logs that it is ready either way.
   */
  public Member awaitStarted(Duration timeout) throws Exception {
    var deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " stopped during start-up; see " + log);
      }
      if (java.util.regex.Pattern.compile("ready in [0-9,.]+ \\(ms\\)").matcher(output()).find()) {
        return this;
      }
      Thread.sleep(250);
    }
    threadDump();
    throw new IllegalStateException(name + " did not start within " + timeout + "; see " + log);
  }

  /** Appends the member's threads to its log, for a start-up that hangs. */
  public void threadDump() {
    try {
      var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
      new ProcessBuilder(jcmd, Long.toString(process.pid()), "Thread.print")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start()
          .waitFor();
    } catch (IOException | InterruptedException e) {
      // the dump is a courtesy
    }
  }

  /** Waits until the member's log shows a data grid of {@code size} members. */
  public Member awaitCluster(int size, Duration timeout) throws Exception {
    var deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.readString(log).contains("DG Size: " + size)) {
        return this;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(name + " did not see " + size + " members; see " + log);
  }

  public URL url() {
    try {
      return URI.create("http://localhost:" + port + "/").toURL();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the member's process without ending it (SIGSTOP), as a long GC pause or a partition. */
  public void freeze() throws Exception {
    signal("STOP");
  }

  /** Lets a frozen member run on (SIGCONT). */
  public void thaw() throws Exception {
    signal("CONT");
  }

  private void signal(String name) throws Exception {
    var kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
    }
  }

  /** Kills the member's process at once, as a crash or a lost machine would: no shutdown. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A free port for a member's data grid, chosen below the kernel's ephemeral range (32768 and up
   * here): it is reserved minutes before a member binds it — and again after a restart — and a port
   * from the ephemeral range may meanwhile become the local end of any outgoing connection.
   */
  private static int gridPort() {
    var random = java.util.concurrent.ThreadLocalRandom.current();
    for (var attempt = 0; attempt < 100; attempt++) {
      var port = random.nextInt(20_000, 32_000);
      try (var socket = new ServerSocket(port)) {
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("No free port between 20000 and 32000");
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
