package app.confio.cli;

import jakarta.json.JsonStructure;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code activity-metrics}: one GET of the admin API, shown as a table or, with {@code --json}, as
 * the server sent it. {@code --validate} exits 1 when a check fails, so a script can gate on it.
 */
@Command(
    name = "activity-metrics",
    mixinStandardHelpOptions = true,
    description = {
      "DAU, WAU, MAU of both policies, and checks of the tracked history.",
      "Without a view: DAU, WAU, MAU now; --days N: users active within N days; --detailed: 1 to 90 days with new users and kinds; --compare-methods: the old method against the new, with samples; --validate: is the tracked history complete? (exit 1 if not)."
    })
final class MetricsCommand implements Callable<Integer> {

  /** At most one of the views; none shows the plain figures. */
  static final class View {

    @Option(
        names = "--detailed",
        description = "1, 3, 7, 14, 30, 60, 90 days; never active; by kind")
    boolean detailed;

    @Option(
        names = "--compare-methods",
        description = "the old method (activity tables) against the new, with samples")
    boolean compareMethods;

    @Option(names = "--validate", description = "is the tracked history complete? exit 1 if not")
    boolean validate;
  }

  @ParentCommand Cli cli;
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true)
  View view = new View();

  @Option(
      names = "--days",
      paramLabel = "N",
      description =
          "users active within N days (1-3650); the window of --compare-methods and --validate (30)")
  Integer days;

  @Option(names = "--json", description = "the server's JSON as it is")
  boolean json;

  @Override
  public Integer call() {
    if (view.detailed && days != null) {
      throw new ParameterException(
          spec.commandLine(), "--detailed shows fixed periods; it takes no --days");
    }
    String path;
    Function<JsonStructure, String> render;
    if (view.detailed) {
      path = "api/admin/metrics/detailed";
      render = answer -> DetailedView.render(answer.asJsonObject());
    } else if (view.compareMethods) {
      path = new Query("api/admin/trust/compare").with("days", days).toString();
      render = answer -> ComparisonView.render(answer.asJsonArray());
    } else if (view.validate) {
      path = new Query("api/admin/trust/validate").with("days", days).toString();
      render = answer -> ValidationView.render(answer.asJsonObject());
    } else if (days != null) {
      path = new Query("api/admin/metrics/active").with("days", days).toString();
      render = answer -> MetricsView.active(answer.asJsonArray());
    } else {
      path = "api/admin/metrics";
      render = answer -> MetricsView.current(answer.asJsonObject());
    }
    var answer = cli.api().read(path);
    cli.out.print(json ? answer.body() + "\n" : render.apply(answer.json()));
    var failed = view.validate && !answer.object().getBoolean("passed");
    return failed ? Exit.FAILED : Exit.OK;
  }
}
