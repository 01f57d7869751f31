package app.confio.backfill.control;

import jakarta.ejb.ScheduleExpression;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The backfill schedule as configured: five fields like cron's — minute, hour, day of month, month,
 * day of week — each in the EJB timer syntax ({@code 30}, {@code *}, {@code 1-5}, {@code *}{@code
 * /15}, {@code Mon,Thu}), in the reporting time zone; or {@code off}.
 */
public final class Schedules {

  static final String[] NAMES = {"minute", "hour", "day-of-month", "month", "day-of-week"};
  static final int[][] RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};

  private Schedules() {}

  /**
   * The EJB syntax's characters only, and its plain numbers within the field's range: a name (Mon,
   * Jan, Last), a range, a list or an increment passes, {@code 99} as a minute does not.
   */
  static boolean valid(String field, int[] range) {
    if (!field.matches("[0-9A-Za-z*/,-]+")) {
      return false;
    }
    for (var part : field.split("[,/-]")) {
      if (part.matches("\\d+")) {
        var number = Integer.parseInt(part);
        if (number < range[0] || number > range[1]) {
          return false;
        }
      }
    }
    return true;
  }

  public static Optional<ScheduleExpression> parse(String schedule, ZoneId zone) {
    var text = schedule == null ? "" : schedule.strip();
    if (text.isEmpty() || text.equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    var fields = text.split("\\s+");
    if (fields.length != 5) {
      throw new IllegalArgumentException(
          "confio.backfill.schedule must be five fields (minute hour day-of-month month"
              + " day-of-week, e.g. '30 3 * * *') or 'off', not '"
              + schedule
              + "'");
    }
    for (var field = 0; field < fields.length; field++) {
      if (!valid(fields[field], RANGES[field])) {
        throw new IllegalArgumentException(
            "confio.backfill.schedule's "
                + NAMES[field]
                + " field '"
                + fields[field]
                + "' is not one (from "
                + RANGES[field][0]
                + " to "
                + RANGES[field][1]
                + ")");
      }
    }
    return Optional.of(
        new ScheduleExpression()
            .second("0")
            .minute(fields[0])
            .hour(fields[1])
            .dayOfMonth(fields[2])
            .month(fields[3])
            .dayOfWeek(fields[4])
            .timezone(timezoneId(zone)));
  }

  /** EJB timers take java.util.TimeZone ids, which know GMT+02:00 but not +02:00. */
  static String timezoneId(ZoneId zone) {
    return zone.normalized() instanceof ZoneOffset offset
        ? "GMT" + (offset.getTotalSeconds() == 0 ? "" : offset.getId())
        : zone.getId();
  }
}
