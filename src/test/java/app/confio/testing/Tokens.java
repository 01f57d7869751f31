package app.confio.testing;

import app.confio.devserver.KeyFiles;
import app.confio.platform.TokenKeys;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Access tokens signed with the tests' own key, for cases sign-in cannot make: many users at once
 * without a login each (which would itself count as activity), or a staff member acting for a user.
 * Each names a session of its own, opened in the database as a sign-in would, since the server
 * accepts no token without a live one.
 */
public final class Tokens {

  private Tokens() {}

  public static String forUser(String userId) {
    return forUser(userId, claims -> claims);
  }

  public static String forUser(String userId, UnaryOperator<JsonObjectBuilder> more) {
    PrivateKey key;
    try {
      key =
          TokenKeys.readPrivateKey(
              Path.of("target", "test-keys", KeyFiles.PRIVATE).toAbsolutePath().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var now = Instant.now().getEpochSecond();
    var claims =
        Json.createObjectBuilder()
            .add("iss", "confio")
            .add("sub", userId)
            .add("upn", userId)
            .add("groups", Json.createArrayBuilder().add("user"))
            .add("iat", now)
            .add("exp", now + 900)
            .add("jti", UUID.randomUUID().toString())
            .add("sid", Long.toString(openSession(userId)));
    return TokenKeys.sign(
        key,
        Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build(),
        more.apply(claims).build());
  }

  /** A new live session of the user, straight in the database. */
  public static long openSession(String userId) {
    try (var db = TestEnvironment.connect();
        var insert =
            db.prepareStatement("insert into sessions (user_id) values (?) returning id")) {
      insert.setLong(1, Long.parseLong(userId));
      var id = insert.executeQuery();
      id.next();
      return id.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot open a session for user " + userId, e);
    }
  }
}
