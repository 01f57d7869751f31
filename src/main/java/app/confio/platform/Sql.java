package app.confio.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Statements kept as {@code .sql} resources beside the class that runs them. Whole-line comments
 * ({@code -- ...}) are for the reader and are dropped, so that a placeholder named in one is never
 * bound.
 */
public final class Sql {

  private Sql() {}

  /** The text of {@code name}, a resource in the package of {@code owner}. */
  public static String load(Class<?> owner, String name) {
    try (var in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("No statement " + name + " beside " + owner.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.strip().startsWith("--"))
          .collect(Collectors.joining("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
