package app.confio.cli;

import static app.confio.cli.Format.count;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.math.RoundingMode;

/**
 * {@code growth} ({@code GET /api/admin/metrics/lifecycle}): per period the new, returning and
 * resurrecting users (who add up to the actives), the dormant ones below zero, and the quick ratio;
 * a period that has not ended yet is marked with {@link #INCOMPLETE}.
 */
final class LifecycleView {

  static final String INCOMPLETE = "*";

  private LifecycleView() {}

  static String render(JsonObject lifecycle) {
    var table =
        new Table("Period", "New", "Returning", "Resurrecting", "Dormant", "Active", "Quick ratio");
    var incomplete = false;
    for (var bucket : lifecycle.getJsonArray("periods").getValuesAs(JsonObject.class)) {
      var complete = bucket.getBoolean("complete");
      incomplete |= !complete;
      table.row(
          bucket.getString("period") + (complete ? "" : INCOMPLETE),
          count(bucket, "newUsers"),
          count(bucket, "returning"),
          count(bucket, "resurrecting"),
          count(-bucket.getJsonNumber("dormant").longValue()),
          count(bucket, "active"),
          ratio(bucket));
    }
    return "Growth of %s users by %s, %s to %s (%s)\n\n"
            .formatted(
                Format.policy(lifecycle.getString("policy")),
                Format.policy(lifecycle.getString("period")),
                lifecycle.getString("from"),
                lifecycle.getString("to"),
                lifecycle.getString("zone"))
        + table
        + (incomplete
            ? "\n" + INCOMPLETE + " the period has not ended yet: it can still grow\n"
            : "")
        + "Quick ratio = (new + resurrecting) / dormant; - when nobody went dormant\n";
  }

  /** The server's quick ratio (three decimals at most), or "-" when nobody went dormant. */
  static String ratio(JsonObject bucket) {
    return bucket.get("quickRatio") instanceof JsonNumber ratio
        ? ratio.bigDecimalValue().setScale(3, RoundingMode.HALF_UP).toString()
        : "-";
  }
}
