package app.confio.metrics;

import app.confio.activity.entity.Policy;
import app.confio.metrics.boundary.SnapshotSchedule;
import app.confio.metrics.control.ActivityMetrics;
import app.confio.metrics.entity.ActiveUsers;
import app.confio.metrics.entity.CurrentMetrics;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Test-only REST resource, added to the WAR by the tests that need it: the metrics at a pinned
 * moment (so users placed one second either side of a window's edge stay there), and a firing of
 * the snapshot job at a chosen time, answering whether this member ran it.
 */
@RequestScoped
@Path("probe/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsProbe {

  @Inject ActivityMetrics metrics;
  @Inject SnapshotSchedule schedule;

  @GET
  public CurrentMetrics current(@QueryParam("asOf") String asOf) {
    return metrics.current(OffsetDateTime.parse(asOf));
  }

  @GET
  @Path("within")
  public ActiveUsers within(
      @QueryParam("policy") Policy policy,
      @QueryParam("days") int days,
      @QueryParam("asOf") String asOf) {
    return metrics.within(policy, days, OffsetDateTime.parse(asOf));
  }

  @POST
  @Path("job")
  @Produces(MediaType.TEXT_PLAIN)
  public String job(@QueryParam("name") String name, @QueryParam("firedAt") String firedAt) {
    return Boolean.toString(schedule.run(name, Instant.parse(firedAt)));
  }
}
