package app.confio.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A person (or a business's own login, or a staff, test or system account) known by phone number.
 * {@code last_activity_at} is deliberately not mapped: it has exactly one writer, the activity
 * tracker, and it writes with a bulk update.
 */
@Entity
@Table(name = "users")
@NamedQuery(name = User.BY_PHONE, query = "select u from User u where u.phone = :phone")
public class User {

  public static final String BY_PHONE = "User.byPhone";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String phone;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  private UserStatus status = UserStatus.ACTIVE;

  @Enumerated(EnumType.STRING)
  private UserKind kind;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected User() {}

  public boolean canSignIn() {
    return status == UserStatus.ACTIVE;
  }

  public Long id() {
    return id;
  }

  public String phone() {
    return phone;
  }

  public String displayName() {
    return displayName;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public UserStatus status() {
    return status;
  }

  public UserKind kind() {
    return kind;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
