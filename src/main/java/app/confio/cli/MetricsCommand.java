package app.confio.cli;

import jakarta.json.JsonStructure;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * {@code activity-metrics}: one GET of the admin API, shown as a table or, with {@code --json}, as
 * the server sent it. {@code --validate} exits 1 when a check fails, so a script can gate on it.
 */
final class MetricsCommand {

  private MetricsCommand() {}

  static int run(Arguments args, AdminApi api, PrintStream out) {
    var days = args.days().map(d -> "?days=" + URLEncoder.encode(d, StandardCharsets.UTF_8));
    String path;
    Function<JsonStructure, String> view;
    switch (args.view()) {
      case DETAILED -> {
        path = "api/admin/metrics/detailed";
        view = json -> DetailedView.render(json.asJsonObject());
      }
      case COMPARE_METHODS -> {
        path = "api/admin/trust/compare" + days.orElse("");
        view = json -> ComparisonView.render(json.asJsonArray());
      }
      case VALIDATE -> {
        path = "api/admin/trust/validate" + days.orElse("");
        view = json -> ValidationView.render(json.asJsonObject());
      }
      default -> {
        path = days.map(d -> "api/admin/metrics/active" + d).orElse("api/admin/metrics");
        view =
            json ->
                days.isPresent()
                    ? MetricsView.active(json.asJsonArray())
                    : MetricsView.current(json.asJsonObject());
      }
    }
    var answer = api.get(path);
    if (answer.status() != 200) {
      throw new Failure(
          Exit.SERVER_ERROR, "Unexpected answer HTTP " + answer.status() + ": " + answer.body());
    }
    out.print(args.json() ? answer.body() + "\n" : view.apply(answer.json()));
    var failed = args.view() == Arguments.View.VALIDATE && !answer.object().getBoolean("passed");
    return failed ? Exit.FAILED : Exit.OK;
  }
}
