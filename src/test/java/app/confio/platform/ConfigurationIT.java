package app.confio.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.devserver.KeyFiles;
import app.confio.testing.Http;
import app.confio.testing.Member;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped WAR started with a configuration it cannot serve with: the deployment fails, each
 * problem is one line naming its setting, and the member is never ready. Each start is a member of
 * its own (the shared test server's configuration is a good one). The second also logs in JSON, as
 * {@code ops/logging/json.properties} switches Payara Micro to, and shows every line is JSON.
 */
class ConfigurationIT {

  static final Path WAR = Path.of("target", "confio-activity.war").toAbsolutePath();
  static final Duration START = Duration.ofMinutes(4);

  static List<String> options(String... more) {
    var options = new ArrayList<>(Member.testOptions());
    options.addAll(List.of(more)); // the last of a repeated -D is the one the JVM keeps
    return options;
  }

  static void assertNeverReady(Member member) {
    var ready = Http.anonymous(member.url()).get("health/ready");
    assertEquals(503, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("\"DOWN\""), ready.body());
    assertEquals(404, Http.anonymous(member.url()).get("graphql/schema.graphql").statusCode());
  }

  @Test
  void aMissingPrivateKeyIsNamedAndTheMemberIsNeverReady() throws Exception {
    var missing = Path.of("target", "no-such-keys", KeyFiles.PRIVATE).toAbsolutePath();
    try (var member =
        Member.start(
                "config-missing-key", WAR, options("-Dconfio.jwt.private-key.location=" + missing))
            .awaitStarted(START)) {
      var line =
          "Configuration refused: confio.jwt.private-key.location is \""
              + missing
              + "\", a file that does not exist.";
      var said = member.output().lines().filter(l -> l.contains("Configuration refused")).toList();
      assertTrue(
          said.stream().anyMatch(l -> l.contains("SEVERE") && l.endsWith(line)), "in " + said);
      assertNeverReady(member);
    }
  }

  @Test
  void aMismatchedPairAndMalformedSettingsAreALineEachInJsonLogs() throws Exception {
    var other = KeyFiles.ensure(Path.of("target", "other-test-keys").toAbsolutePath());
    var json = Path.of("ops", "logging", "json.properties").toAbsolutePath();
    try (var member =
        Member.start(
                "config-malformed",
                WAR,
                options(
                    "-Dpayaramicro.logPropertiesFile=" + json,
                    "-Dconfio.jwt.private-key.location=" + other.resolve(KeyFiles.PRIVATE),
                    "-Dconfio.health.database-grace=banana",
                    "-Dconfio.growth.cache.size=-1"))
            .awaitStarted(START)) {
      var records = new ArrayList<JsonObject>();
      var notJson = new ArrayList<String>();
      for (var line : member.output().lines().toList()) {
        if (line.startsWith("{")) {
          try (var reader = Json.createReader(new StringReader(line))) {
            records.add(reader.readObject());
          }
        } else if (!line.isBlank() && !line.startsWith("JdbcRuntimeExtension,")) {
          notJson.add(line); // Payara's JDBC module prints that one line to stdout itself
        }
      }
      assertEquals(List.of(), notJson, "lines that are not JSON");
      assertTrue(records.size() > 20, records.size() + " JSON records");
      var refused =
          records.stream()
              .filter(r -> r.getString("LoggerName", "").equals(ConfigurationCheck.class.getName()))
              .map(r -> r.getString("Level") + " " + r.getString("LogMessage"))
              .toList();
      assertEquals(3, refused.size(), "" + refused);
      assertTrue(
          refused.contains(
              "SEVERE Configuration refused: confio.health.database-grace is \"banana\", not an"
                  + " ISO-8601 duration such as PT20S or P30D."),
          "" + refused);
      assertTrue(
          refused.contains(
              "SEVERE Configuration refused: confio.growth.cache.size is \"-1\", not a whole"
                  + " number from 0 to 1000000."),
          "" + refused);
      assertTrue(
          refused.stream()
              .anyMatch(
                  r ->
                      r.startsWith(
                          "SEVERE Configuration refused: confio.jwt.private-key.location is \""
                              + other.resolve(KeyFiles.PRIVATE)
                              + "\", a private key that does not match the public key of"
                              + " mp.jwt.verify.publickey.location")),
          "" + refused);
      assertNeverReady(member);
    }
  }
}
