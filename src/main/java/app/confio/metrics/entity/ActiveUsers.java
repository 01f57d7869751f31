package app.confio.metrics.entity;

import app.confio.activity.entity.Policy;
import java.math.BigDecimal;

/** Eligible users active within the last {@code days} days under a policy, and their share. */
public record ActiveUsers(Policy policy, int days, long active, long eligible, BigDecimal percent) {

  public static ActiveUsers of(Policy policy, int days, long active, long eligible) {
    return new ActiveUsers(policy, days, active, eligible, Share.percent(active, eligible));
  }
}
