package app.confio.metrics.entity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The detailed view: active users over more windows, new users per window, users never active, and
 * the standard windows split by account kind. Rolling windows ending at {@code asOf}.
 */
public record Breakdown(
    OffsetDateTime asOf,
    long eligible,
    List<Period> periods,
    long neverActive,
    long neverTransacted,
    List<KindFigures> byKind,
    Map<String, Long> excludedBy) {

  public static final List<Integer> DAYS = List.of(1, 3, 7, 14, 30, 60, 90);

  /** One window: who was active in it under each policy, and who joined in it. */
  @Schema(name = "BreakdownWindow")
  public record Period(
      int days,
      long appActive,
      BigDecimal appActivePercent,
      long transacting,
      BigDecimal transactingPercent,
      long newUsers) {}

  /** The standard windows for one account kind, as shares of that kind's eligible users. */
  public record KindFigures(
      String kind, long eligible, PolicyFigures appActive, PolicyFigures transacting) {}
}
