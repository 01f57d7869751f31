package app.confio.cli;

import static app.confio.cli.Format.count;

import jakarta.json.JsonObject;
import java.math.RoundingMode;

/**
 * {@code retention} ({@code GET /api/admin/metrics/retention}): the cohort triangle. One row per
 * cohort: its size, then per period N after it the share of the cohort active (or, with {@code
 * --counts}, the users); a cell whose period has not ended is marked {@link #INCOMPLETE}.
 */
final class RetentionView {

  static final String INCOMPLETE = "*";

  private RetentionView() {}

  static String render(JsonObject retention, boolean counts) {
    var cohorts = retention.getJsonArray("cohorts").getValuesAs(JsonObject.class);
    var periods = cohorts.stream().mapToInt(c -> c.getJsonArray("cells").size()).max().orElse(0);
    var header = new String[periods + 2];
    header[0] = "Cohort";
    header[1] = "Users";
    for (int n = 0; n < periods; n++) {
      header[n + 2] = n + " ";
    }
    var table = new Table(header);
    var incomplete = false;
    for (var cohort : cohorts) {
      var cells = cohort.getJsonArray("cells").getValuesAs(JsonObject.class);
      var row = new String[cells.size() + 2];
      row[0] = cohort.getString("cohort");
      row[1] = count(cohort, "size");
      for (var cell : cells) {
        var complete = cell.getBoolean("complete");
        incomplete |= !complete;
        row[cell.getInt("n") + 2] = value(cell, counts) + (complete ? " " : INCOMPLETE);
      }
      table.row((Object[]) row);
    }
    var period = Format.policy(retention.getString("cohortPeriod"));
    return "Retention of %s %s cohorts by %s: %s of each cohort active %s\n%s to %s (%s)\n\n"
            .formatted(
                Format.policy(retention.getString("kind")),
                Format.policy(retention.getString("policy")),
                period,
                counts ? "users" : "% of users",
                "ON".equals(retention.getString("mode")) ? "in period N" : "in period N or later",
                retention.getString("from"),
                retention.getString("to"),
                retention.getString("zone"))
        + table
        + (incomplete
            ? "\n" + INCOMPLETE + " the " + period + " has not ended yet: it can still grow\n"
            : "");
  }

  /** A cell: the share of its cohort in percent, two decimals, or its users. */
  static String value(JsonObject cell, boolean counts) {
    return counts
        ? count(cell, "users")
        : cell.getJsonNumber("share")
            .bigDecimalValue()
            .setScale(2, RoundingMode.HALF_UP)
            .toString();
  }
}
