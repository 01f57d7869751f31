package app.confio.platform;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The RSA key pair of the access tokens, as PEM files: the PKCS#8 private key that signs them and
 * the X.509 public key that MP-JWT verifies them with. A location is a path, a {@code file:} URL,
 * another URL, or a resource of the application, as MP-JWT reads {@code
 * mp.jwt.verify.publickey.location}. Also compact JWS signing with RS256, and its verification.
 */
public final class TokenKeys {

  /** A URL with a scheme of two letters or more (so that no path is taken for one). */
  private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]+:.*");

  private TokenKeys() {}

  /** A PKCS#8 PEM RSA private key; the exception says what is wrong with it. */
  public static PrivateKey readPrivateKey(String location) throws IOException {
    try {
      var der = der(read(location), "PRIVATE KEY");
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IOException("not a PKCS#8 PEM RSA private key (BEGIN PRIVATE KEY)", e);
    }
  }

  /** An X.509 PEM RSA public key, given as the PEM text itself. */
  public static PublicKey publicKey(String pem) throws IOException {
    try {
      return KeyFactory.getInstance("RSA")
          .generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IOException("not a PEM RSA public key (BEGIN PUBLIC KEY)", e);
    }
  }

  /** The text at {@code location}. */
  public static String read(String location) throws IOException {
    if (location.startsWith("file:")) {
      return Files.readString(Path.of(URI.create(location)));
    }
    if (URL.matcher(location).matches()) {
      try (InputStream in = URI.create(location).toURL().openStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    var path = Path.of(location);
    var resource =
        path.isAbsolute()
            ? null
            : Thread.currentThread().getContextClassLoader().getResource(location);
    if (resource != null) {
      try (InputStream in = resource.openStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return Files.readString(path);
  }

  private static byte[] der(String pem, String type) {
    if (!pem.contains("-----BEGIN " + type + "-----")) {
      throw new IllegalArgumentException("no " + type);
    }
    var body = pem.replaceAll("-----(BEGIN|END) " + type + "-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  /** A compact JWS of the claims, signed with RS256. */
  public static String sign(PrivateKey key, JsonObject header, JsonObject claims) {
    var signingInput = base64(header.toString()) + "." + base64(claims.toString());
    try {
      var signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput
          + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign an access token", e);
    }
  }

  /** Whether {@code jws}'s RS256 signature was made by the private key of {@code key}. */
  public static boolean verifies(PublicKey key, String jws) {
    var dot = jws.lastIndexOf('.');
    try {
      var signature = Signature.getInstance("SHA256withRSA");
      signature.initVerify(key);
      signature.update(jws.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
      return signature.verify(Base64.getUrlDecoder().decode(jws.substring(dot + 1)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Signs one token with {@code privateKey} and answers whether {@code publicKey} verifies it. */
  public static boolean match(PrivateKey privateKey, PublicKey publicKey) {
    var header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build();
    var claims = Json.createObjectBuilder().add("sub", "configuration-check").build();
    return verifies(publicKey, sign(privateKey, header, claims));
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
