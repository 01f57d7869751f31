package app.confio.cli;

import static app.confio.cli.Format.count;
import static app.confio.cli.Format.percent;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code activity-metrics}: DAU, WAU and MAU of both policies with their shares of the eligible
 * users ({@code GET /api/admin/metrics}), or the users active within a custom period ({@code GET
 * /api/admin/metrics/active?days=N}).
 */
final class MetricsView {

  private MetricsView() {}

  static String current(JsonObject metrics) {
    var table = new Table("Policy", "DAU", "%", "WAU", "%", "MAU", "%");
    for (var figures : metrics.getJsonArray("policies").getValuesAs(JsonObject.class)) {
      policyRow(table, figures, Format.policy(figures.getString("policy")));
    }
    return "Active users, rolling windows ending at "
        + Format.time(metrics, "asOf")
        + "\n\n"
        + table
        + "\nEligible users  "
        + count(metrics, "eligible")
        + "\nExcluded        "
        + count(metrics, "excluded")
        + " ("
        + Format.byReason(metrics.getJsonObject("excludedBy"))
        + ")\n";
  }

  /** One row of DAU, WAU and MAU with their percentages, after the given first cells. */
  static void policyRow(Table table, JsonObject figures, Object... first) {
    var cells = new ArrayList<Object>(Arrays.asList(first));
    cells.addAll(
        List.of(
            count(figures, "dau"),
            percent(figures, "dauPercent"),
            count(figures, "wau"),
            percent(figures, "wauPercent"),
            count(figures, "mau"),
            percent(figures, "mauPercent")));
    table.row(cells.toArray());
  }

  static String active(JsonArray answer) {
    var rows = answer.getValuesAs(JsonObject.class);
    var table = new Table("Policy", "Active", "%", "Eligible");
    for (var active : rows) {
      table.row(
          Format.policy(active.getString("policy")),
          count(active, "active"),
          percent(active, "percent"),
          count(active, "eligible"));
    }
    var days = rows.isEmpty() ? 0 : rows.get(0).getInt("days");
    return "Active users within " + days + " days, rolling window ending now\n\n" + table;
  }
}
