package app.confio.cli;

import static app.confio.cli.Format.count;
import static app.confio.cli.Format.percent;

import jakarta.json.JsonObject;

/**
 * {@code activity-metrics --detailed} ({@code GET /api/admin/metrics/detailed}): both policies over
 * 1 to 90 days with the users who joined in each period, who was never active, the standard windows
 * by account kind, and who is excluded.
 */
final class DetailedView {

  private DetailedView() {}

  static String render(JsonObject detailed) {
    var periods = new Table("Days", "App-active", "%", "Transacting", "%", "New users");
    for (var period : detailed.getJsonArray("periods").getValuesAs(JsonObject.class)) {
      periods.row(
          period.getInt("days"),
          count(period, "appActive"),
          percent(period, "appActivePercent"),
          count(period, "transacting"),
          percent(period, "transactingPercent"),
          count(period, "newUsers"));
    }
    var kinds =
        new Table("Kind", "Policy", "Eligible", "DAU", "%", "WAU", "%", "MAU", "%").names(2);
    for (var kind : detailed.getJsonArray("byKind").getValuesAs(JsonObject.class)) {
      for (var policy : new String[] {"appActive", "transacting"}) {
        var figures = kind.getJsonObject(policy);
        MetricsView.policyRow(
            kinds,
            figures,
            kind.getString("kind"),
            Format.policy(figures.getString("policy")),
            count(kind, "eligible"));
      }
    }
    return "Active users by period, rolling windows ending at "
        + Format.time(detailed, "asOf")
        + "\n\n"
        + periods
        + "\nEligible users    "
        + count(detailed, "eligible")
        + "\nNever active      "
        + count(detailed, "neverActive")
        + "\nNever transacted  "
        + count(detailed, "neverTransacted")
        + "\nExcluded          "
        + Format.byReason(detailed.getJsonObject("excludedBy"))
        + "\n\nBy kind\n\n"
        + kinds;
  }
}
