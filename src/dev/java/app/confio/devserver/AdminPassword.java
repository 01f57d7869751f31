package app.confio.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The first admin's password for local runs and tests: random, made once and kept in a file beside
 * the keys, so it never sits in the repository and a database that outlives a run still matches.
 */
public final class AdminPassword {

  public static final String FILE = "admin-password";

  private AdminPassword() {}

  public static String ensure(Path folder) {
    var file = folder.resolve(FILE);
    try {
      if (Files.exists(file)) {
        return Files.readString(file).strip();
      }
      Files.createDirectories(folder);
      var bytes = new byte[12];
      new SecureRandom().nextBytes(bytes);
      var password = HexFormat.of().formatHex(bytes);
      Files.writeString(file, password);
      return password;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the admin password in " + file, e);
    }
  }
}
