package app.confio.activity.boundary;

import app.confio.activity.control.ActivityCounters;
import app.confio.activity.control.ActivityStore;
import app.confio.activity.control.ActivityWriter;
import app.confio.activity.control.Cooldown;
import app.confio.activity.control.Replayed;
import app.confio.activity.control.ReportingDay;
import app.confio.activity.control.Touch;
import app.confio.activity.entity.ActivityKind;
import app.confio.activity.entity.Policy;
import app.confio.platform.Actor;
import app.confio.platform.GridCalls;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The only writer of {@code users.last_activity_at}, {@code users.last_transaction_at} and {@code
 * user_activity_day}. Call it from anywhere — a request, a timer, an observer, an asynchronous
 * method — it never throws and never waits for the database:
 *
 * <ul>
 *   <li>{@link #touch(long, ActivityKind)}: the user did something now. Within the cooldown window
 *       (5 minutes by default) only the first touch of a user in the whole cluster writes, and the
 *       first touch of each reporting day: a window that began before local midnight does not keep
 *       the new day out of the history.
 *   <li>{@link #touch(long, ActivityKind, boolean)} with {@code force}: writes even inside the
 *       window, and starts a new one.
 *   <li>{@link #touch(long, ActivityKind, OffsetDateTime)}: the user did something at a known
 *       moment (imports). It neither takes nor respects the window, which is about now.
 *   <li>{@link #replay(String, long, long, OffsetDateTime)}: recorded activity of many users at
 *       once, set-based (the backfill).
 * </ul>
 *
 * A stored timestamp never moves backwards, and a timestamp in the future is clamped to now: a
 * clock ahead of the database's must not mark a user active tomorrow.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ActivityTracker {

  @Inject Cooldown cooldown;
  @Inject ReportingDay reportingDay;
  @Inject ActivityCounters counters;
  @EJB ActivityWriter writer;
  @EJB ActivityStore store;
  @Inject Actor actor;
  @Inject GridCalls grid;

  @Inject
  @ConfigProperty(name = "confio.activity.enabled", defaultValue = "true")
  boolean enabled;

  public void touch(long userId, ActivityKind kind) {
    record(userId, kind, null, Mode.WINDOWED, null);
  }

  public void touch(long userId, ActivityKind kind, boolean force) {
    record(userId, kind, null, force ? Mode.FORCED : Mode.WINDOWED, null);
  }

  public void touch(long userId, ActivityKind kind, OffsetDateTime at) {
    record(userId, kind, at, Mode.AT, null);
  }

  /**
   * Replays recorded activity for the users with ids {@code firstUserId} to {@code lastUserId}, in
   * the caller's transaction, by the same rules as a touch: timestamps only move forward and never
   * into the future, a day row is written once and only ever turns transacting. {@code events} is a
   * select of {@code (user_id, at, transacting)} whose parameters ?1 and ?2 are the first and last
   * user id and ?3 {@code since}. Unlike a touch it throws: the caller decides what a failure
   * means. Neither takes nor respects the cooldown window.
   */
  public Replayed replay(String events, long firstUserId, long lastUserId, OffsetDateTime since) {
    Objects.requireNonNull(events, "The events to replay are required");
    Objects.requireNonNull(since, "The earliest moment to replay is required");
    if (firstUserId > lastUserId) {
      throw new IllegalArgumentException(
          "Empty range of users: " + firstUserId + " to " + lastUserId);
    }
    return store.replay(events, firstUserId, lastUserId, since);
  }

  /** How a touch treats the cooldown window. */
  public enum Mode {
    WINDOWED,
    FORCED,
    AT
  }

  /**
   * The write this touch started, if any; empty when the cooldown absorbed it. {@code at} null
   * means now. Exposed for tests and benchmarks that wait for the write; callers use {@code touch}.
   */
  public Optional<Future<Touch.Outcome>> record(
      long userId, ActivityKind kind, OffsetDateTime at, Mode mode) {
    return record(userId, kind, at, mode, CLAIM_DECIDED);
  }

  /**
   * How long the tests' and benchmarks' {@link #record} waits for the claims to be decided, so that
   * its answer says what became of the touch; {@code touch} waits {@code confio.grid.timeout}.
   */
  static final Duration CLAIM_DECIDED = Duration.ofMinutes(3);

  private Optional<Future<Touch.Outcome>> record(
      long userId, ActivityKind kind, OffsetDateTime at, Mode mode, Duration wait) {
    if (!enabled || kind == null || impersonated()) {
      return Optional.empty();
    }
    var timing = counters.touched(kind);
    try {
      var now = OffsetDateTime.now();
      var ts = at == null || at.isAfter(now) ? now : at;
      var day = reportingDay.of(ts);
      if (mode == Mode.WINDOWED && heldHere(userId, kind.policies(), day)) {
        counters.cooldownHit();
        return Optional.empty();
      }
      // The claims ask the data grid, whose partition owner may be slow or frozen: they run off
      // the caller's thread, and the caller waits for them at most confio.grid.timeout. A claim
      // that answers later still writes, from there; one the pool cannot even take writes anyway.
      Supplier<Optional<Future<Touch.Outcome>>> claimAndWrite =
          () -> claimAndWrite(userId, kind, ts, day, mode);
      Supplier<Optional<Future<Touch.Outcome>>> writeAnyway =
          () -> write(new Touch(userId, kind, ts, day, kind.policies(), kind.policies()));
      return wait == null
          ? grid.within(
              GridCalls.Operation.ACTIVITY_CLAIM, claimAndWrite, Optional.empty(), writeAnyway)
          : grid.within(
              GridCalls.Operation.ACTIVITY_CLAIM,
              claimAndWrite,
              wait,
              Optional.empty(),
              writeAnyway);
    } catch (RuntimeException e) {
      counters.failed("Activity of user " + userId + " not tracked", e);
      return Optional.empty();
    } finally {
      timing.stop();
    }
  }

  /**
   * Claims the user's windows and days, then writes what was won. When the grid fails to decide at
   * all (its own operation timeout, a member gone), the touch writes every policy anyway: the write
   * is conditional and never moves a timestamp backwards, so the price of not knowing is one more
   * write, never a wrong figure. Never throws: it may run after the caller has returned.
   */
  private Optional<Future<Touch.Outcome>> claimAndWrite(
      long userId, ActivityKind kind, OffsetDateTime ts, LocalDate day, Mode mode) {
    Touch touch;
    try {
      var newDay = EnumSet.noneOf(Policy.class);
      var policies = claim(userId, kind.policies(), mode, day, newDay);
      var dayPolicies = claimDays(userId, union(policies, newDay), day);
      if (policies.isEmpty() && dayPolicies.isEmpty()) {
        counters.cooldownHit();
        return Optional.empty();
      }
      touch = new Touch(userId, kind, ts, day, policies, dayPolicies);
    } catch (RuntimeException gridFailed) {
      counters.failed("Cooldown of user " + userId + " not claimed; written anyway", gridFailed);
      touch = new Touch(userId, kind, ts, day, kind.policies(), kind.policies());
    }
    return write(touch);
  }

  private Optional<Future<Touch.Outcome>> write(Touch touch) {
    try {
      return Optional.of(writer.write(touch));
    } catch (RuntimeException e) {
      writer.giveBack(touch);
      counters.failed("Activity of user " + touch.userId() + " not tracked", e);
      return Optional.empty();
    }
  }

  /**
   * Nothing done in a request under an {@code act} token is anyone's activity, whoever calls: the
   * interceptor and the money observer skip it already, and so does every other path here (a
   * session refresh, a caller yet to be written). Outside a request nobody impersonates anyone.
   */
  private boolean impersonated() {
    try {
      return actor.impersonator().isPresent();
    } catch (ContextNotActiveException e) {
      return false;
    }
  }

  /**
   * The policies whose window this touch won. A window held since another reporting day goes to
   * {@code newDay}: the first touch of a day writes that day's history row whatever the window.
   */
  private Set<Policy> claim(
      long userId, Set<Policy> wanted, Mode mode, LocalDate day, Set<Policy> newDay) {
    var won = EnumSet.noneOf(Policy.class);
    for (var policy : wanted) {
      switch (mode) {
        case AT -> won.add(policy);
        case FORCED -> {
          cooldown.renew(userId, policy, day);
          won.add(policy);
        }
        case WINDOWED -> {
          switch (cooldown.claim(userId, policy, day)) {
            case WON -> won.add(policy);
            case HELD_SINCE_OTHER_DAY -> newDay.add(policy);
            case HELD -> {}
          }
        }
      }
    }
    return won;
  }

  /**
   * True when this member already knows every window of the touch is held since {@code day}: the
   * grid would answer "cooldown" and claim no day, so the touch ends on the caller's thread.
   */
  private boolean heldHere(long userId, Set<Policy> policies, LocalDate day) {
    for (var policy : policies) {
      if (!cooldown.heldHere(userId, policy, day)) {
        return false;
      }
    }
    return true;
  }

  private Set<Policy> claimDays(long userId, Set<Policy> policies, LocalDate day) {
    var won = EnumSet.noneOf(Policy.class);
    for (var policy : policies) {
      if (cooldown.claimDay(userId, policy, day)) {
        won.add(policy);
      }
    }
    return won;
  }

  private static Set<Policy> union(Set<Policy> a, Set<Policy> b) {
    var all = EnumSet.copyOf(a);
    all.addAll(b);
    return all;
  }
}
