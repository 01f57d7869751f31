package app.confio.users.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
    return sign(key, header, claims);
  }

  /** A compact JWS of the claims, signed with RS256. */
  public static String sign(PrivateKey key, JsonObject header, JsonObject claims) {
    var signingInput = base64(header.toString()) + "." + base64(claims.toString());
    return signingInput + "." + signature(key, signingInput);
  }

  /** When a token issued now expires: after its lifetime, or at {@code notAfter} if sooner. */
  public Instant expiry(Instant notAfter) {
    var expires = Instant.now().plus(lifetime);
    return expires.isAfter(notAfter) ? notAfter : expires;
  }

  private static String signature(PrivateKey key, String signingInput) {
    try {
      var signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign an access token", e);
    }
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a PKCS#8 PEM file, given as a path or a {@code file:} URL. */
  public static PrivateKey readPrivateKey(String location) {
    var path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
    try {
      var pem =
          Files.readString(path)
              .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
              .replaceAll("\\s", "");
      var spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem));
      return KeyFactory.getInstance("RSA").generatePrivate(spec);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "confio.jwt.private-key.location must name a PKCS#8 PEM RSA private key: " + location, e);
    }
  }
}
