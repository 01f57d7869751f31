package app.confio.activity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The calendar day an instant falls on in the reporting time zone ({@code confio.activity.zone}).
 */
@ApplicationScoped
public class ReportingDay {

  @Inject
  @ConfigProperty(name = "confio.activity.zone", defaultValue = "UTC")
  ZoneId zone;

  public LocalDate of(OffsetDateTime instant) {
    return instant.atZoneSameInstant(zone).toLocalDate();
  }

  public LocalDate today() {
    return LocalDate.now(zone);
  }

  /** The instant a reporting day begins: local midnight, or whenever a DST change makes it. */
  public OffsetDateTime start(LocalDate day) {
    return day.atStartOfDay(zone).toOffsetDateTime();
  }

  public ZoneId zone() {
    return zone;
  }

  /** The zone as PostgreSQL's {@code timezone(zone, instant)} reads it, for set-based writes. */
  public String sqlZone() {
    return sqlName(zone);
  }

  /**
   * Region ids (America/Caracas, UTC) are the same in both worlds. A fixed offset is written in
   * POSIX form, whose sign is the opposite of ISO 8601's: PostgreSQL reads "+02:00" as two hours
   * west of Greenwich.
   */
  static String sqlName(ZoneId zone) {
    if (zone.normalized() instanceof ZoneOffset offset) {
      int west = -offset.getTotalSeconds();
      int abs = Math.abs(west);
      return String.format(
          "<%s>%s%02d:%02d:%02d",
          offset.getTotalSeconds() == 0 ? "UTC" : "OFFSET",
          west < 0 ? "-" : "+",
          abs / 3600,
          abs / 60 % 60,
          abs % 60);
    }
    return zone.getId();
  }
}
