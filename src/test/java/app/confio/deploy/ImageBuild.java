package app.confio.deploy;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Builds the container image as a tarball ({@code docker load -i}) without a Docker engine or a
 * registry: jib on an empty base, with a Java runtime made by {@code jlink} from the build's JDK,
 * the shared libraries that runtime needs (copied from the build machine), Payara Micro from Maven
 * Central and the WAR the build made, byte for byte. The build runs it before the integration
 * tests; {@code ImageIT} then checks what the tarball holds.
 *
 * <p>Arguments: the WAR, payara-micro.jar, the compiled health check's class folder, the tarball to
 * write, the image's version, a work folder.
 */
public final class ImageBuild {

  static final String NAME = "confio-activity";
  static final String USER = "1000:1000";
  static final AbsoluteUnixPath JAVA_HOME = AbsoluteUnixPath.get("/opt/java");
  static final AbsoluteUnixPath WAR = AbsoluteUnixPath.get("/opt/confio/confio-activity.war");
  static final AbsoluteUnixPath PAYARA = AbsoluteUnixPath.get("/opt/payara/payara-micro.jar");
  static final AbsoluteUnixPath HEALTH = AbsoluteUnixPath.get("/opt/confio/health");
  static final AbsoluteUnixPath HOME = AbsoluteUnixPath.get("/home/confio");
  static final Instant EPOCH = Instant.ofEpochSecond(1);

  public static void main(String[] args) throws Exception {
    var war = Path.of(args[0]);
    var payara = Path.of(args[1]);
    var classes = Path.of(args[2]);
    var tarball = Path.of(args[3]);
    var version = args[4];
    var work = Path.of(args[5]);
    for (var folder : List.of("jre", "system", "health")) {
      deleteRecursively(work.resolve(folder)); // the layer cache beside them is kept
    }
    var jre = JavaRuntime.jlink(work.resolve("jre"));
    var system = systemFiles(work.resolve("system"), jre);
    var health = healthCheck(classes, work.resolve("health"));

    var builder =
        Jib.fromScratch()
            .setFormat(ImageFormat.Docker)
            .setFileEntriesLayers(
                system,
                FileEntriesLayer.builder()
                    .setName("java")
                    .addEntryRecursive(jre, JAVA_HOME, (source, target) -> permissions(source))
                    .build(),
                single("payara-micro", payara, PAYARA),
                FileEntriesLayer.builder()
                    .setName("health-check")
                    .addEntryRecursive(health, HEALTH)
                    .build(),
                single("application", war, WAR))
            .setUser(USER)
            .setWorkingDirectory(HOME)
            .setEnvironment(environment())
            .setExposedPorts(Port.tcp(8080), Port.tcp(6900))
            .setEntrypoint(entrypoint())
            .setLabels(
                Map.of(
                    "org.opencontainers.image.title", NAME,
                    "org.opencontainers.image.version", version,
                    "org.opencontainers.image.description",
                        "Confío Activity on Payara Micro: HTTP 8080, data grid 6900"));
    Files.createDirectories(tarball.getParent());
    builder.containerize(
        Containerizer.to(TarImage.at(tarball).named(NAME + ":" + version))
            .setOfflineMode(true)
            .setBaseImageLayersCache(work.resolve("cache"))
            .setApplicationLayersCache(work.resolve("cache"))
            .setToolName("confio-image-build"));
    System.out.println("Image " + NAME + ":" + version + " written to " + tarball);
  }

  static List<String> entrypoint() {
    return List.of(
        JAVA_HOME.resolve("bin/java").toString(),
        "-XX:MaxRAMPercentage=60",
        "-XX:+ExitOnOutOfMemoryError",
        "-jar",
        PAYARA.toString(),
        "--deploy",
        WAR.toString(),
        "--port",
        "8080",
        "--disablephonehome");
  }

  static Map<String, String> environment() {
    var environment = new LinkedHashMap<String, String>();
    environment.put("JAVA_HOME", JAVA_HOME.toString());
    environment.put("PATH", JAVA_HOME.resolve("bin") + ":/usr/bin:/bin");
    environment.put("LANG", "C.UTF-8");
    // After SIGTERM the member serves on for 10 s with readiness DOWN, then leaves the grid.
    environment.put(
        "JDK_JAVA_OPTIONS",
        "-Dfish.payara.shutdowngrace=10000 -Dhazelcast.shutdownhook.enabled=false"
            + " -Dmp.config.cache.duration=3600");
    environment.put(
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:///run/secrets/confio/jwt-public.pem");
    environment.put("CONFIO_JWT_PRIVATE_KEY_LOCATION", "/run/secrets/confio/jwt-private.pem");
    return environment;
  }

  /**
   * The C libraries the runtime links against, as {@code ldd} resolves them on the build machine,
   * and the accounts, name lookup and writable folders a program expects.
   */
  private static FileEntriesLayer systemFiles(Path folder, Path jre) throws Exception {
    var layer = FileEntriesLayer.builder().setName("system");
    for (var library : JavaRuntime.sharedLibraries(jre)) {
      layer.addEntry(
          library,
          AbsoluteUnixPath.get(library.toString()),
          FilePermissions.fromOctalString("755"));
    }
    var etc = Files.createDirectories(folder.resolve("etc"));
    var files =
        Map.of(
            "passwd",
            "root:x:0:0:root:/root:/sbin/nologin\nconfio:x:1000:1000:Confio:/home/confio:/sbin/nologin\n",
            "group",
            "root:x:0:\nconfio:x:1000:\n",
            "nsswitch.conf",
            "hosts: files dns\n");
    for (var file : new TreeSet<>(files.keySet())) {
      layer.addEntry(
          Files.writeString(etc.resolve(file), files.get(file)),
          AbsoluteUnixPath.get("/etc/" + file));
    }
    var empty = Files.createDirectories(folder.resolve("empty"));
    layer.addEntry(empty, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777"));
    layer.addEntry(empty, HOME, FilePermissions.fromOctalString("755"), EPOCH, USER);
    return layer.build();
  }

  /** Only the health check's class, in its package's folder: nothing else of the product. */
  private static Path healthCheck(Path classes, Path folder) throws IOException {
    var name = HealthCheck.class.getName().replace('.', '/') + ".class";
    var target = folder.resolve(name);
    Files.createDirectories(target.getParent());
    Files.copy(classes.resolve(name), target);
    return folder;
  }

  private static FileEntriesLayer single(String name, Path file, AbsoluteUnixPath target) {
    return FileEntriesLayer.builder().setName(name).addEntry(file, target).build();
  }

  private static FilePermissions permissions(Path source) {
    try {
      return Files.isDirectory(source)
          ? FilePermissions.DEFAULT_FOLDER_PERMISSIONS
          : FilePermissions.fromPosixFilePermissions(Files.getPosixFilePermissions(source));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (var file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
