package app.confio.users.control;

import app.confio.users.entity.RefreshToken;
import app.confio.users.entity.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opaque, single-use refresh tokens, each of one session. Redeeming is one conditional update, so
 * of two refreshes racing with the same token one wins; the other presents a spent token, as a
 * thief would, and the caller ends the session ({@link #spentSession}, RFC 9700 §4.14).
 */
@ApplicationScoped
public class RefreshTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "confio.jwt.refresh-token.lifetime", defaultValue = "P30D")
  Duration lifetime;

  /** A new token of the session, expiring no later than the session's absolute end. */
  public String issue(Session session, Duration absoluteLifetime) {
    var bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    em.persist(
        new RefreshToken(
            session.userId(),
            session.id(),
            sha256(token),
            lifetime,
            session.endsAt(absoluteLifetime)));
    return token;
  }

  /**
   * The token's row, if it was unused, unexpired and of a live session; the token is spent then.
   */
  public Optional<RefreshToken> redeem(String token, Duration absoluteLifetime) {
    var hash = sha256(token);
    int spent =
        em.createNativeQuery(
                "update refresh_tokens t set used_at = now()"
                    + " where t.token_hash = ?1 and t.used_at is null and t.expires_at > now()"
                    + " and exists (select 1 from sessions s where s.id = t.session_id"
                    + " and s.revoked_at is null and s.created_at > now() - make_interval(secs => ?2))")
            .setParameter(1, hash)
            .setParameter(2, (double) absoluteLifetime.toSeconds())
            .executeUpdate();
    return spent == 0 ? Optional.empty() : byHash(hash);
  }

  /** The session of {@code token} if it was already spent: a copy of it is in other hands. */
  public Optional<Long> spentSession(String token) {
    return byHash(sha256(token)).filter(RefreshToken::spent).map(RefreshToken::sessionId);
  }

  private Optional<RefreshToken> byHash(String hash) {
    return em.createNamedQuery(RefreshToken.BY_HASH, RefreshToken.class)
        .setParameter("hash", hash)
        .getResultStream()
        .findFirst();
  }

  static String sha256(String token) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
