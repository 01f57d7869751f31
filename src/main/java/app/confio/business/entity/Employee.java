package app.confio.business.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A person's role in a business. */
@Entity
@Table(name = "business_employees")
@IdClass(Employee.Key.class)
@NamedQuery(
    name = Employee.OF_USER,
    query = "select e from Employee e where e.userId = :userId order by e.businessId")
public class Employee {

  public static final String OF_USER = "Employee.ofUser";

  /** The primary key: a person works for a business once. */
  public static class Key implements Serializable {
    private Long businessId;
    private Long userId;

    public Key() {}

    public Key(long businessId, long userId) {
      this.businessId = businessId;
      this.userId = userId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(businessId, key.businessId)
          && Objects.equals(userId, key.userId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(businessId, userId);
    }
  }

  @Id
  @Column(name = "business_id")
  private Long businessId;

  @Id
  @Column(name = "user_id")
  private Long userId;

  @Enumerated(EnumType.STRING)
  private Role role;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Employee() {}

  public Employee(long businessId, long userId, Role role) {
    this.businessId = businessId;
    this.userId = userId;
    this.role = role;
    this.createdAt = OffsetDateTime.now();
  }

  public Long businessId() {
    return businessId;
  }

  public Long userId() {
    return userId;
  }

  public Role role() {
    return role;
  }
}
