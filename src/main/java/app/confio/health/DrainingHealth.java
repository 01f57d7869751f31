package app.confio.health;

import app.confio.platform.Draining;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready from the moment the member was told to stop ({@link Draining}). */
@Readiness
@ApplicationScoped
public class DrainingHealth implements HealthCheck {

  @Inject Draining draining;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("accepting-work").status(!draining.draining()).build();
  }
}
