package app.confio.cli;

import app.confio.cli.Choices.StickinessMode;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stickiness}: users by active days in a window ({@code GET /api/admin/metrics/stickiness}).
 */
@Command(
    name = "stickiness",
    mixinStandardHelpOptions = true,
    description = {
      "Users by the number of days they were active in 7 or 28 days.",
      "Exactly N days or at least N (L7, L28), and per ISO week the share of its actives active on 5 days or more."
    })
final class StickinessCommand implements Callable<Integer> {

  @ParentCommand Cli cli;

  @Mixin Report report;

  @Option(names = "--window", paramLabel = "DAYS", description = "7 or 28 (7)")
  Integer window;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description = "${COMPLETION-CANDIDATES}: active on exactly N days, or on N or more (exact)")
  StickinessMode mode;

  @Option(names = "--as-of", paramLabel = "DATE", description = "the window's last day (yesterday)")
  LocalDate asOf;

  @Override
  public Integer call() {
    var query =
        report
            .query("api/admin/metrics/stickiness")
            .with("window", window)
            .with("mode", mode)
            .with("asOf", asOf);
    return report.show(cli, query, StickinessView::render);
  }
}
