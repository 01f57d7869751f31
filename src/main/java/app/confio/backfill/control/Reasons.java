package app.confio.backfill.control;

import app.confio.backfill.entity.Sample;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Why the two methods disagree on a user, in words an administrator can act on. */
final class Reasons {

  private Reasons() {}

  /** A row {@code (user_id, sourceAt, recordedAt)} counted by the old method only. */
  static Sample oldOnly(Object[] row, String column) {
    var sourceAt = at(row[1]);
    var recordedAt = at(row[2]);
    String reason;
    if (recordedAt == null) {
      reason =
          column
              + " is NULL: the tracker never recorded this user (history before tracking,"
              + " or a write lost); a backfill fills it in";
    } else if (recordedAt.isAfter(sourceAt)) {
      reason =
          column
              + " is "
              + recordedAt
              + ", after the end of the window: a timestamp in the future (a clock ahead)"
              + " counts only once its time has come";
    } else {
      reason =
          "activity in the tables at "
              + sourceAt
              + " is newer than the last write at "
              + recordedAt
              + ": a write the tracker missed; a backfill repairs it";
    }
    return new Sample(((Number) row[0]).longValue(), sourceAt, recordedAt, reason);
  }

  static Sample newOnly(long userId, OffsetDateTime sourceAt, OffsetDateTime recordedAt) {
    var reason =
        sourceAt == null
            ? "no row in the activity tables: the tracker counted something they do not record"
                + " (a refused mutation, a deposit, a mutation without a table)"
            : "the latest row in the activity tables, at "
                + sourceAt
                + ", is older than the"
                + " window: the tracker counted something they do not record";
    return new Sample(userId, sourceAt, recordedAt, reason);
  }

  /** A timestamp as the JDBC driver or EclipseLink hands it over. */
  static OffsetDateTime at(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime at) {
      return at;
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant().atOffset(ZoneOffset.UTC);
    }
    if (value instanceof Instant instant) {
      return instant.atOffset(ZoneOffset.UTC);
    }
    throw new IllegalArgumentException("Not a timestamp: " + value.getClass());
  }
}
