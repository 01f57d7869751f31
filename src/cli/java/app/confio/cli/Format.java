package app.confio.cli;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the command line writes the API's values: one place, so every table reads the same. */
final class Format {

  private Format() {}

  /** A count with thousands separators: 1,918. */
  static String count(JsonObject json, String field) {
    return count(json.getJsonNumber(field).longValue());
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** A percentage as the server rounded it, always with two decimals: 3.10. */
  static String percent(JsonObject json, String field) {
    return json.getJsonNumber(field).bigDecimalValue().setScale(2, RoundingMode.HALF_UP).toString();
  }

  /** A moment to the second in UTC, or "-" for none: 2026-11-24T06:17:00Z. */
  static String time(JsonObject json, String field) {
    var value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return "-";
    }
    return OffsetDateTime.parse(json.getString(field))
        .withOffsetSameInstant(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.SECONDS)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** APP_ACTIVE as app-active. */
  static String policy(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Seconds as h:mm:ss. */
  static String duration(long seconds) {
    return "%d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  /** {"DELETED":14,"STAFF":6} as "DELETED 14, STAFF 6", or "none". */
  static String byReason(JsonObject counts) {
    if (counts.isEmpty()) {
      return "none";
    }
    return counts.entrySet().stream()
        .map(e -> e.getKey() + " " + count(((JsonNumber) e.getValue()).longValue()))
        .collect(Collectors.joining(", "));
  }
}
