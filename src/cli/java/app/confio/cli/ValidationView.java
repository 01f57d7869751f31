package app.confio.cli;

import static app.confio.cli.Format.count;

import jakarta.json.JsonObject;
import java.util.Locale;

/**
 * {@code activity-metrics --validate} ({@code GET /api/admin/trust/validate}): is the tracked
 * history complete? Users active in the tables but never or too early recorded, the 30-day
 * coverage, and the expected results as PASS/FAIL lines.
 */
final class ValidationView {

  private ValidationView() {}

  static String render(JsonObject report) {
    var checks = new StringBuilder();
    for (var check : report.getJsonArray("checks").getValuesAs(JsonObject.class)) {
      checks
          .append(check.getBoolean("passed") ? "PASS  " : "FAIL  ")
          .append(check.getString("name"))
          .append(": ")
          .append(check.getString("detail"))
          .append('\n');
    }
    var days = report.getInt("days");
    var coverage = report.getJsonNumber("coverage").doubleValue() * 100;
    var counts =
        new Table(
                "Eligible users active in the tables within " + days + " days",
                count(report, "sourceActiveUsers"))
            .row("  never recorded (last_activity_at NULL)", count(report, "nullUsers"))
            .row(
                "  recorded over "
                    + report.getString("cooldown")
                    + " earlier than the tables (stale)",
                count(report, "staleUsers"))
            .row(
                "Eligible users active in the tables within 30 days",
                count(report, "sourceActive30"))
            .row("  recorded within 30 days", count(report, "recorded30"))
            .row("Coverage", String.format(Locale.ROOT, "%.2f%%", coverage));
    return "Validation of the tracked activity, as of "
        + Format.time(report, "asOf")
        + "\n\n"
        + counts
        + "\n"
        + checks
        + "\n"
        + SampleList.render("Never recorded", report.getJsonArray("nullSample"))
        + SampleList.render("Recorded too early", report.getJsonArray("staleSample"))
        + "\n"
        + (report.getBoolean("passed") ? "PASSED" : "FAILED")
        + "\n";
  }
}
