package app.confio.cli;

import static app.confio.cli.Format.count;
import static app.confio.cli.Format.percent;

import jakarta.json.JsonObject;

/**
 * {@code stickiness} ({@code GET /api/admin/metrics/stickiness}): the active users of the window by
 * the days they were active (exactly N, or at least N), and per ISO week the share of its actives
 * active on five days or more.
 */
final class StickinessView {

  private StickinessView() {}

  static String render(JsonObject stickiness) {
    var exact = "EXACT".equals(stickiness.getString("mode"));
    var days = new Table(exact ? "Days" : "At least", "Users", "% of actives");
    for (var bucket : stickiness.getJsonArray("days").getValuesAs(JsonObject.class)) {
      days.row(bucket.getInt("days"), count(bucket, "users"), percent(bucket, "share"));
    }
    var weeks = new Table("Week", "Active", "5+ days", "%");
    for (var week : stickiness.getJsonArray("weekly").getValuesAs(JsonObject.class)) {
      weeks.row(
          week.getString("week"),
          count(week, "activeUsers"),
          count(week, "fivePlusDays"),
          percent(week, "share"));
    }
    return "Stickiness of %s users: active on %s N of the %d days %s to %s\n\n"
            .formatted(
                Format.policy(stickiness.getString("policy")),
                exact ? "exactly" : "at least",
                stickiness.getInt("window"),
                stickiness.getString("from"),
                stickiness.getString("asOf"))
        + days
        + "\nActive users  "
        + count(stickiness, "activeUsers")
        + "\n\nEach week's active users, and those active on 5 days or more of it\n\n"
        + weeks;
  }
}
