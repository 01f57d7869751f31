package app.confio.users.control;

import app.confio.platform.TokenKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs short-lived MicroProfile JWT access tokens (RS256) with the private key that configuration
 * names; the application verifies them with the matching public key through MP-JWT. The subject and
 * {@code upn} are the user's id, so the caller principal's name is the id; {@code sid} names the
 * session, which must still be live for the token to count.
 */
@ApplicationScoped
public class AccessTokens {

  static final String USER_GROUP = "user";
  public static final String SESSION_CLAIM = "sid";

  @Inject
  @ConfigProperty(name = "confio.jwt.private-key.location")
  String privateKeyLocation;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "confio")
  String issuer;

  @Inject
  @ConfigProperty(name = "confio.jwt.access-token.lifetime", defaultValue = "PT15M")
  Duration lifetime;

  private PrivateKey key;

  @PostConstruct
  void loadKey() {
    key = readPrivateKey(privateKeyLocation);
  }

  /** A token for the session's user, expiring by {@code expires}, see {@link #expiry}. */
  public String issue(long userId, long sessionId, Instant expires) {
    var now = Instant.now();
    var header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build();
    var claims =
        Json.createObjectBuilder()
            .add("iss", issuer)
            .add("sub", Long.toString(userId))
            .add("upn", Long.toString(userId))
            .add("groups", Json.createArrayBuilder().add(USER_GROUP))
            .add("iat", now.getEpochSecond())
            .add("exp", expires.getEpochSecond())
            .add(SESSION_CLAIM, Long.toString(sessionId))
            .add("jti", UUID.randomUUID().toString())
            .build();
    return TokenKeys.sign(key, header, claims);
  }

  /** When a token issued now expires: after its lifetime, or at {@code notAfter} if sooner. */
  public Instant expiry(Instant notAfter) {
    var expires = Instant.now().plus(lifetime);
    return expires.isAfter(notAfter) ? notAfter : expires;
  }

  private static PrivateKey readPrivateKey(String location) {
    try {
      return TokenKeys.readPrivateKey(location);
    } catch (IOException e) {
      throw new IllegalStateException(
          "confio.jwt.private-key.location must name a PKCS#8 PEM RSA private key: " + location, e);
    }
  }
}
