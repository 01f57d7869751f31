package app.confio.cli;

import static app.confio.cli.Format.count;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

/**
 * {@code activity-metrics --compare-methods} ({@code GET /api/admin/trust/compare}): per policy,
 * the old method (distinct users in the activity tables) beside the new one (tracked timestamps),
 * the difference in users and in percent of the old figure, and samples of users only one counts.
 */
final class ComparisonView {

  private ComparisonView() {}

  static String render(JsonArray comparisons) {
    var text = new StringBuilder();
    for (var comparison : comparisons.getValuesAs(JsonObject.class)) {
      var table = new Table("Figure", "Days", "Old method", "New method", "Difference", "%");
      for (var row : comparison.getJsonArray("figures").getValuesAs(JsonObject.class)) {
        table.row(
            row.getString("figure"),
            row.getInt("days"),
            count(row, "oldMethod"),
            count(row, "newMethod"),
            signed(row.getJsonNumber("difference").longValue()),
            row.get("percent") instanceof JsonNumber percent
                ? "%+.1f".formatted(percent.doubleValue())
                : "n/a");
      }
      var days = comparison.getInt("sampleDays");
      text.append(Format.policy(comparison.getString("policy")))
          .append(", rolling windows ending at ")
          .append(Format.time(comparison, "asOf"))
          .append("\n\n")
          .append(table)
          .append('\n')
          .append(
              SampleList.render(
                  "Counted by the old method only (last " + days + " days)",
                  comparison.getJsonArray("oldOnly")))
          .append(
              SampleList.render(
                  "Counted by the new method only (last " + days + " days)",
                  comparison.getJsonArray("newOnly")))
          .append('\n');
    }
    return "Old method (activity tables) against new (tracked last activity)\n\n" + text;
  }

  private static String signed(long difference) {
    return (difference > 0 ? "+" : "") + count(difference);
  }
}
