package app.confio.growth.entity;

import app.confio.activity.entity.Policy;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How cohorts stay. A <em>first-time</em> cohort is the eligible users first seen in a period; a
 * <em>recurring</em> one is every eligible user active in it. Cell N of a cohort counts its users
 * active in exactly the N-th period after it (mode <em>on</em>) or in that period or any later one
 * (<em>on-or-after</em>); cell 0 is the whole cohort. A cell whose period has not ended yet is
 * marked incomplete: its count can still grow, so it is no drop.
 */
public record Retention(
    Policy policy,
    Period cohortPeriod,
    Mode mode,
    Kind kind,
    LocalDate from,
    LocalDate to,
    String zone,
    List<Cohort> cohorts) {

  @Schema(name = "RetentionMode")
  public enum Mode {
    ON,
    ON_OR_AFTER;

    public static Mode parse(String value) {
      return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
        case "", "on" -> ON;
        case "on-or-after" -> ON_OR_AFTER;
        default -> throw invalid("mode must be on or on-or-after, not '" + value + "'");
      };
    }
  }

  @Schema(name = "CohortKind")
  public enum Kind {
    FIRST_TIME,
    RECURRING;

    public static Kind parse(String value) {
      return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
        case "", "first-time" -> FIRST_TIME;
        case "recurring" -> RECURRING;
        default -> throw invalid("kind must be first-time or recurring, not '" + value + "'");
      };
    }
  }

  public record Cohort(String cohort, LocalDate start, long size, List<Cell> cells) {}

  public record Cell(int n, String period, long users, double share, boolean complete) {}

  private static app.confio.platform.InvalidInputException invalid(String message) {
    return new app.confio.platform.InvalidInputException(message);
  }
}
