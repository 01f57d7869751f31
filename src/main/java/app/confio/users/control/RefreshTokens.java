package app.confio.users.control;

import app.confio.users.entity.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opaque, single-use refresh tokens. Redeeming is one conditional update, so two refreshes racing
 * with the same token yield one session, not two.
 */
@ApplicationScoped
public class RefreshTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "confio.jwt.refresh-token.lifetime", defaultValue = "P30D")
  Duration lifetime;

  public String issue(long userId) {
    var bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    em.persist(new RefreshToken(userId, sha256(token), lifetime));
    return token;
  }

  /** The user the token belonged to, if it was valid and unused; the token is spent either way. */
  public Optional<Long> redeem(String token) {
    var hash = sha256(token);
    var now = OffsetDateTime.now();
    int spent =
        em.createQuery(
                "update RefreshToken t set t.usedAt = :now"
                    + " where t.tokenHash = :hash and t.usedAt is null and t.expiresAt > :now")
            .setParameter("now", now)
            .setParameter("hash", hash)
            .executeUpdate();
    if (spent == 0) {
      return Optional.empty();
    }
    return em.createNamedQuery(RefreshToken.BY_HASH, RefreshToken.class)
        .setParameter("hash", hash)
        .getResultStream()
        .findFirst()
        .map(RefreshToken::userId);
  }

  static String sha256(String token) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
