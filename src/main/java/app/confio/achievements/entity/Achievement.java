package app.confio.achievements.entity;

import app.confio.money.control.MoneyMoved;
import java.util.Optional;

/** What can be earned, and how: awarded on a kind of money movement, or claimed. */
public enum Achievement {
  WELCOME(null, "Joined Confío"),
  CONFIO_HOLDER(null, "Holds at least 100 CONFIO"),
  FIRST_SEND(MoneyMoved.Kind.SEND, "Sent money for the first time"),
  FIRST_PAYMENT(MoneyMoved.Kind.PAYMENT, "Paid a business for the first time"),
  FIRST_CONVERSION(MoneyMoved.Kind.CONVERSION, "Converted currencies for the first time"),
  FIRST_TRADE(MoneyMoved.Kind.P2P_TRADE, "Completed a first P2P trade");

  private final MoneyMoved.Kind awardedOn;
  private final String title;

  Achievement(MoneyMoved.Kind awardedOn, String title) {
    this.awardedOn = awardedOn;
    this.title = title;
  }

  public boolean claimable() {
    return awardedOn == null;
  }

  public String title() {
    return title;
  }

  public static Optional<Achievement> awardedOn(MoneyMoved.Kind kind) {
    for (var achievement : values()) {
      if (achievement.awardedOn == kind) {
        return Optional.of(achievement);
      }
    }
    return Optional.empty();
  }
}
