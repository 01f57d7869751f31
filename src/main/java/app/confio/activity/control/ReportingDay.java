package app.confio.activity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
}
