package app.confio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CLI jar holds only {@code app.confio.cli} with picocli and JSON-P: a CLI source naming a
 * server class, or another Jakarta API, would compile here and fail only in the jar.
 */
class CliDependenciesTest {

  static final Path SOURCES = Path.of("src/cli/java/app/confio/cli");
  static final Pattern FOREIGN =
      Pattern.compile("\\bapp\\.confio\\.(?!cli\\b)\\w+|\\bjakarta\\.(?!json\\.)\\w+");

  @Test
  void theCommandLineNamesNoServerClass() throws IOException {
    try (Stream<Path> files = Files.list(SOURCES)) {
      var foreign =
          files
              .flatMap(file -> lines(file).stream().map(line -> file.getFileName() + ": " + line))
              .filter(line -> FOREIGN.matcher(line).find())
              .toList();
      assertEquals(List.of(), foreign);
    }
  }

  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
