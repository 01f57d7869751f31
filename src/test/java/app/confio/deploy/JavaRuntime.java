package app.confio.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * The image's Java runtime: {@code jlink} of the build's JDK with the modules a Jakarta EE server
 * uses, and the C libraries outside it that its programs and libraries link against, found by
 * {@code ldd} on the build machine (the image has no other base to take them from).
 */
final class JavaRuntime {

  private JavaRuntime() {}

  /** What Payara Micro and the product use of the JDK; no compiler, no debugger. */
  static final String MODULES =
      "java.se,jdk.unsupported,jdk.management,jdk.management.agent,jdk.crypto.ec,"
          + "jdk.crypto.cryptoki,jdk.zipfs,jdk.naming.dns,jdk.naming.rmi,jdk.localedata,"
          + "jdk.charsets,jdk.httpserver,jdk.jfr,jdk.management.jfr,jdk.attach,jdk.jcmd,jdk.net,"
          + "jdk.security.auth,jdk.security.jgss,jdk.xml.dom";

  /** Libraries for a desktop (X11, sound, splash screen) that a server never loads. */
  static final String DESKTOP_ONLY = "**/libawt_xawt.so,**/libsplashscreen.so,**/libjsound.so";

  static Path jlink(Path output) {
    var jlink = ToolProvider.findFirst("jlink").orElseThrow();
    var status =
        jlink.run(
            System.out,
            System.err,
            "--add-modules",
            MODULES,
            "--exclude-files=" + DESKTOP_ONLY,
            "--strip-debug",
            "--no-header-files",
            "--no-man-pages",
            "--generate-cds-archive",
            "--output",
            output.toString());
    if (status != 0) {
      throw new IllegalStateException("jlink failed: " + status);
    }
    return output;
  }

  /** Every library outside the runtime that its programs and libraries need, by ldd's names. */
  static TreeSet<Path> sharedLibraries(Path jre) throws Exception {
    var libraries = new TreeSet<Path>();
    List<Path> elves;
    try (Stream<Path> files = Files.walk(jre)) {
      elves =
          files
              .filter(Files::isRegularFile)
              .filter(file -> file.toString().endsWith(".so") || file.getParent().endsWith("bin"))
              .toList();
    }
    for (var elf : elves) {
      var ldd = new ProcessBuilder("ldd", elf.toString()).redirectErrorStream(true).start();
      var lines = new String(ldd.getInputStream().readAllBytes()).lines().toList();
      ldd.waitFor();
      for (var line : lines) {
        library(line).filter(path -> !path.startsWith(jre)).ifPresent(libraries::add);
      }
    }
    return libraries;
  }

  /** The path in one line of ldd: {@code libz.so.1 => /lib/.../libz.so.1 (0x…)} or the loader. */
  static Optional<Path> library(String line) {
    var text = line.strip();
    var arrow = text.indexOf("=> ");
    var path = arrow >= 0 ? text.substring(arrow + 3) : text;
    var space = path.indexOf(" (");
    path = space >= 0 ? path.substring(0, space) : path;
    return path.startsWith("/") ? Optional.of(Path.of(path)) : Optional.empty();
  }
}
