package app.confio.activity.control;

import app.confio.activity.entity.ActivityKind;
import app.confio.activity.entity.Policy;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * One write the tracker decided to make: the policies whose window claim it won, and the policies
 * whose history row for {@code day} it must write.
 */
public record Touch(
    long userId,
    ActivityKind kind,
    OffsetDateTime at,
    LocalDate day,
    Set<Policy> policies,
    Set<Policy> dayPolicies) {

  /** What became of a write. */
  public enum Outcome {
    /** The timestamp moved forward (or the history row was written). */
    WRITTEN,
    /** The stored values were already as new or newer: nothing changed. */
    UNCHANGED,
    /** No such user: nothing to write. */
    UNKNOWN_USER,
    /** The database failed; the claims were released so the next action retries. */
    FAILED
  }
}
