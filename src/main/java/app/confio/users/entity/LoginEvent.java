package app.confio.users.entity;

import app.confio.platform.Attributed;
import app.confio.platform.Attribution;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One successful sign-in or session refresh: the first of the eight activity sources. */
@Entity
@EntityListeners(Attribution.class)
@Table(name = "login_events")
public class LoginEvent implements Attributed {

  public enum Kind {
    LOGIN,
    SESSION_REFRESH
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private Long userId;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "acted_by")
  private String actedBy;

  protected LoginEvent() {}

  public LoginEvent(Long userId, Kind kind) {
    this.userId = userId;
    this.kind = kind;
    this.createdAt = OffsetDateTime.now();
  }

  @Override
  public void actedBy(String impersonator) {
    this.actedBy = impersonator;
  }
}
