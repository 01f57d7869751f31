package app.confio.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date before the application takes its first request. Flyway holds a
 * PostgreSQL advisory lock while it migrates, so several members starting at once are safe.
 */
@DataSourceDefinition(
    name = Migrations.DATASOURCE,
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=db.url}",
    user = "${MPCONFIG=db.user}",
    password = "${MPCONFIG=db.password}",
    minPoolSize = 2,
    maxPoolSize = 40,
    properties = {
      // Every connection is checked as it leaves the pool; one that fails closes them all, so a
      // restarted database is used again at the next request instead of after the idle timeout.
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
      "fish.payara.fail-all-connections=true",
      // A request waits at most this long for a connection, then fails fast (UNAVAILABLE).
      "fish.payara.max-wait-time-in-millis=2000",
      // The driver's own bounds: opening a connection, and a silent socket (a cut network).
      "connectTimeout=2",
      "loginTimeout=3",
      "socketTimeout=300",
      "tcpKeepAlive=true"
    })
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

  public static final String DATASOURCE = "java:app/jdbc/confio";
  private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

  @Resource(lookup = DATASOURCE)
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    var result = apply(dataSource);
    LOG.info(() -> "Database schema at version " + result);
  }

  /** Applies the migrations shipped with the application; also used by the data generator. */
  public static String apply(DataSource dataSource) {
    var flyway =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load();
    flyway.migrate();
    return flyway.info().current().getVersion().getVersion();
  }
}
