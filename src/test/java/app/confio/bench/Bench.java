package app.confio.bench;

/**
 * {@code mvn -Pbench [-Dbench=tracking|metrics|backfill|growth|writes]}: runs one benchmark and
 * prints its figures. {@code metrics}, {@code backfill}, {@code growth} and {@code writes} need
 * {@code DB_URL} naming a database with generated users (see the README's "Generating history").
 */
public final class Bench {

  private Bench() {}

  /** The database a benchmark measures must be named: it is never the tests' throwaway one. */
  static void requireDatabase() {
    if (System.getenv("DB_URL") == null) {
      System.err.println(
          "Set DB_URL (and DB_USER, DB_PASSWORD) to a database with generated users");
      System.exit(2);
    }
    app.confio.testing.TestEnvironment.prepare();
  }

  /** One Payara Micro member with the built WAR on the benchmark's database, ready. */
  static app.confio.testing.Member member(String name) throws InterruptedException {
    var war = java.nio.file.Path.of("target", "confio-activity.war").toAbsolutePath();
    var member =
        app.confio.testing.Member.start(name, war, app.confio.testing.Member.testOptions());
    member.awaitReady(java.time.Duration.ofMinutes(10));
    return member;
  }

  /**
   * Waits until nothing but the benchmark queries the database: a member fills in the missing daily
   * snapshots and validates the tracking shortly after it starts, and either would land in the
   * figures.
   */
  static void awaitQuiet(java.sql.Connection db) throws Exception {
    var quietSince = System.nanoTime();
    var deadline = System.nanoTime() + java.time.Duration.ofMinutes(15).toNanos();
    Thread.sleep(35_000); // the tracking validation starts 30 s after deployment
    while (System.nanoTime() < deadline) {
      try (var busy =
              db.prepareStatement(
                  "select count(*) from pg_stat_activity where datname = current_database()"
                      + " and state = 'active' and pid <> pg_backend_pid()");
          var rows = busy.executeQuery()) {
        rows.next();
        if (rows.getLong(1) > 0) {
          quietSince = System.nanoTime();
        } else if (System.nanoTime() - quietSince > 5_000_000_000L) {
          return;
        }
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("The database did not become quiet within 15 minutes");
  }

  public static void main(String[] args) throws Exception {
    var which = System.getProperty("bench", "tracking");
    System.out.printf(
        "Benchmark %s on %d cores, %d MiB heap, Java %s, %s%n",
        which,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"),
        java.time.LocalDate.now());
    switch (which) {
      case "tracking" -> TrackingBenchmark.main(args);
      case "metrics" -> MetricsBenchmark.main(args);
      case "backfill" -> BackfillBenchmark.main(args);
      case "growth" -> GrowthBenchmark.main(args);
      case "writes" -> WritesBenchmark.main(args);
      default -> {
        System.err.println(
            "Unknown benchmark " + which + ": tracking, metrics, backfill, growth or writes");
        System.exit(2);
      }
    }
  }
}
