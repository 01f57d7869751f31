package app.confio.activity;

import app.confio.activity.boundary.ActivityTracker;
import app.confio.activity.control.Cooldown;
import app.confio.activity.entity.ActivityKind;
import app.confio.activity.entity.Policy;
import app.confio.testing.Burst;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;

/**
 * Test-only REST resource, added to the WAR by the tests that need it: calls the tracker inside the
 * server and waits for the writes it started, so a test can tell a cooldown hit from a write.
 */
@RequestScoped
@Path("probe")
@Produces(MediaType.TEXT_PLAIN)
public class TrackerProbe {

  @Inject ActivityTracker tracker;
  @Inject Cooldown cooldown;

  @Resource ManagedThreadFactory threads;

  @POST
  @Path("touch")
  public String touch(
      @QueryParam("user") long user,
      @QueryParam("kind") ActivityKind kind,
      @QueryParam("mode") ActivityTracker.Mode mode,
      @QueryParam("at") String at)
      throws Exception {
    var when = at == null ? OffsetDateTime.now() : OffsetDateTime.parse(at);
    var write = tracker.record(user, kind, when, mode);
    return write.isEmpty() ? "COOLDOWN" : write.get().get(30, TimeUnit.SECONDS).name();
  }

  /** {@code threads} threads touch one user at the same moment; answers outcome counts. */
  @POST
  @Path("burst")
  public String burst(@QueryParam("user") long user, @QueryParam("threads") int count)
      throws Exception {
    return Burst.outcomes(
        threads,
        count,
        () -> {
          var write =
              tracker.record(
                  user,
                  ActivityKind.OTHER_MUTATION,
                  OffsetDateTime.now(),
                  ActivityTracker.Mode.WINDOWED);
          return write.isEmpty() ? "COOLDOWN" : write.get().get(30, TimeUnit.SECONDS).name();
        });
  }

  /**
   * Times {@code n} calls of {@code touch} for a user in cooldown, after as many for warm-up;
   * answers the median, 99th and 99.9th percentiles in nanoseconds.
   */
  @POST
  @Path("latency")
  public String latency(@QueryParam("user") long user, @QueryParam("n") int n) {
    tracker.touch(user, ActivityKind.OTHER_MUTATION);
    for (int i = 0; i < n; i++) {
      tracker.touch(user, ActivityKind.OTHER_MUTATION);
    }
    var nanos = new long[n];
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      tracker.touch(user, ActivityKind.OTHER_MUTATION);
      nanos[i] = System.nanoTime() - start;
    }
    java.util.Arrays.sort(nanos);
    return "median="
        + nanos[n / 2]
        + " p99="
        + nanos[(int) (n * 0.99)]
        + " p999="
        + nanos[(int) (n * 0.999)];
  }

  /** Ends the user's windows and today's history claims, as if the cooldown had run out. */
  @POST
  @Path("release")
  public String release(@QueryParam("user") long user) {
    for (var policy : Policy.values()) {
      cooldown.release(user, policy);
      cooldown.releaseDay(user, policy, LocalDate.now(java.time.ZoneOffset.UTC));
    }
    return "RELEASED";
  }
}
