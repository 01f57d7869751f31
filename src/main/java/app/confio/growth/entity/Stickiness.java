package app.confio.growth.entity;

import app.confio.activity.entity.Policy;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How often the active users come back: eligible users by the number of days they were active in
 * the {@code window} (7 or 28) days ending with {@code asOf}, exactly N days or at least N; and per
 * ISO week, the share of that week's actives who were active on five days or more of it.
 */
public record Stickiness(
    Policy policy,
    int window,
    Mode mode,
    LocalDate from,
    LocalDate asOf,
    long activeUsers,
    List<Bucket> days,
    List<Week> weekly) {

  @Schema(name = "StickinessMode")
  public enum Mode {
    EXACT,
    AT_LEAST;

    public static Mode parse(String value) {
      return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
        case "", "exact" -> EXACT;
        case "at-least" -> AT_LEAST;
        default ->
            throw new app.confio.platform.InvalidInputException(
                "mode must be exact or at-least, not '" + value + "'");
      };
    }
  }

  /** Users active on {@code days} days (exactly, or at least), and their share of the actives. */
  @Schema(name = "StickinessBucket")
  public record Bucket(int days, long users, double share) {}

  public record Week(
      String week, LocalDate start, long activeUsers, long fivePlusDays, double share) {}
}
