package app.confio.testing;

import app.confio.users.control.AccessTokens;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Access tokens signed with the tests' own key, for cases sign-in cannot make: many users at once
 * without a login each (which would itself count as activity), or a staff member acting for a user.
 */
public final class Tokens {

  private Tokens() {}

  public static String forUser(String userId) {
    return forUser(userId, claims -> claims);
  }

  public static String forUser(String userId, UnaryOperator<JsonObjectBuilder> more) {
    var key =
        AccessTokens.readPrivateKey(
            Path.of("target", "test-keys", KeyFiles.PRIVATE).toAbsolutePath().toString());
    var now = Instant.now().getEpochSecond();
    var claims =
        Json.createObjectBuilder()
            .add("iss", "confio")
            .add("sub", userId)
            .add("upn", userId)
            .add("groups", Json.createArrayBuilder().add("user"))
            .add("iat", now)
            .add("exp", now + 900)
            .add("jti", UUID.randomUUID().toString());
    return AccessTokens.sign(
        key,
        Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build(),
        more.apply(claims).build());
  }
}
