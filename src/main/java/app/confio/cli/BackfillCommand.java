package app.confio.cli;

import jakarta.json.JsonObject;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code backfill-last-activity [--days N] [--follow]}: starts a backfill ({@code POST
 * /api/admin/backfill}), then polls its progress until no member runs it any more, on one updating
 * line on a terminal, one line per change otherwise. FINISHED exits 0, anything else 1. While
 * another run is going the server answers 409: that is exit 1, or with {@code --follow} that run is
 * watched to its end instead.
 */
class BackfillCommand {

  static final String PATH = "api/admin/backfill";
  private static final String FINISHED = "FINISHED";

  private final AdminApi api;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;
  private final Duration interval;

  BackfillCommand(
      AdminApi api, PrintStream out, PrintStream err, boolean terminal, Duration interval) {
    this.api = api;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.interval = interval;
  }

  int run(Arguments args) {
    var query =
        args.days().map(d -> "?days=" + URLEncoder.encode(d, StandardCharsets.UTF_8)).orElse("");
    var started = api.post(PATH + query);
    if (started.status() == 409 && !args.follow()) {
      err.println(AdminApi.message(started.json(), started.body()) + " (--follow watches it)");
      (args.json() ? out : err).println(args.json() ? started.body() : running(started.object()));
      return Exit.FAILED;
    }
    if (started.status() != 202 && started.status() != 409) {
      throw new Failure(
          Exit.SERVER_ERROR, "Unexpected answer HTTP " + started.status() + ": " + started.body());
    }
    var last = watch(args.json());
    out.println(args.json() ? last.body() : ProgressView.outcome(last.object()));
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
        out.print(terminal ? "\r" + line + "\033[K" : line + "\n");
        out.flush();
        shown = line;
      }
      if (!progress.getBoolean("running")) {
        if (terminal && shown != null) {
          out.println();
        }
        return answer;
      }
      pause();
    }
  }

  private void pause() {
    try {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure(Exit.FAILED, "Interrupted; the backfill goes on on the server");
    }
  }
}
