package app.confio.backfill;

import app.confio.activity.entity.Policy;
import app.confio.backfill.control.Backfill;
import app.confio.backfill.control.BackfillBusyException;
import app.confio.backfill.control.BackfillRequest;
import app.confio.backfill.control.LegacyActivitySources;
import app.confio.backfill.control.MethodComparison;
import app.confio.backfill.control.Validation;
import app.confio.backfill.entity.Trigger;
import app.confio.platform.Refusal;
import app.confio.testing.Burst;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Test-only REST resource, added to the WAR by {@link BackfillIT}: drives the backfill control and
 * the old method inside the server, where the admin endpoint's authentication does not get in the
 * way. Answers progress as JSON, or the refusal's code.
 */
@RequestScoped
@Path("backfill-probe")
@Produces(MediaType.TEXT_PLAIN)
public class BackfillProbe {

  @Inject Backfill backfill;
  @Inject app.confio.backfill.boundary.BackfillTimer timer;
  @Inject LegacyActivitySources legacy;
  @Inject MethodComparison comparison;
  @Inject Validation validation;
  @Resource ManagedThreadFactory threads;

  /** The scheduled backfill's firing at {@code firedAt}: whether this member claimed it. */
  @POST
  @Path("scheduled")
  @Produces(MediaType.TEXT_PLAIN)
  public String scheduled(@QueryParam("firedAt") String firedAt) {
    return Boolean.toString(timer.repair(java.time.Instant.parse(firedAt)));
  }

  @POST
  @Path("start")
  public String start(
      @QueryParam("days") int days,
      @QueryParam("chunkSize") Integer chunkSize,
      @QueryParam("maxChunks") Integer maxChunks) {
    try {
      var request =
          new BackfillRequest(
              days,
              Trigger.ON_DEMAND,
              chunkSize == null ? 10_000 : chunkSize,
              maxChunks == null ? Integer.MAX_VALUE : maxChunks);
      return JsonbBuilder.create().toJson(backfill.start(request));
    } catch (Refusal e) {
      return e.code();
    }
  }

  /** Waits until no member runs a backfill; answers the last run's progress. */
  @POST
  @Path("await")
  public String await() throws InterruptedException {
    var deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (backfill.progress().map(p -> p.running()).orElse(false)) {
      if (System.nanoTime() > deadline) {
        return "TIMEOUT";
      }
      Thread.sleep(50);
    }
    return JsonbBuilder.create().toJson(backfill.progress().orElseThrow());
  }

  /** {@code threads} threads ask for a backfill at the same moment; answers outcome counts. */
  @POST
  @Path("burst")
  public String burst(@QueryParam("threads") int count, @QueryParam("days") int days)
      throws Exception {
    return Burst.outcomes(
        threads,
        count,
        () -> {
          try {
            backfill.start(days, Trigger.ON_DEMAND);
            return "STARTED";
          } catch (BackfillBusyException e) {
            return e.code();
          }
        });
  }

  /** The old method's counts for the windows (days, comma-separated) ending at {@code asOf}. */
  @GET
  @Path("legacy")
  public String legacy(
      @QueryParam("policy") Policy policy,
      @QueryParam("asOf") String asOf,
      @QueryParam("windows") String windows) {
    var days = Arrays.stream(windows.split(",")).mapToInt(Integer::parseInt).toArray();
    try {
      return Arrays.toString(legacy.activeUsers(policy, OffsetDateTime.parse(asOf), days));
    } catch (Refusal e) {
      return e.code();
    }
  }

  @GET
  @Path("compare")
  public String compare(
      @QueryParam("policy") Policy policy,
      @QueryParam("days") int days,
      @QueryParam("samples") int samples) {
    return JsonbBuilder.create().toJson(comparison.compare(policy, days, samples));
  }

  @GET
  @Path("validate")
  public String validate(@QueryParam("days") int days, @QueryParam("samples") int samples) {
    return JsonbBuilder.create().toJson(validation.validate(days, samples));
  }
}
