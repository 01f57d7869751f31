package app.confio.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keys [FOLDER]}: makes the RSA key pair of the access tokens, the one thing of the command
 * line that needs no server. The private key is written to a file readable by its owner only before
 * any byte of it is, then moved into place; a pair already there is kept unless {@code --force}.
 */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = {
      "Makes the RSA key pair that signs and verifies access tokens.",
      "Writes jwt-private.pem (PKCS#8, mode 600) and jwt-public.pem into FOLDER, for"
          + " confio.jwt.private-key.location and mp.jwt.verify.publickey.location. Every member"
          + " of a cluster uses the same pair. A pair already there is kept: exit 2, unless"
          + " --force."
    })
final class KeysCommand implements Callable<Integer> {

  static final String PRIVATE = "jwt-private.pem";
  static final String PUBLIC = "jwt-public.pem";

  @ParentCommand Cli cli;

  @Parameters(
      paramLabel = "FOLDER",
      arity = "0..1",
      description = "where to write them (the current folder)")
  Path folder = Path.of(".");

  @Option(names = "--force", description = "replace the pair already in FOLDER")
  boolean force;

  @Option(
      names = "--bits",
      paramLabel = "N",
      description = "the RSA key size: 2048 (default), 3072 or 4096")
  int bits = 2048;

  @Override
  public Integer call() throws IOException {
    if (bits != 2048 && bits != 3072 && bits != 4096) {
      throw new Failure(Exit.USAGE, "--bits must be 2048, 3072 or 4096, not " + bits);
    }
    var privateKey = folder.resolve(PRIVATE);
    var publicKey = folder.resolve(PUBLIC);
    for (var file : new Path[] {privateKey, publicKey}) {
      if (!force && Files.exists(file)) {
        throw new Failure(
            Exit.USAGE, file + " exists; keys leaves it as it is (--force replaces the pair)");
      }
    }
    Files.createDirectories(folder);
    var pair = generator().generateKeyPair();
    write(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), "rw-------");
    write(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), "rw-r--r--");
    cli.out.println(
        "Wrote " + privateKey + " (owner only) and " + publicKey + ". The server takes:");
    cli.out.println("  confio.jwt.private-key.location=" + privateKey.toAbsolutePath());
    cli.out.println("  mp.jwt.verify.publickey.location=" + publicKey.toAbsolutePath().toUri());
    return Exit.OK;
  }

  private KeyPairGenerator generator() {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return generator;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes a file of its own mode beside {@code target}, then moves it over {@code target}. */
  private static void write(Path target, String text, String mode) throws IOException {
    var permissions = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode));
    var temporary = target.resolveSibling(target.getFileName() + ".new");
    Files.deleteIfExists(temporary);
    try {
      Files.createFile(temporary, permissions);
    } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
      throw new Failure(Exit.USAGE, "Cannot create " + temporary + " with mode " + mode, e);
    }
    Files.writeString(temporary, text);
    Files.move(
        temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String pem(String type, byte[] der) {
    var body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
