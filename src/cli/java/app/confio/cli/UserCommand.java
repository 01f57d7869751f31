package app.confio.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code user <id|phone>}: why one user is counted. Finds the user ({@code GET
 * /api/admin/users?q=}), then reads their activity ({@code GET /api/admin/users/{id}/activity}).
 * Nobody found is exit 1.
 */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = {
      "Why one user is counted: status, first seen, days and their sources.",
      "Finds the user by id or phone number, then shows status, eligibility, first seen under both policies, last activity, and each day with the activity tables' rows behind it. Nobody found is exit 1."
    })
final class UserCommand implements Callable<Integer> {

  @ParentCommand Cli cli;

  @Parameters(
      paramLabel = "ID|PHONE",
      description = "a user id, or a phone number such as +584125550101")
  String who;

  @Option(names = "--from", paramLabel = "DATE", description = "first day (90 days back)")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "last day (today)")
  LocalDate to;

  @Option(names = "--json", description = "the activity answer's JSON as it is")
  boolean json;

  @Override
  public Integer call() {
    var api = cli.api();
    var found = api.read(new Query("api/admin/users").with("q", who).toString()).object();
    var users = found.getJsonArray("users");
    if (users.isEmpty()) {
      throw new Failure(Exit.FAILED, "No user with the id or phone number " + who);
    }
    var match = users.getJsonObject(0);
    var path = "api/admin/users/" + match.getJsonNumber("id").longValue() + "/activity";
    var activity = api.read(new Query(path).with("from", from).with("to", to).toString());
    cli.out.print(json ? activity.body() + "\n" : UserView.render(match, activity.object()));
    return Exit.OK;
  }
}
