package app.confio.health;

import app.confio.platform.Migrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when PostgreSQL answers within two seconds and the schema is migrated — or when it has not
 * answered for less than {@code confio.health.database-grace}: the database is shared by every
 * member, so taking them all out of the load balancer for a restart of a few seconds would turn
 * each request's fast, retryable {@code UNAVAILABLE} into a connection refused, and readiness would
 * flap. A longer outage reports DOWN until the first check that succeeds. The probe is for the
 * orchestrator and open to anyone, so it says UP or DOWN and nothing about the database; the cause
 * of a failure goes to the log.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(DatabaseHealth.class.getName());

  @Resource(lookup = Migrations.DATASOURCE)
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "confio.health.database-grace", defaultValue = "PT20S")
  Duration grace;

  /** When the checks began to fail, in {@link System#nanoTime()}; 0 while they succeed. */
  private final AtomicLong failingSince = new AtomicLong();

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    try (var connection = dataSource.getConnection();
        var statement = connection.createStatement()) {
      statement.setQueryTimeout(2);
      var rows =
          statement.executeQuery("select max(version) from flyway_schema_history where success");
      var migrated = rows.next() && rows.getString(1) != null;
      failingSince.set(0);
      return response.status(migrated).build();
    } catch (SQLException | RuntimeException e) {
      var now = System.nanoTime();
      failingSince.compareAndSet(0, now);
      var failingFor = Duration.ofNanos(now - failingSince.get());
      LOG.log(
          Level.WARNING,
          "Readiness: the database does not answer (for " + failingFor.toSeconds() + " s)",
          e);
      return response.status(failingFor.compareTo(grace) < 0).build();
    }
  }
}
