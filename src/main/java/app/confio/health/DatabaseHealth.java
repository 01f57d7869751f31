package app.confio.health;

import app.confio.platform.Migrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when PostgreSQL answers within two seconds and the schema is migrated. The probe is for the
 * orchestrator and open to anyone, so it says UP or DOWN and nothing about the database; the cause
 * of a failure goes to the log.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

  private static final Logger LOG = Logger.getLogger(DatabaseHealth.class.getName());

  @Resource(lookup = Migrations.DATASOURCE)
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    try (var connection = dataSource.getConnection();
        var statement = connection.createStatement()) {
      statement.setQueryTimeout(2);
      var rows =
          statement.executeQuery("select max(version) from flyway_schema_history where success");
      return response.status(rows.next() && rows.getString(1) != null).build();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Readiness: the database does not answer", e);
      return response.down().build();
    }
  }
}
