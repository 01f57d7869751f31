package app.confio.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every setting the server reads has a rule, every default keeps it, and the README's table lists
 * it; a malformed value is a line naming its setting.
 */
class SettingsTest {

  /** A setting's name as the code spells it: the whole of a string literal. */
  static final Pattern NAME = Pattern.compile("\"((?:confio|db|mp\\.jwt)\\.[a-z0-9.-]+)\"");

  static final Pattern DEFAULT =
      Pattern.compile(
          "@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\",\\s*defaultValue\\s*=\\s*\"([^\"]*)\"");

  static String sources() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/app/confio"))) {
      return files
          .filter(file -> file.toString().endsWith(".java"))
          .filter(file -> !file.startsWith("src/main/java/app/confio/cli"))
          .map(SettingsTest::read)
          .collect(Collectors.joining("\n"));
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static TreeSet<String> ruled() {
    return Settings.ALL.stream()
        .map(Settings.Setting::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everySettingTheCodeNamesHasARuleAndTheReadmeListsIt() throws IOException {
    var named = new TreeSet<String>();
    NAME.matcher(sources()).results().forEach(match -> named.add(match.group(1)));
    named.remove("confio.admin"); // a session attribute of older sessions, no setting
    var missing = new TreeSet<>(named);
    missing.removeAll(ruled());
    assertEquals(new TreeSet<>(), missing, "settings without a rule in Settings.ALL");

    var table =
        Files.readAllLines(Path.of("README.md")).stream()
            .filter(line -> line.startsWith("| `"))
            .collect(Collectors.joining("\n"));
    var unlisted = ruled().stream().filter(name -> !table.contains("`" + name + "`")).toList();
    assertEquals(List.of(), unlisted, "settings missing from the README's table");
  }

  @Test
  void everyDefaultKeepsItsRule() throws IOException {
    var defaults = new TreeMap<String, String>();
    DEFAULT.matcher(sources()).results().forEach(m -> defaults.put(m.group(1), m.group(2)));
    var shipped = new Properties();
    try (var in =
        Files.newInputStream(
            Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
      shipped.load(in);
    }
    shipped.stringPropertyNames().forEach(name -> defaults.put(name, shipped.getProperty(name)));
    assertTrue(defaults.size() > 40, "defaults found: " + defaults.keySet());
    assertEquals(List.of(), Settings.problems(defaults::get));
  }

  @Test
  void aMalformedValueIsALineNamingItsSetting() {
    var values =
        Map.of(
            "confio.health.database-grace", "banana",
            "confio.growth.cache.size", "-1",
            "confio.activity.zone", "Mars/Olympus",
            "confio.deposits.enabled", "maybe",
            "confio.backfill.schedule", "99 3 * * *",
            "confio.http.trusted-proxies", "10.0.0.1,proxy.example",
            "confio.price.confio-usd", "0",
            "confio.metrics.snapshot.minutes", "7",
            "confio.activity.cooldown", "PT0.5S",
            "db.url", "jdbc:mysql://db/confio");
    var problems = Settings.problems(values::get);
    assertEquals(values.size(), problems.size(), String.join("\n", problems));
    for (var setting : values.keySet()) {
      var line =
          problems.stream().filter(problem -> problem.startsWith(setting + " is \"")).toList();
      assertEquals(1, line.size(), setting + " in " + problems);
      assertTrue(line.get(0).contains(values.get(setting)), line.get(0));
    }
    assertEquals(
        "confio.health.database-grace is \"banana\", not an ISO-8601 duration such as PT20S or"
            + " P30D.",
        problems.stream().filter(p -> p.startsWith("confio.health")).findFirst().orElseThrow());
  }

  @Test
  void valuesAtTheEdgesOfTheirRulesPass() {
    var values =
        Map.of(
            "confio.health.database-grace", "PT0S",
            "confio.growth.cache.size", "0",
            "confio.deposits.enabled", "TRUE",
            "confio.backfill.schedule", "off",
            "confio.http.trusted-proxies", " 10.0.0.1, ::1 ",
            "confio.metrics.snapshot.minutes", "60",
            "confio.activity.cooldown", "PT1S",
            "confio.history.final-by", "P7D");
    assertEquals(List.of(), Settings.problems(values::get));
  }
}
