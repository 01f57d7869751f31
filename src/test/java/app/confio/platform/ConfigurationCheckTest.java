package app.confio.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.devserver.KeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token keys as the start-up check reads them: present, readable, and one pair. */
class ConfigurationCheckTest {

  @TempDir Path folder;

  Map<String, String> keys(Path pair) {
    var values = new HashMap<String, String>();
    values.put(ConfigurationCheck.PUBLIC_KEY, pair.resolve(KeyFiles.PUBLIC).toUri().toString());
    values.put(ConfigurationCheck.PRIVATE_KEY, pair.resolve(KeyFiles.PRIVATE).toString());
    return values;
  }

  @Test
  void aMatchingPairPasses() {
    var values = keys(KeyFiles.ensure(folder.resolve("a")));
    assertEquals(List.of(), ConfigurationCheck.problems(values::get));
  }

  @Test
  void aPrivateKeyOfAnotherPairIsRefused() {
    var values = keys(KeyFiles.ensure(folder.resolve("a")));
    var other = KeyFiles.ensure(folder.resolve("b")).resolve(KeyFiles.PRIVATE).toString();
    values.put(ConfigurationCheck.PRIVATE_KEY, other);
    var problems = ConfigurationCheck.problems(values::get);
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(
        "confio.jwt.private-key.location is \""
            + other
            + "\", a private key that does not match the public key of"
            + " mp.jwt.verify.publickey.location: no token it signs would be accepted.",
        problems.get(0));
  }

  @Test
  void aMissingUnsetOrMalformedKeyIsNamed() throws Exception {
    var values = keys(KeyFiles.ensure(folder.resolve("a")));
    var missing = folder.resolve("nowhere/jwt-private.pem").toString();
    values.put(ConfigurationCheck.PRIVATE_KEY, missing);
    assertEquals(
        List.of(
            "confio.jwt.private-key.location is \"" + missing + "\", a file that does not exist."),
        ConfigurationCheck.problems(values::get));

    values.remove(ConfigurationCheck.PRIVATE_KEY);
    var garbage = Files.writeString(folder.resolve("garbage.pem"), "not a key");
    values.put(ConfigurationCheck.PUBLIC_KEY, garbage.toString());
    var problems = ConfigurationCheck.problems(values::get);
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(
        problems.contains(
            "mp.jwt.verify.publickey.location is \""
                + garbage
                + "\", which is not a PEM RSA public key (BEGIN PUBLIC KEY)."),
        problems.toString());
    assertTrue(
        problems.contains(
            "confio.jwt.private-key.location is not set: it names a PEM file of the token key pair"
                + " (README, Keys)."),
        problems.toString());
  }

  @Test
  void anInlinePublicKeyIsCheckedAgainstThePrivateKey() throws Exception {
    var pair = KeyFiles.ensure(folder.resolve("a"));
    var values = keys(pair);
    values.remove(ConfigurationCheck.PUBLIC_KEY);
    values.put(
        ConfigurationCheck.INLINE_PUBLIC_KEY, Files.readString(pair.resolve(KeyFiles.PUBLIC)));
    assertEquals(List.of(), ConfigurationCheck.problems(values::get));
    values.put(
        ConfigurationCheck.PRIVATE_KEY,
        KeyFiles.ensure(folder.resolve("b")).resolve(KeyFiles.PRIVATE).toString());
    assertEquals(1, ConfigurationCheck.problems(values::get).size());
  }

  @Test
  void settingsAndKeysAreReportedTogether() {
    var values = keys(KeyFiles.ensure(folder.resolve("a")));
    values.put("confio.health.database-grace", "banana");
    values.put("confio.growth.cache.size", "-1");
    var problems = ConfigurationCheck.problems(values::get);
    assertEquals(2, problems.size(), problems.toString());
  }
}
