package app.confio.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The RSA key pair that signs and verifies access tokens where no keys are configured: the embedded
 * development server and the tests. Generated once into a folder outside the repository.
 */
public final class KeyFiles {

  public static final String PRIVATE = "jwt-private.pem";
  public static final String PUBLIC = "jwt-public.pem";

  private KeyFiles() {}

  /** The folder holding the pair, generating it first if it is missing. */
  public static Path ensure(Path folder) {
    var privateKey = folder.resolve(PRIVATE);
    var publicKey = folder.resolve(PUBLIC);
    if (Files.exists(privateKey) && Files.exists(publicKey)) {
      return folder;
    }
    try {
      Files.createDirectories(folder);
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      var pair = generator.generateKeyPair();
      Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
      privateKey.toFile().setReadable(false, false);
      privateKey.toFile().setReadable(true, true);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    var body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
