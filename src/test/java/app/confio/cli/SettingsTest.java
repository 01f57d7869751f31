package app.confio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  @TempDir Path home;

  Settings cut;

  @Test
  void withNothingSetItIsTheLocalServerAndTheAdmin() {
    cut = Settings.from(Map.of("HOME", home.toString()));
    assertEquals(URI.create("http://localhost:8080/"), cut.url());
    assertEquals("admin", cut.user());
    assertEquals(Optional.empty(), cut.password());
  }

  @Test
  void thePasswordThatMvnRunKeepsIsTheDefault() throws Exception {
    Files.createDirectories(home.resolve(".confio/keys"));
    Files.writeString(home.resolve(".confio/keys/admin-password"), "s3cret\n");
    cut = Settings.from(Map.of("HOME", home.toString()));
    assertEquals(Optional.of("s3cret"), cut.password());

    Files.createDirectories(home.resolve("elsewhere/keys"));
    Files.writeString(home.resolve("elsewhere/keys/admin-password"), "other");
    cut = Settings.from(Map.of("HOME", home.toString(), "CONFIO_HOME", home + "/elsewhere"));
    assertEquals(Optional.of("other"), cut.password());
  }

  @Test
  void theEnvironmentWins() throws Exception {
    Files.createDirectories(home.resolve(".confio/keys"));
    Files.writeString(home.resolve(".confio/keys/admin-password"), "kept");
    cut =
        Settings.from(
            Map.of(
                "HOME", home.toString(),
                "CONFIO_URL", "https://confio.example/base//",
                "CONFIO_ADMIN_USER", "ops",
                "CONFIO_ADMIN_PASSWORD", "given"));
    assertEquals(URI.create("https://confio.example/base/"), cut.url());
    assertEquals("ops", cut.user());
    assertEquals(Optional.of("given"), cut.password());
    assertEquals(
        URI.create("https://confio.example/base/api/admin/metrics"),
        cut.url().resolve("api/admin/metrics"));
  }
}
