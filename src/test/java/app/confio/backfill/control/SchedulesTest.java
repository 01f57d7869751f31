package app.confio.backfill.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SchedulesTest {

  static final ZoneId CARACAS = ZoneId.of("America/Caracas");

  @Test
  void fiveFieldsBecomeATimerScheduleInTheReportingZone() {
    var cut = Schedules.parse("30 3 * * *", CARACAS).orElseThrow();
    assertEquals("0", cut.getSecond());
    assertEquals("30", cut.getMinute());
    assertEquals("3", cut.getHour());
    assertEquals("*", cut.getDayOfMonth());
    assertEquals("*", cut.getMonth());
    assertEquals("*", cut.getDayOfWeek());
    assertEquals("America/Caracas", cut.getTimezone());
  }

  @Test
  void offOrNothingMeansNoSchedule() {
    assertTrue(Schedules.parse("off", CARACAS).isEmpty());
    assertTrue(Schedules.parse(" ", CARACAS).isEmpty());
  }

  @Test
  void anythingElseIsRefusedWithTheExpectedShape() {
    var refusal =
        assertThrows(IllegalArgumentException.class, () -> Schedules.parse("3:30", CARACAS));
    assertTrue(refusal.getMessage().contains("five fields"), refusal.getMessage());
  }

  @Test
  void aFixedOffsetIsATimeZoneTimersKnow() {
    assertEquals("GMT+02:00", Schedules.timezoneId(ZoneId.of("+02:00")));
    assertEquals("GMT", Schedules.timezoneId(ZoneId.of("Z")));
  }
}
