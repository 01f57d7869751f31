package app.confio.business.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A business with its own balances, run by the people in {@link Employee}. */
@Entity
@Table(name = "businesses")
public class Business {

  public static final int MAX_NAME_LENGTH = 80;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "owner_id", nullable = false)
  private Long ownerId;

  @Column(nullable = false)
  private String name;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Business() {}

  public Business(long ownerId, String name) {
    this.ownerId = ownerId;
    this.name = name;
    this.createdAt = OffsetDateTime.now();
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }
}
