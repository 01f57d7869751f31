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
    maxPoolSize = 40)
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
