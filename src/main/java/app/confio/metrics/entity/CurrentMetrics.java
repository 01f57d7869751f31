package app.confio.metrics.entity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The figures at one moment. Windows are rolling: "DAU" is the eligible users whose last activity
 * lies within the 24 hours before {@code asOf}. {@code excluded} counts the accounts left out, by
 * reason ({@code TEST}, {@code STAFF}, {@code SYSTEM}, {@code SUSPENDED}, {@code DELETED}).
 */
public record CurrentMetrics(
    OffsetDateTime asOf,
    String windows,
    long eligible,
    long excluded,
    Map<String, Long> excludedBy,
    List<PolicyFigures> policies) {

  public static final String ROLLING = "rolling, ending at asOf";

  public PolicyFigures of(app.confio.activity.entity.Policy policy) {
    return policies.stream().filter(p -> p.policy() == policy).findFirst().orElseThrow();
  }
}
