package app.confio.dashboard;

import app.confio.metrics.entity.Trend;
import java.math.BigDecimal;

/** One number on the dashboard: a window of a policy, its share, and how it moved. */
public record Tile(
    String label, String policy, int days, long value, BigDecimal percent, Trend trend) {

  /** "up", "down" or "flat" for the 7-day change, for the arrow's style. */
  public String direction() {
    if (trend == null || trend.change7() == null) {
      return "flat";
    }
    return trend.change7().signum() > 0 ? "up" : trend.change7().signum() < 0 ? "down" : "flat";
  }
}
