package app.confio.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image tarball the build wrote (target/confio-activity-image.tar, as {@code docker load} reads
 * it), opened as a container runtime would: its config says who runs what, and its layers hold the
 * files that the entry point needs, the WAR byte for byte the one the build made.
 */
class ImageIT {

  static final Path TARBALL = Path.of("target", "confio-activity-image.tar");
  static final ObjectMapper JSON = new ObjectMapper();

  /** Every file of the image's file system, the last layer's copy where several have one. */
  static final Map<String, TarFile> FILES = new HashMap<>();

  static String passwd;
  static JsonNode config;
  static List<String> repoTags = new ArrayList<>();

  record TarFile(long mode, String owner, String linkTarget, String sha256) {}

  @BeforeAll
  static void open() throws Exception {
    var blobs = new HashMap<String, byte[]>();
    try (var image = new TarArchiveInputStream(Files.newInputStream(TARBALL))) {
      for (TarArchiveEntry entry; (entry = image.getNextEntry()) != null; ) {
        blobs.put(entry.getName(), image.readAllBytes());
      }
    }
    var manifest = JSON.readTree(blobs.get("manifest.json")).get(0);
    manifest.get("RepoTags").forEach(tag -> repoTags.add(tag.asText()));
    config = JSON.readTree(blobs.get(manifest.get("Config").asText())).get("config");
    for (var layer : manifest.get("Layers")) {
      var bytes = new java.io.ByteArrayInputStream(blobs.get(layer.asText()));
      try (var files = new TarArchiveInputStream(new GZIPInputStream(bytes))) {
        for (TarArchiveEntry entry; (entry = files.getNextEntry()) != null; ) {
          var path = "/" + entry.getName().replaceAll("^/|/$", "");
          var owner = entry.getLongUserId() + ":" + entry.getLongGroupId();
          if (path.equals("/etc/passwd")) {
            passwd = new String(files.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            FILES.put(path, new TarFile(entry.getMode(), owner, null, null));
            continue;
          }
          FILES.put(
              path,
              new TarFile(
                  entry.getMode(),
                  owner,
                  entry.isSymbolicLink() ? entry.getLinkName() : null,
                  entry.isFile() ? sha256(files) : null));
        }
      }
    }
  }

  @Test
  void theImageCarriesTheWarTheBuildMadeAndRunsItOnPayaraMicro() throws Exception {
    var entrypoint = strings(config.get("Entrypoint"));
    var war = entrypoint.get(entrypoint.indexOf("--deploy") + 1);
    var jar = entrypoint.get(entrypoint.indexOf("-jar") + 1);

    assertEquals(sha256(Path.of("target", "confio-activity.war")), file(war).sha256());
    assertEquals(sha256(Path.of("target", "payara-micro.jar")), file(jar).sha256());
    assertEquals("8080", entrypoint.get(entrypoint.indexOf("--port") + 1));
    assertTrue((file(entrypoint.get(0)).mode() & 0111) != 0, entrypoint.get(0) + " is executable");
    assertEquals(List.of("confio-activity:" + System.getProperty("project.version")), repoTags);
  }

  /** A runtime starts the entry point with the ELF loader and C library it links against. */
  @Test
  void theJavaRuntimeFindsItsLoaderAndLibraries() {
    var missing =
        List.of(
                "/lib64/ld-linux-x86-64.so.2",
                "/lib/x86_64-linux-gnu/libc.so.6",
                "/lib/x86_64-linux-gnu/libz.so.1",
                "/opt/java/lib/server/libjvm.so",
                "/opt/java/lib/modules")
            .stream()
            .filter(path -> !FILES.containsKey(path))
            .toList();
    assertEquals(List.of(), missing);
  }

  @Test
  void itRunsAsAnUnprivilegedUserWhoCanWriteItsTemporaryFiles() throws Exception {
    var user = config.get("User").asText();
    var uid = user.split(":")[0];
    assertFalse(uid.equals("0") || uid.equals("root") || uid.isEmpty(), "User " + user);
    assertTrue(uid.chars().allMatch(Character::isDigit), "numeric, for runAsNonRoot: " + user);

    var tmp = file("/tmp").mode() & 0777;
    assertEquals(0777, tmp, "/tmp mode " + Long.toOctalString(tmp));
    var home = config.get("WorkingDir").asText();
    assertEquals(user, file(home).owner());
    assertTrue(passwd.lines().anyMatch(line -> line.contains(":" + uid + ":")), passwd);
  }

  @Test
  void itExposesHttpAndTheDataGridAndKeepsTheShutdownGrace() {
    var ports = new ArrayList<String>();
    config.get("ExposedPorts").fieldNames().forEachRemaining(ports::add);
    assertEquals(List.of("6900/tcp", "8080/tcp"), ports.stream().sorted().toList());

    var environment = strings(config.get("Env"));
    var options =
        environment.stream().filter(e -> e.startsWith("JDK_JAVA_OPTIONS=")).findFirst().orElse("");
    for (var option :
        List.of(
            "-Dfish.payara.shutdowngrace=10000",
            "-Dhazelcast.shutdownhook.enabled=false",
            "-Dmp.config.cache.duration=3600")) {
      assertTrue(
          List.of(options.substring(options.indexOf('=') + 1).split(" ")).contains(option),
          option + " in " + environment);
    }
    assertTrue(
        environment.contains(
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:///run/secrets/confio/jwt-public.pem"),
        environment.toString());
    assertTrue(
        environment.contains("CONFIO_JWT_PRIVATE_KEY_LOCATION=/run/secrets/confio/jwt-private.pem"),
        environment.toString());
  }

  /**
   * jib writes no HEALTHCHECK (its API has none, and the OCI format no such field): the check lives
   * in docker-compose.yml and the Kubernetes probes. What compose runs must be in the image.
   */
  @Test
  void theHealthCheckThatComposeRunsIsInTheImage() throws Exception {
    var compose = ManifestsTest.documents(ManifestsTest.COMPOSE).get(0);
    var test = strings(compose.at("/x-member/healthcheck/test"));
    assertEquals("CMD", test.get(0));
    assertTrue(FILES.containsKey(test.get(1)), test.get(1));
    var classpath = test.get(test.indexOf("-cp") + 1);
    var className = test.get(test.indexOf("-cp") + 2);
    assertTrue(
        FILES.containsKey(classpath + "/" + className.replace('.', '/') + ".class"),
        test.toString());
    assertEquals(HealthCheck.class.getName(), className);
    assertFalse(config.has("Healthcheck"), "jib gained a health check: check it here");
  }

  private static TarFile file(String path) {
    var file = FILES.get(path);
    assertTrue(file != null, path + " is not in the image");
    return file.linkTarget() == null ? file : file(resolve(path, file.linkTarget()));
  }

  private static String resolve(String path, String target) {
    return target.startsWith("/") ? target : Path.of(path).resolveSibling(target).toString();
  }

  private static List<String> strings(JsonNode array) {
    var strings = new ArrayList<String>();
    array.forEach(value -> strings.add(value.asText()));
    return strings;
  }

  static String sha256(Path file) throws Exception {
    try (var in = Files.newInputStream(file)) {
      return sha256(in);
    }
  }

  static String sha256(InputStream in) throws IOException {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      var buffer = new byte[1 << 16];
      for (int read; (read = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
