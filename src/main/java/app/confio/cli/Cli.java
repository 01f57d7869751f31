package app.confio.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The command line's entry point: {@code main} exits with what {@link #run} answers, which takes
 * everything from outside as parameters, so that tests drive it in-process.
 */
public final class Cli {

  static final String USAGE =
      """
      Usage: confio COMMAND [OPTIONS]   (mvn -q compile exec:java@cli -Dexec.args="COMMAND ...")

        activity-metrics                   DAU, WAU, MAU of both policies now
        activity-metrics --days N          users active within N days (1-3650)
        activity-metrics --detailed        1 to 90 days, new users, never active, by kind
        activity-metrics --compare-methods [--days N]   old method against new, with samples
        activity-metrics --validate [--days N]          is the tracked history complete? exit 1 if not
        backfill-last-activity [--days N] [--follow]    recompute activity from the tables (default:
                                           the server's 365 days) and show progress until done;
                                           --follow watches a run already going instead of failing
        --json                             any command: the server's JSON as it is

      Environment (or -D system properties of the same name):
        CONFIO_URL             the server (http://localhost:8080)
        CONFIO_ADMIN_USER      an admin account (admin)
        CONFIO_ADMIN_PASSWORD  its password (default: $CONFIO_HOME/keys/admin-password, ~/.confio)

      Exit codes: 0 ok, 1 validation failed / backfill failed or already running,
        2 usage or a parameter the server refused, 3 server unreachable or credentials refused,
        4 unexpected answer from the server
      """;

  private Cli() {}

  public static void main(String[] args) {
    System.exit(run(args, environment(), System.out, System.err, System.console() != null));
  }

  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    return run(args, env, out, err, false);
  }

  static int run(
      String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (Failure usage) {
      if (!usage.getMessage().isEmpty()) {
        err.println(usage.getMessage());
      }
      err.print(USAGE);
      return usage.exitCode();
    }
    try {
      var api = new AdminApi(Settings.from(env));
      if (arguments.command().equals(Arguments.BACKFILL)) {
        return new BackfillCommand(api, out, err, terminal, Duration.ofSeconds(1)).run(arguments);
      }
      return MetricsCommand.run(arguments, api, out);
    } catch (Failure failure) {
      err.println(failure.getMessage());
      return failure.exitCode();
    }
  }

  /** The environment, with system properties such as -DCONFIO_URL or -Dconfio.url over it. */
  static Map<String, String> environment() {
    var env = new HashMap<>(System.getenv());
    env.putIfAbsent("HOME", System.getProperty("user.home"));
    for (var name : System.getProperties().stringPropertyNames()) {
      var key = name.toUpperCase(Locale.ROOT).replace('.', '_');
      if (key.startsWith("CONFIO_")) {
        env.put(key, System.getProperty(name));
      }
    }
    return env;
  }
}
