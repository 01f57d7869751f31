package app.confio.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The command line's entry point: {@code main} exits with what {@link #run} answers, which takes
 * everything from outside as parameters, so that tests drive it in-process. Picocli parses; a
 * {@link Failure} from a command becomes its one line on stderr and its exit code.
 */
@Command(
    name = "confio",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    description = "Confio Activity's admin command line, a client of a running server's admin API.",
    subcommands = {
      MetricsCommand.class,
      BackfillCommand.class,
      GrowthCommand.class,
      RetentionCommand.class,
      StickinessCommand.class,
      UserCommand.class,
      KeysCommand.class,
      CommandLine.HelpCommand.class,
      AutoComplete.GenerateCompletion.class
    },
    footerHeading = "%n",
    footer = {
      "Environment (or -D system properties of the same name):",
      "  CONFIO_URL             the server (http://localhost:8080); --url wins",
      "  CONFIO_ADMIN_USER      an admin account (admin); --user wins",
      "  CONFIO_ADMIN_PASSWORD  its password (default: the file keys/admin-password",
      "                         in CONFIO_HOME, ~/.confio)",
      "",
      "Exit codes: 0 ok; 1 validation failed, backfill failed or already running,",
      "  no such user; 2 usage, or a parameter the server refused; 3 server",
      "  unreachable or credentials refused; 4 unexpected answer from the server.",
      "Shell completion: source <(confio generate-completion)"
    })
public final class Cli implements Callable<Integer> {

  @Option(
      names = "--url",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description = "the server, any member of a cluster (CONFIO_URL)")
  String url;

  @Option(
      names = "--user",
      paramLabel = "NAME",
      scope = ScopeType.INHERIT,
      description = "the admin account (CONFIO_ADMIN_USER)")
  String user;

  @Spec CommandSpec spec;

  final PrintStream out;
  final PrintStream err;
  final boolean terminal;
  private final Map<String, String> env;

  Cli(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {
    this.env = env;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  /** No command: the usage, as an error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(err);
    return Exit.USAGE;
  }

  /** The admin API of the server that the environment and {@code --url}, {@code --user} name. */
  AdminApi api() {
    var settings = new HashMap<>(env);
    if (url != null) {
      settings.put("CONFIO_URL", url);
    }
    if (user != null) {
      settings.put("CONFIO_ADMIN_USER", user);
    }
    return new AdminApi(Settings.from(settings));
  }

  Duration pollInterval() {
    return Duration.ofSeconds(1);
  }

  public static void main(String[] args) {
    System.exit(run(args, environment(), System.out, System.err, System.console() != null));
  }

  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    return run(args, env, out, err, false);
  }

  static int run(
      String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {
    var outWriter = new PrintWriter(out, true);
    var errWriter = new PrintWriter(err, true);
    var line =
        Choices.registerAll(new CommandLine(new Cli(env, out, err, terminal)))
            .setOut(outWriter)
            .setErr(errWriter)
            .setExecutionExceptionHandler(
                (e, command, parsed) -> {
                  if (e instanceof Failure failure) {
                    err.println(failure.getMessage());
                    return failure.exitCode();
                  }
                  throw e;
                });
    line.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
    try {
      return line.execute(args);
    } finally {
      outWriter.flush();
      errWriter.flush();
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

  /** The project's version, from the jar's manifest ({@code mvn package} writes it). */
  static final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
      var version = Cli.class.getPackage().getImplementationVersion();
      return new String[] {"confio " + (version == null ? "(not built from a jar)" : version)};
    }
  }
}
