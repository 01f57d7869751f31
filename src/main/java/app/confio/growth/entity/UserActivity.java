package app.confio.growth.entity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Why a user is counted: their recorded days under both policies, first seen and last activity, and
 * beside each day the rows of the activity tables that back it. A day with source rows and no
 * recorded row shows history the backfill has not replayed yet; rows a staff member wrote on the
 * user's behalf are not the user's activity and are not listed.
 */
public record UserActivity(
    long userId,
    String status,
    String kind,
    boolean eligible,
    LocalDate from,
    LocalDate to,
    String zone,
    LocalDate firstSeen,
    LocalDate firstTransacting,
    OffsetDateTime lastActivityAt,
    OffsetDateTime lastTransactionAt,
    List<Day> days) {

  /** One reporting day: whether it is recorded (app-active, transacting) and its source rows. */
  public record Day(LocalDate day, boolean appActive, boolean transacting, List<Source> sources) {}

  /** The rows of one activity table on that day, and whether any of them moved money. */
  public record Source(String table, long rows, boolean movedMoney) {}
}
