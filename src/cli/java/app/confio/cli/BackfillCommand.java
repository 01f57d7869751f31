package app.confio.cli;

import jakarta.json.JsonObject;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code backfill-last-activity [--days N] [--follow]}: starts a backfill ({@code POST
 * /api/admin/backfill}), then polls its progress until no member runs it any more, on one updating
 * line on a terminal, one line per change otherwise. FINISHED exits 0, anything else 1. While
 * another run is going the server answers 409: that is exit 1, or with {@code --follow} that run is
 * watched to its end instead.
 */
@Command(
    name = "backfill-last-activity",
    mixinStandardHelpOptions = true,
    description = {
      "Recompute the tracked activity from the activity tables.",
      "Shows the progress until the run ends: exit 0 when FINISHED, 1 otherwise, or when a run is already going (unless --follow)."
    })
final class BackfillCommand implements Callable<Integer> {

  static final String PATH = "api/admin/backfill";
  private static final String FINISHED = "FINISHED";

  @ParentCommand Cli cli;

  @Option(
      names = "--days",
      paramLabel = "N",
      description = "days of history (1-3650; default: the server's confio.backfill.days, 365)")
  Integer days;

  @Option(names = "--follow", description = "watch a run already going instead of failing")
  boolean follow;

  @Option(names = "--json", description = "no progress lines, only the last answer's JSON")
  boolean json;

  private AdminApi api;
  private PrintStream out;

  @Override
  public Integer call() {
    api = cli.api();
    out = cli.out;
    var started = api.post(new Query(PATH).with("days", days).toString());
    if (started.status() == 409 && !follow) {
      cli.err.println(AdminApi.message(started.json(), started.body()) + " (--follow watches it)");
      (json ? out : cli.err).println(json ? started.body() : running(started.object()));
      return Exit.FAILED;
    }
    if (started.status() != 202 && started.status() != 409) {
      throw new Failure(
          Exit.SERVER_ERROR, "Unexpected answer HTTP " + started.status() + ": " + started.body());
    }
    var last = watch(json);
    out.println(json ? last.body() : ProgressView.outcome(last.object()));
    return FINISHED.equals(last.object().getString("status")) ? Exit.OK : Exit.FAILED;
  }

  private static String running(JsonObject refusal) {
    var progress = refusal.get("progress");
    return progress instanceof JsonObject run ? ProgressView.line(run) : "";
  }

  private AdminApi.Answer watch(boolean quiet) {
    String shown = null;
    while (true) {
      var answer = api.get(PATH);
      if (answer.status() != 200) {
        throw new Failure(
            Exit.SERVER_ERROR, "Unexpected answer HTTP " + answer.status() + ": " + answer.body());
      }
      var progress = answer.object();
      var line = ProgressView.line(progress);
      if (!quiet && !line.equals(shown)) {
        out.print(cli.terminal ? "\r" + line + "\033[K" : line + "\n");
        out.flush();
        shown = line;
      }
      if (!progress.getBoolean("running")) {
        if (cli.terminal && shown != null) {
          out.println();
        }
        return answer;
      }
      pause();
    }
  }

  private void pause() {
    try {
      Thread.sleep(cli.pollInterval().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure(Exit.FAILED, "Interrupted; the backfill goes on on the server");
    }
  }
}
