package app.confio.testing;

import app.confio.devserver.AdminPassword;
import app.confio.devserver.KeyFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares what the integration tests' Payara Micro needs before Arquillian starts it: a real
 * PostgreSQL (the one {@code DB_URL} names, or an embedded one) and a token key pair. Payara is
 * configured through {@code payara.cmdOptions}, which the Arquillian adapter reads when it starts.
 * Unit-test runs (no {@code confio.it} property) start nothing.
 */
public class TestEnvironment implements LauncherSessionListener {

  /**
   * The servers under test report in Santiago de Chile's time: not UTC, and its DST changes skip or
   * repeat local midnight itself, so a day computed as "UTC midnight + 24 h" shows up as a failure.
   */
  public static final java.time.ZoneId ZONE = java.time.ZoneId.of("America/Santiago");

  /** How long a phone stays locked out on the servers under test. */
  public static final java.time.Duration PHONE_LOCKOUT = java.time.Duration.ofSeconds(8);

  private static final Logger LOG = Logger.getLogger(TestEnvironment.class.getName());
  private static EmbeddedPostgres embedded;
  private static String url;
  private static String user;
  private static String password;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (Boolean.getBoolean("confio.it")) {
      prepare();
    }
  }

  /** Starts what the servers under test need, once per JVM; also used by the benchmarks. */
  public static synchronized void prepare() {
    if (url != null) {
      return;
    }
    var keys = KeyFiles.ensure(Path.of("target", "test-keys").toAbsolutePath());
    var options = new StringBuilder(System.getProperty("payara.cmdOptions", ""));
    var configured = Optional.ofNullable(System.getenv("DB_URL")).filter(s -> !s.isBlank());
    if (configured.isPresent()) {
      url = configured.get();
      user = Optional.ofNullable(System.getenv("DB_USER")).orElse("postgres");
      password = Optional.ofNullable(System.getenv("DB_PASSWORD")).orElse("");
      LOG.info(() -> "Integration tests use the database at " + url);
    } else {
      try {
        embedded = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
      }
      url = embedded.getJdbcUrl("postgres", "postgres");
      user = "postgres";
      password = "postgres";
      options.append(" -Ddb.url=").append(url).append(" -Ddb.user=postgres -Ddb.password=postgres");
      LOG.info(() -> "Integration tests use an embedded PostgreSQL at " + url);
    }
    options
        .append(" -Dmp.jwt.verify.publickey.location=")
        .append(keys.resolve(KeyFiles.PUBLIC).toUri())
        .append(" -Dconfio.jwt.private-key.location=")
        .append(keys.resolve(KeyFiles.PRIVATE))
        .append(" -Dconfio.deposits.enabled=true")
        .append(" -Dconfio.activity.zone=")
        .append(ZONE.getId())
        .append(" -Dconfio.admin.password=")
        .append(AdminPassword.ensure(keys))
        // A phone's lockout short enough for a test to see it end.
        .append(" -Dconfio.login.phone.lockout=")
        .append(PHONE_LOCKOUT);
    System.setProperty("payara.cmdOptions", options.toString().strip());
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    stop();
  }

  /** The password of the tests' admin account, {@code admin}. */
  public static String adminPassword() {
    return AdminPassword.ensure(Path.of("target", "test-keys").toAbsolutePath());
  }

  public static synchronized void stop() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        LOG.warning("Embedded PostgreSQL did not stop cleanly: " + e);
      }
    }
  }

  /** The database the server under test uses, as a data source. */
  public static javax.sql.DataSource dataSource() {
    connectable();
    var source = new org.postgresql.ds.PGSimpleDataSource();
    source.setURL(url);
    source.setUser(user);
    source.setPassword(password);
    return source;
  }

  private static void connectable() {
    if (url == null) {
      throw new IllegalStateException("Integration tests run with -Dconfio.it=true (mvn verify)");
    }
  }

  /** A connection to the database the server under test uses, for assertions on its tables. */
  public static Connection connect() throws SQLException {
    connectable();
    return DriverManager.getConnection(url, user, password);
  }
}
