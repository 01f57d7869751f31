package app.confio.activity.control;

import app.confio.activity.entity.ActivityKind;
import app.confio.activity.entity.Policy;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * One write the tracker decided to make: the policies whose window claim it won, and the policies
 * whose history row for {@code day} it must write. The first touch of a reporting day may win the
 * day without the window (one that began before midnight); it writes that policy's timestamp too.
 */
public record Touch(
    long userId,
    ActivityKind kind,
    OffsetDateTime at,
    LocalDate day,
    Set<Policy> policies,
    Set<Policy> dayPolicies) {

  /** The policies whose timestamp this touch writes: every window and every day it won. */
  public Set<Policy> timestamps() {
    var all = EnumSet.noneOf(Policy.class);
    all.addAll(policies);
    all.addAll(dayPolicies);
    return all;
  }

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
