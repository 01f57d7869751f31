package app.confio.achievements.entity;

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

/** An achievement a person earned, and when. */
@Entity
@Table(name = "achievements_earned")
@NamedQuery(
    name = AchievementEarned.OF_USER,
    query = "select a from AchievementEarned a where a.userId = :userId order by a.createdAt, a.id")
public class AchievementEarned {

  public static final String OF_USER = "AchievementEarned.ofUser";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private Long userId;

  @Enumerated(EnumType.STRING)
  private Achievement code;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected AchievementEarned() {}

  public Achievement code() {
    return code;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
