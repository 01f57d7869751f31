package app.confio.cli;

import app.confio.cli.Choices.Period;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code growth}: where each period's actives came from ({@code GET /api/admin/metrics/lifecycle}).
 */
@Command(
    name = "growth",
    mixinStandardHelpOptions = true,
    description = {
      "New, returning, resurrecting and dormant users per period.",
      "Of the eligible users active in each period: new (first seen in it), returning (active in the period before too), resurrecting (seen before, not in the period before), and dormant (active in the period before, not in this one; shown below zero); the quick ratio is (new + resurrecting) / dormant."
    })
final class GrowthCommand implements Callable<Integer> {

  @ParentCommand Cli cli;

  @Mixin Report report;

  @Option(
      names = "--period",
      paramLabel = "PERIOD",
      description = "${COMPLETION-CANDIDATES}: a day, an ISO week, a calendar month (week)")
  Period period;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "first day (default: 90 days, 26 weeks or 12 months back)")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "last day (today)")
  LocalDate to;

  @Override
  public Integer call() {
    var query =
        report
            .query("api/admin/metrics/lifecycle")
            .with("period", period)
            .with("from", from)
            .with("to", to);
    return report.show(cli, query, LifecycleView::render);
  }
}
