package app.confio.cli;

import app.confio.cli.Choices.Policy;
import jakarta.json.JsonObject;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * What every growth report's command shares: {@code --policy}, {@code --json}, and showing the
 * server's answer either as it is or as the command's table. A picocli mixin.
 */
final class Report {

  @Option(
      names = "--policy",
      paramLabel = "POLICY",
      description = "${COMPLETION-CANDIDATES} (app-active)")
  Policy policy;

  @Option(names = "--json", description = "the server's JSON as it is")
  boolean json;

  /** The report's call, its policy first. */
  Query query(String path) {
    return new Query(path).with("policy", policy);
  }

  /** Asks {@code query} and prints the answer; the exit code. */
  int show(Cli cli, Query query, Function<JsonObject, String> view) {
    var answer = cli.api().read(query.toString());
    cli.out.print(json ? answer.body() + "\n" : view.apply(answer.object()));
    return Exit.OK;
  }
}
