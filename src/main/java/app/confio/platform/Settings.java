package app.confio.platform;

import app.confio.backfill.control.Schedules;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every setting the server reads (the README's table), and what a value of it must be. A value that
 * breaks its rule is a line naming the setting, the value and what it should be; a setting that is
 * not set takes its default, which keeps its rule. The token keys are checked by {@link
 * ConfigurationCheck}, which needs both files at once.
 */
public final class Settings {

  /** What is wrong with a value, if anything. */
  interface Rule {
    Optional<String> problem(String value);
  }

  record Setting(String name, Rule rule) {}

  static final Set<String> TRUE_FALSE =
      Set.of("true", "false", "yes", "no", "y", "n", "on", "off", "1", "0");

  static final Rule ANY = value -> Optional.empty();
  static final Rule FLAG =
      value ->
          TRUE_FALSE.contains(value.toLowerCase(Locale.ROOT))
              ? Optional.empty()
              : Optional.of("true or false");
  static final Rule POSITIVE_DURATION = duration(Duration.ofMillis(1), "longer than zero");
  static final Rule ZONE =
      value -> {
        try {
          ZoneId.of(value);
          return Optional.empty();
        } catch (DateTimeException e) {
          return Optional.of("a time zone such as UTC or America/Caracas");
        }
      };

  static final List<Setting> ALL =
      List.of(
          new Setting(
              "db.url",
              value ->
                  value.startsWith("jdbc:postgresql:")
                      ? Optional.empty()
                      : Optional.of("a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/db)")),
          new Setting("db.user", ANY),
          new Setting("db.password", ANY),
          new Setting("mp.jwt.verify.publickey.location", ANY),
          new Setting("mp.jwt.verify.publickey", ANY),
          new Setting("confio.jwt.private-key.location", ANY),
          new Setting("mp.jwt.verify.issuer", text()),
          new Setting("confio.jwt.access-token.lifetime", POSITIVE_DURATION),
          new Setting("confio.jwt.refresh-token.lifetime", POSITIVE_DURATION),
          new Setting("confio.session.absolute-lifetime", POSITIVE_DURATION),
          new Setting("confio.login.free-failures", number(0, 1000)),
          new Setting("confio.login.backoff", POSITIVE_DURATION),
          new Setting("confio.login.phone.max-failures", number(1, 1_000_000)),
          new Setting("confio.login.phone.lockout", POSITIVE_DURATION),
          new Setting("confio.login.address.max-failures", number(1, 1_000_000)),
          new Setting("confio.login.address.lockout", POSITIVE_DURATION),
          new Setting("confio.http.trusted-proxies", Settings::addresses),
          new Setting("confio.password.iterations", number(1_000, 10_000_000)),
          new Setting("confio.deposits.enabled", FLAG),
          new Setting("confio.price.confio-usd", Settings::price),
          new Setting("confio.p2p.payment-window", POSITIVE_DURATION),
          new Setting("confio.p2p.max-unpaid-trades", number(1, 1000)),
          new Setting("confio.graphql.max-body-bytes", number(1024, 100_000_000)),
          new Setting("confio.graphql.max-tokens", number(1, 10_000_000)),
          new Setting("confio.graphql.max-depth", number(1, 1000)),
          new Setting("confio.graphql.max-fields", number(1, 1_000_000)),
          new Setting("confio.graphql.max-mutations", number(1, 1000)),
          new Setting("confio.activity.enabled", FLAG),
          new Setting("confio.activity.cooldown", duration(Duration.ofSeconds(1), "at least PT1S")),
          new Setting("confio.activity.zone", ZONE),
          new Setting("confio.growth.cache.size", number(0, 1_000_000)),
          new Setting("confio.growth.cache.max-age", POSITIVE_DURATION),
          new Setting("confio.growth.sets.memory", number(1, 1_000_000)),
          new Setting("confio.metrics.snapshot.minutes", Settings::minutesOfAnHour),
          new Setting("confio.backfill.days", number(Days.MIN, Days.MAX)),
          new Setting("confio.backfill.chunk-size", number(1, 10_000_000)),
          new Setting("confio.backfill.lease", POSITIVE_DURATION),
          new Setting("confio.backfill.schedule", Settings::schedule),
          new Setting("confio.backfill.scheduled-days", number(Days.MIN, Days.MAX)),
          new Setting("confio.history.final-by", within(Duration.ZERO, Duration.ofDays(7))),
          new Setting("confio.idempotency.retention", POSITIVE_DURATION),
          new Setting("confio.grid.timeout", POSITIVE_DURATION),
          new Setting("confio.grid.sign-in-timeout", POSITIVE_DURATION),
          new Setting("confio.health.database-grace", within(Duration.ZERO, Duration.ofDays(1))),
          new Setting("confio.admission.max-concurrent", number(1, 100_000)),
          new Setting("confio.admission.max-wait", within(Duration.ZERO, Duration.ofMinutes(1))),
          new Setting("confio.admin.username", text()),
          new Setting("confio.admin.password", ANY),
          new Setting("confio.admin.sign-in.max-failures", number(1, 1_000_000)),
          new Setting("confio.admin.sign-in.lockout", POSITIVE_DURATION),
          new Setting("confio.admin.cookie-secure", FLAG),
          new Setting("confio.graphql.ui.enabled", FLAG));

  private Settings() {}

  /**
   * One line per value that breaks its rule, naming the setting; {@code values} answers a setting's
   * value as configured, or null when it is not set.
   */
  public static List<String> problems(Function<String, String> values) {
    var problems = new ArrayList<String>();
    for (var setting : ALL) {
      var value = values.apply(setting.name());
      if (value != null) {
        setting
            .rule()
            .problem(value)
            .ifPresent(
                should ->
                    problems.add(setting.name() + " is \"" + value + "\", not " + should + "."));
      }
    }
    return problems;
  }

  static Rule text() {
    return value -> value.isBlank() ? Optional.of("a name (it is empty)") : Optional.empty();
  }

  static Rule number(long min, long max) {
    return value -> {
      try {
        var number = Integer.parseInt(value);
        if (number >= min && number <= max) {
          return Optional.empty();
        }
      } catch (NumberFormatException e) {
        // said below
      }
      return Optional.of("a whole number from " + min + " to " + max);
    };
  }

  static Rule duration(Duration min, String what) {
    return value -> {
      try {
        return Duration.parse(value).compareTo(min) >= 0
            ? Optional.empty()
            : Optional.of("a duration " + what);
      } catch (DateTimeParseException e) {
        return Optional.of("an ISO-8601 duration such as PT20S or P30D");
      }
    };
  }

  static Rule within(Duration min, Duration max) {
    return value -> {
      var first = duration(min, "of at least " + min).problem(value);
      if (first.isPresent()) {
        return first;
      }
      return Duration.parse(value).compareTo(max) <= 0
          ? Optional.empty()
          : Optional.of("a duration of at most " + max);
    };
  }

  static Optional<String> price(String value) {
    try {
      return new BigDecimal(value).signum() > 0
          ? Optional.empty()
          : Optional.of("a price above zero");
    } catch (NumberFormatException e) {
      return Optional.of("a decimal number such as 0.25");
    }
  }

  static Optional<String> minutesOfAnHour(String value) {
    try {
      var minutes = Integer.parseInt(value);
      if (minutes >= 1 && minutes <= 60 && 60 % minutes == 0) {
        return Optional.empty();
      }
    } catch (NumberFormatException e) {
      // said below
    }
    return Optional.of("a number of minutes that divides 60 (1, 2, 3, 5, 10, 15, 20, 30 or 60)");
  }

  static Optional<String> addresses(String value) {
    for (var address : value.split(",")) {
      if (!address.isBlank() && IpAddress.parse(address).isEmpty()) {
        return Optional.of("a comma-separated list of IP addresses");
      }
    }
    return Optional.empty();
  }

  static Optional<String> schedule(String value) {
    try {
      Schedules.parse(value, ZoneId.of("UTC"));
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of("five fields (minute hour day-of-month month day-of-week) or off");
    }
  }
}
