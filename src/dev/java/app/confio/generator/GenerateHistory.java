package app.confio.generator;

import java.sql.SQLException;
import java.util.Locale;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs the {@link HistoryGenerator} from the command line. The database comes from DB_URL, DB_USER
 * and DB_PASSWORD, as system properties or environment variables.
 */
public final class GenerateHistory {

  static final String USAGE =
      "Usage: GenerateHistory [--users N] [--seed S]   (defaults: 1000 users, seed 42)";

  /** What the command was asked to do. */
  record Options(int users, long seed) {

    static Options parse(String... args) {
      var users = 1000;
      var seed = 42L;
      for (var i = 0; i < args.length; i += 2) {
        var value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--users" -> users = users(value);
          case "--seed" -> seed = number("--seed", value);
          default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
        }
      }
      return new Options(users, seed);
    }

    private static int users(String value) {
      var users = number("--users", value);
      if (users < 1 || users > 100_000_000) {
        throw new IllegalArgumentException("--users must be between 1 and 100000000, not " + value);
      }
      return (int) users;
    }

    private static long number(String name, String value) {
      if (value == null) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      try {
        return Long.parseLong(value.replace("_", ""));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a whole number, not " + value);
      }
    }
  }

  private GenerateHistory() {}

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    try {
      var generator = new HistoryGenerator(dataSource(), options.seed());
      summarize(generator.generate(options.users(), System.out::println), options.users());
    } catch (SQLException | RuntimeException e) {
      System.err.println("Generating history failed: " + e.getMessage());
      System.exit(1);
    }
  }

  private static PGSimpleDataSource dataSource() {
    var dataSource = new PGSimpleDataSource();
    dataSource.setURL(setting("DB_URL", "jdbc:postgresql://localhost:5432/confio"));
    dataSource.setUser(setting("DB_USER", "postgres"));
    dataSource.setPassword(setting("DB_PASSWORD", "postgres"));
    return dataSource;
  }

  private static String setting(String name, String fallback) {
    var value = System.getProperty(name, System.getenv(name));
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void summarize(HistoryGenerator.Result result, int users) {
    System.out.printf(Locale.ROOT, "%n%-22s %14s%n", "table", "rows");
    result
        .rows()
        .forEach((table, rows) -> System.out.printf(Locale.ROOT, "%-22s %,14d%n", table, rows));
    System.out.printf(Locale.ROOT, "%-22s %,14d%n", "total", result.total());
    System.out.printf(
        Locale.ROOT,
        "%,d users in %.1f s; %.1f rows per user in the eight activity tables%n",
        users,
        result.seconds(),
        (double) result.activityRows() / users);
  }
}
