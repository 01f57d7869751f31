package app.confio.bench;

/**
 * {@code mvn -Pbench [-Dbench=tracking|metrics|backfill]}: runs one benchmark and prints its
 * figures. {@code metrics} and {@code backfill} need {@code DB_URL} naming a database with
 * generated users (see the README's "Generating history").
 */
public final class Bench {

  private Bench() {}

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
      default -> {
        System.err.println("Unknown benchmark " + which + ": tracking, metrics or backfill");
        System.exit(2);
      }
    }
  }
}
