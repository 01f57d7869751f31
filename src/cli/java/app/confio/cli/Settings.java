package app.confio.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the server is and who signs in: {@code CONFIO_URL} (default http://localhost:8080), {@code
 * CONFIO_ADMIN_USER} (admin) and {@code CONFIO_ADMIN_PASSWORD}, by default the one {@code mvn
 * -Prun} keeps in {@code $CONFIO_HOME/keys/admin-password} ({@code CONFIO_HOME}: ~/.confio).
 */
record Settings(URI url, String user, Optional<String> password) {

  static final String DEFAULT_URL = "http://localhost:8080";

  static Settings from(Map<String, String> env) {
    var url = value(env, "CONFIO_URL").orElse(DEFAULT_URL).replaceFirst("/*$", "") + "/";
    var user = value(env, "CONFIO_ADMIN_USER").orElse("admin");
    var password = value(env, "CONFIO_ADMIN_PASSWORD").or(() -> kept(env));
    try {
      return new Settings(URI.create(url), user, password);
    } catch (IllegalArgumentException e) {
      throw new Failure(Exit.USAGE, "CONFIO_URL is not a URL: " + url);
    }
  }

  private static Optional<String> kept(Map<String, String> env) {
    var home =
        value(env, "CONFIO_HOME")
            .map(Path::of)
            .or(() -> value(env, "HOME").map(h -> Path.of(h, ".confio")));
    var file = home.map(h -> h.resolve("keys").resolve("admin-password"));
    if (file.isEmpty() || !Files.isReadable(file.get())) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file.get()).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
  }
}
