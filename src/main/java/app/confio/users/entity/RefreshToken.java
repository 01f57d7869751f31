package app.confio.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A refresh token, stored only as its SHA-256 so a copy of the table signs nobody in. Each token is
 * good for one refresh: using it marks it used and a new one of the same session is issued.
 */
@Entity
@Table(name = "refresh_tokens")
@NamedQuery(
    name = RefreshToken.BY_HASH,
    query = "select t from RefreshToken t where t.tokenHash = :hash")
public class RefreshToken {

  public static final String BY_HASH = "RefreshToken.byHash";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private Long userId;

  @Column(name = "session_id", nullable = false)
  private Long sessionId;

  @Column(name = "token_hash", nullable = false, unique = true)
  private String tokenHash;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "used_at")
  private OffsetDateTime usedAt;

  protected RefreshToken() {}

  /** A token good for {@code lifetime}, but never past {@code notAfter}, its session's end. */
  public RefreshToken(
      Long userId, Long sessionId, String tokenHash, Duration lifetime, OffsetDateTime notAfter) {
    this.userId = userId;
    this.sessionId = sessionId;
    this.tokenHash = tokenHash;
    this.createdAt = OffsetDateTime.now();
    var expires = createdAt.plus(lifetime);
    this.expiresAt = expires.isAfter(notAfter) ? notAfter : expires;
  }

  public Long userId() {
    return userId;
  }

  public Long sessionId() {
    return sessionId;
  }

  /** Whether it was redeemed already. */
  public boolean spent() {
    return usedAt != null;
  }
}
