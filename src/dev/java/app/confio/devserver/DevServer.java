package app.confio.devserver;

import app.confio.generator.HistoryGenerator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code mvn -Prun}: the whole product on one machine with nothing installed but a JDK and Maven.
 * Starts PostgreSQL from Maven artifacts (data kept in {@code ~/.confio/pgdata}, so it survives
 * restarts) unless {@code DB_URL} names another one, generates the token key pair once, loads demo
 * data into an empty database, then runs the WAR on Payara Micro until Ctrl-C.
 */
public final class DevServer {

  static final int DEMO_USERS = 2_000;
  static final int DEMO_DAYS = 730;

  public static void main(String[] args) throws Exception {
    var home = Path.of(env("CONFIO_HOME").orElse(System.getProperty("user.home") + "/.confio"));
    var port = Integer.parseInt(env("PORT").orElse("8080"));
    var keys = KeyFiles.ensure(home.resolve("keys"));
    var database = database(home);
    var demo = loadDemoData(database);

    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-Dmp.jwt.verify.publickey.location=" + keys.resolve(KeyFiles.PUBLIC).toUri());
    command.add("-Dconfio.jwt.private-key.location=" + keys.resolve(KeyFiles.PRIVATE));
    var adminPassword =
        env("CONFIO_ADMIN_PASSWORD").orElseGet(() -> AdminPassword.ensure(home.resolve("keys")));
    command.add("-Dconfio.admin.password=" + adminPassword);
    command.add("-Dconfio.deposits.enabled=" + env("CONFIO_DEPOSITS_ENABLED").orElse("true"));
    command.add("-Dconfio.graphql.ui.enabled=true");
    command.add("-jar");
    command.add(Path.of("target", "payara-micro.jar").toString());
    command.add("--deploy");
    command.add(Path.of("target", "confio-activity.war").toString());
    command.add("--port");
    command.add(Integer.toString(port));
    command.add("--nocluster");
    if (env("CONFIO_LOG_FORMAT").filter("json"::equalsIgnoreCase).isPresent()) {
      command.add("--logproperties"); // JSON lines, see README "Observability"
      command.add(Path.of("ops", "logging", "json.properties").toString());
    }
    var process = new ProcessBuilder(command).inheritIO();
    process.environment().putAll(database.environment());
    var server = process.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.destroy();
                  database.close();
                }));
    awaitReady(server, port);
    if (demo) {
      backfillDemo(port, adminPassword);
    }
    banner(port, database, adminPassword);
    System.exit(server.waitFor());
  }

  static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }

  /** The database the server will use, and how to stop it if we started it. */
  record Database(String url, String user, String password, EmbeddedPostgres embedded) {

    Map<String, String> environment() {
      return Map.of("DB_URL", url, "DB_USER", user, "DB_PASSWORD", password);
    }

    void close() {
      try {
        if (embedded != null) {
          embedded.close();
        }
      } catch (IOException e) {
        System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
      }
    }
  }

  static Database database(Path home) throws IOException, SQLException {
    var configured = env("DB_URL");
    if (configured.isPresent()) {
      return new Database(
          configured.get(), env("DB_USER").orElse("postgres"), env("DB_PASSWORD").orElse(""), null);
    }
    var data = home.resolve("pgdata");
    Files.createDirectories(home);
    var pgPort = Integer.parseInt(env("CONFIO_PG_PORT").orElse("54329"));
    System.out.println("Starting embedded PostgreSQL on port " + pgPort + ", data in " + data);
    var embedded =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setPort(pgPort)
            .start();
    try (var admin = embedded.getPostgresDatabase().getConnection();
        var exists = admin.prepareStatement("select 1 from pg_database where datname = 'confio'")) {
      if (!exists.executeQuery().next()) {
        admin.createStatement().execute("create database confio");
      }
    }
    return new Database(
        embedded.getJdbcUrl("postgres", "confio"), "postgres", "postgres", embedded);
  }

  static boolean loadDemoData(Database database) throws SQLException {
    var source = new PGSimpleDataSource();
    source.setURL(database.url());
    source.setUser(database.user());
    source.setPassword(database.password());
    try (var connection =
            DriverManager.getConnection(database.url(), database.user(), database.password());
        var users =
            connection.prepareStatement(
                "select count(*) from information_schema.tables where table_name = 'users'")) {
      var rows = users.executeQuery();
      rows.next();
      if (rows.getInt(1) > 0) {
        try (var count = connection.createStatement().executeQuery("select count(*) from users")) {
          count.next();
          if (count.getLong(1) > 0) {
            System.out.println(
                "Database already holds " + count.getLong(1) + " users: no demo data loaded");
            return false;
          }
        }
      }
    }
    System.out.println("Loading demo data: " + DEMO_USERS + " users with two years of history");
    new HistoryGenerator(source, 42).generate(DEMO_USERS, System.out::println);
    return true;
  }

  /**
   * The generator writes history only, as an existing deployment has it: the backfill, started
   * through the admin API as an operator would, turns it into activity, and the daily snapshots
   * follow, so the dashboard has two years to show.
   */
  static void backfillDemo(int port, String adminPassword) throws Exception {
    var http = HttpClient.newHttpClient();
    var auth =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    var url = URI.create("http://localhost:" + port + "/api/admin/backfill");
    var started =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "?days=" + DEMO_DAYS))
                .header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (started.statusCode() != 202) {
      System.out.println("Backfill of the demo data not started: " + started.body());
      return;
    }
    System.out.println("Backfilling the demo data's activity over " + DEMO_DAYS + " days");
    for (var attempt = 0; attempt < 1200; attempt++) {
      Thread.sleep(500);
      var progress =
          http.send(
                  HttpRequest.newBuilder(url).header("Authorization", auth).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      if (!progress.contains("\"running\":true")) {
        System.out.println("Backfill done: " + progress);
        return;
      }
    }
  }

  static void awaitReady(Process server, int port) throws InterruptedException {
    var http = HttpClient.newHttpClient();
    var schema = URI.create("http://localhost:" + port + "/graphql/schema.graphql");
    for (int attempt = 0; attempt < 600; attempt++) {
      if (!server.isAlive()) {
        throw new IllegalStateException("Payara Micro stopped during start-up: see the log above");
      }
      try {
        var response =
            http.send(
                HttpRequest.newBuilder(schema).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Payara Micro did not answer within 5 minutes");
  }

  static void banner(int port, Database database, String adminPassword) {
    var base = "http://localhost:" + port;
    System.out.printf(
        """

        ================================================================
         Confío is running
           GraphQL API     %1$s/graphql
           GraphQL schema  %1$s/graphql/schema.graphql
           GraphiQL        %1$s/graphql-ui/
           Dashboard       %1$s/admin/   (user admin, password %4$s)
           Admin API       %1$s/api/admin/metrics   (OpenAPI: %1$s/openapi)
           Health          %1$s/health
           Metrics         %1$s/metrics   (figures: %1$s/api/admin/prometheus)
           Database        %2$s
         Demo users sign in with password 'confio-demo' (see README).
         Ctrl-C stops the server%3$s.
        ================================================================
        %n""",
        base, database.url(), database.embedded() == null ? "" : " and PostgreSQL", adminPassword);
  }
}
