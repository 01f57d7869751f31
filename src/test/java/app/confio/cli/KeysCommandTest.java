package app.confio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.platform.TokenKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code confio keys}: a pair the server accepts, a private key for its owner only, no overwrite.
 */
class KeysCommandTest {

  @TempDir Path folder;
  ByteArrayOutputStream out = new ByteArrayOutputStream();
  ByteArrayOutputStream err = new ByteArrayOutputStream();

  int cut(String... args) {
    out.reset();
    err.reset();
    return Cli.run(
        args,
        Map.of(),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  Path privateKey() {
    return folder.resolve("keys/jwt-private.pem");
  }

  Path publicKey() {
    return folder.resolve("keys/jwt-public.pem");
  }

  @Test
  void writesAPairThatSignsAndVerifiesWithThePrivateKeyForItsOwnerOnly() throws Exception {
    assertEquals(0, cut("keys", folder.resolve("keys").toString()), err.toString());
    var signing = TokenKeys.readPrivateKey(privateKey().toString());
    var verifying = TokenKeys.publicKey(Files.readString(publicKey()));
    assertTrue(TokenKeys.match(signing, verifying));
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey())));
    assertEquals(
        "rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(publicKey())));
    var said = out.toString(StandardCharsets.UTF_8);
    assertTrue(
        said.contains("confio.jwt.private-key.location=" + privateKey().toAbsolutePath()), said);
    assertTrue(said.contains("mp.jwt.verify.publickey.location=" + publicKey().toUri()), said);
    try (var files = Files.list(folder.resolve("keys"))) {
      assertEquals(2, files.count(), "nothing else is left in the folder");
    }
  }

  @Test
  void aPairAlreadyThereIsKeptUnlessForced() throws Exception {
    assertEquals(0, cut("keys", folder.resolve("keys").toString()));
    var before = Files.readAllBytes(privateKey());
    assertEquals(2, cut("keys", folder.resolve("keys").toString()));
    assertEquals(
        privateKey() + " exists; keys leaves it as it is (--force replaces the pair)\n",
        err.toString(StandardCharsets.UTF_8));
    assertArrayEquals(before, Files.readAllBytes(privateKey()));

    assertEquals(0, cut("keys", "--force", folder.resolve("keys").toString()));
    assertFalse(Arrays.equals(before, Files.readAllBytes(privateKey())), "a new private key");
    assertTrue(
        TokenKeys.match(
            TokenKeys.readPrivateKey(privateKey().toString()),
            TokenKeys.publicKey(Files.readString(publicKey()))));
  }

  @Test
  void anUnusualKeySizeIsAUsageError() {
    assertEquals(2, cut("keys", "--bits", "1024", folder.toString()));
    assertFalse(Files.exists(folder.resolve("jwt-private.pem")));
  }
}
