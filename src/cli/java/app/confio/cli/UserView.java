package app.confio.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.stream.Collectors;

/**
 * {@code user}: who the user is ({@code GET /api/admin/users?q=}), whether they count, and their
 * days ({@code GET /api/admin/users/{id}/activity}) with the activity tables' rows behind each. A
 * day with rows but not recorded is history the backfill has not replayed yet.
 */
final class UserView {

  private UserView() {}

  static String render(JsonObject match, JsonObject activity) {
    var facts =
        new Table("User", match.getJsonNumber("id") + "  " + text(match, "phone"))
            .names(2)
            .row("Name", text(match, "displayName"))
            .row(
                "Status",
                activity.getString("status")
                    + ", "
                    + activity.getString("kind")
                    + ", "
                    + (activity.getBoolean("eligible") ? "eligible" : "not eligible"))
            .row("First seen", text(activity, "firstSeen") + " app-active")
            .row("", text(activity, "firstTransacting") + " transacting")
            .row("Last activity", Format.time(activity, "lastActivityAt"))
            .row("Last transaction", Format.time(activity, "lastTransactionAt"));
    var days = new Table("Day", "App-active", "Transacting", "Sources").names(4);
    var app = 0;
    var transacting = 0;
    for (var day : activity.getJsonArray("days").getValuesAs(JsonObject.class)) {
      app += day.getBoolean("appActive") ? 1 : 0;
      transacting += day.getBoolean("transacting") ? 1 : 0;
      days.row(
          day.getString("day"),
          day.getBoolean("appActive") ? "yes" : "-",
          day.getBoolean("transacting") ? "yes" : "-",
          sources(day));
    }
    return facts
        + "\nDays %s to %s (%s): %d app-active, %d transacting\n\n"
            .formatted(
                activity.getString("from"),
                activity.getString("to"),
                activity.getString("zone"),
                app,
                transacting)
        + days;
  }

  /** login_events 1, send_transactions 2 (money); "none" for a day no table backs. */
  static String sources(JsonObject day) {
    var sources = day.getJsonArray("sources").getValuesAs(JsonObject.class);
    if (sources.isEmpty()) {
      return "none";
    }
    return sources.stream()
        .map(
            s ->
                s.getString("table")
                    + " "
                    + Format.count(s, "rows")
                    + (s.getBoolean("movedMoney") ? " (money)" : ""))
        .collect(Collectors.joining(", "));
  }

  private static String text(JsonObject json, String field) {
    return json.get(field) instanceof JsonString value ? value.getString() : "-";
  }
}
