package app.confio.cli;

import static app.confio.cli.Format.count;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Locale;

/** A backfill run's progress ({@code GET /api/admin/backfill}) as one line, and its outcome. */
final class ProgressView {

  private ProgressView() {}

  /** RUNNING 42.5% chunks 3 rows 12,345 elapsed 0:00:12 remaining 0:00:17 */
  static String line(JsonObject progress) {
    var remaining =
        progress.get("remainingSeconds") instanceof JsonNumber seconds
            ? Format.duration(seconds.longValue())
            : "?";
    return String.format(
        Locale.ROOT,
        "%-11s %5.1f%%  chunks %s  rows %s  elapsed %s  remaining %s",
        progress.getString("status"),
        progress.getJsonNumber("percent").doubleValue(),
        count(progress, "chunks"),
        count(progress, "rowsWritten"),
        Format.duration(progress.getJsonNumber("elapsedSeconds").longValue()),
        remaining);
  }

  /** Backfill run 3 FINISHED: 730 days since …, 1,995 users updated, … in 0:00:01 */
  static String outcome(JsonObject progress) {
    var error =
        progress.get("error") instanceof JsonString text ? "\nError: " + text.getString() : "";
    return "Backfill run %s %s: %s days since %s, %s users updated, %s days written (%s rows),"
            .formatted(
                progress.get("runId"),
                progress.getString("status"),
                progress.getInt("days"),
                Format.time(progress, "since"),
                count(progress, "usersUpdated"),
                count(progress, "daysWritten"),
                count(progress, "rowsWritten"))
        + " %s chunks, %s resumes, in %s"
            .formatted(
                count(progress, "chunks"),
                count(progress, "resumes"),
                Format.duration(progress.getJsonNumber("elapsedSeconds").longValue()))
        + error;
  }
}
