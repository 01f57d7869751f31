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
  void aNumberOutsideItsFieldIsRefusedAndTheTimerSyntaxPasses() {
    for (var bad :
        java.util.List.of(
            "99 3 * * *", "30 24 * * *", "0 3 0 * *", "0 3 * 13 *", "0 3 * * 8", "0 3 * * ?")) {
      var refusal =
          assertThrows(IllegalArgumentException.class, () -> Schedules.parse(bad, CARACAS), bad);
      assertTrue(refusal.getMessage().contains("confio.backfill.schedule's"), refusal.getMessage());
    }
    for (var good :
        java.util.List.of("*/15 1-5 Last * Mon,Thu", "0 0 1st,-3 Jan-Mar 0", "59 23 31 12 7")) {
      assertTrue(Schedules.parse(good, CARACAS).isPresent(), good);
    }
  }

  @Test
  void aFixedOffsetIsATimeZoneTimersKnow() {
    assertEquals("GMT+02:00", Schedules.timezoneId(ZoneId.of("+02:00")));
    assertEquals("GMT", Schedules.timezoneId(ZoneId.of("Z")));
  }
}
