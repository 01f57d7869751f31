package app.confio.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * One sign-in and the refreshes that followed from it: the family of its refresh tokens, named by
 * the {@code sid} claim of its access tokens. It ends when revoked (logout, or a spent refresh
 * token presented again) or when its absolute lifetime has passed since it began, however often it
 * was refreshed.
 */
@Entity
@Table(name = "sessions")
public class Session {

  public static final String LOGOUT = "LOGOUT";
  public static final String REUSE = "REUSE";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private Long userId;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Session() {}

  public Session(Long userId) {
    this.userId = userId;
    this.createdAt = OffsetDateTime.now();
  }

  public Long id() {
    return id;
  }

  public Long userId() {
    return userId;
  }

  /** The moment the session ends at the latest, revoked or not. */
  public OffsetDateTime endsAt(Duration absoluteLifetime) {
    return createdAt.plus(absoluteLifetime);
  }
}
