package app.confio.cli;

import app.confio.cli.Choices.CohortKind;
import app.confio.cli.Choices.Period;
import app.confio.cli.Choices.RetentionMode;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code retention}: the cohort triangle ({@code GET /api/admin/metrics/retention}). */
@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description = {
      "Cohort retention: the share of each cohort active N periods later.",
      "Cells whose period has not ended yet are marked *: they can still grow, so they are no drop."
    })
final class RetentionCommand implements Callable<Integer> {

  @ParentCommand Cli cli;

  @Mixin Report report;

  @Option(
      names = "--cohort",
      paramLabel = "PERIOD",
      description = "${COMPLETION-CANDIDATES} (month)")
  Period cohort;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description = "${COMPLETION-CANDIDATES}: active in exactly period N, or in N or later (on)")
  RetentionMode mode;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description =
          "${COMPLETION-CANDIDATES}: users first seen in the cohort's period, or all active in it"
              + " (first-time)")
  CohortKind kind;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "first cohort's day (12 months, 26 weeks or 90 days back)")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "last day (today)")
  LocalDate to;

  @Option(names = "--counts", description = "users in the cells instead of shares")
  boolean counts;

  @Override
  public Integer call() {
    var query =
        report
            .query("api/admin/metrics/retention")
            .with("cohort", cohort)
            .with("mode", mode)
            .with("kind", kind)
            .with("from", from)
            .with("to", to);
    return report.show(cli, query, answer -> RetentionView.render(answer, counts));
  }
}
