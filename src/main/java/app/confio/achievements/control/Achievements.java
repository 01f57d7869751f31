package app.confio.achievements.control;

import app.confio.achievements.entity.Achievement;
import app.confio.achievements.entity.AchievementEarned;
import app.confio.money.control.Ledger;
import app.confio.money.control.MoneyMoved;
import app.confio.money.entity.Currency;
import app.confio.money.entity.Owner;
import app.confio.platform.Actor;
import app.confio.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;

/**
 * Awards achievements inside the transaction that earned them, and handles claims. Earning twice is
 * impossible: the table has one row per person and achievement, and the insert ignores a second.
 */
@ApplicationScoped
public class Achievements {

  static final BigDecimal HOLDER_THRESHOLD = new BigDecimal("100");

  @PersistenceContext EntityManager em;
  @Inject Ledger ledger;
  @Inject Actor actor;

  void award(@Observes MoneyMoved moved) {
    Achievement.awardedOn(moved.kind()).ifPresent(a -> earn(moved.userId(), a, moved.actedBy()));
  }

  public AchievementEarned claim(long userId, Achievement achievement) {
    if (!achievement.claimable()) {
      throw new NotEligibleException(achievement.title() + " is awarded, not claimed");
    }
    if (achievement == Achievement.CONFIO_HOLDER
        && ledger
                .balances(new Owner.Person(userId))
                .get(Currency.CONFIO)
                .compareTo(HOLDER_THRESHOLD)
            < 0) {
      throw new NotEligibleException("Hold at least 100 CONFIO to claim this");
    }
    if (!earn(userId, achievement, actor.actedBy())) {
      throw new AlreadyEarnedException(achievement);
    }
    return of(userId).stream().filter(e -> e.code() == achievement).findFirst().orElseThrow();
  }

  public List<AchievementEarned> of(long userId) {
    return em.createNamedQuery(AchievementEarned.OF_USER, AchievementEarned.class)
        .setParameter("userId", userId)
        .getResultList();
  }

  /** {@code actedBy}: the staff member who earned it for the user, or null (see Actor). */
  private boolean earn(long userId, Achievement achievement, String actedBy) {
    return em.createNativeQuery(
                "insert into achievements_earned (user_id, code, acted_by) values (?1, ?2, ?3)"
                    + " on conflict (user_id, code) do nothing")
            .setParameter(1, userId)
            .setParameter(2, achievement.name())
            .setParameter(3, actedBy)
            .executeUpdate()
        == 1;
  }

  public static class NotEligibleException extends Refusal {
    NotEligibleException(String message) {
      super("NOT_ELIGIBLE", message);
    }
  }

  public static class AlreadyEarnedException extends Refusal {
    AlreadyEarnedException(Achievement achievement) {
      super("ALREADY_EARNED", "You have already earned " + achievement.name());
    }
  }
}
