package app.confio.activity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportingDayTest {

  ReportingDay cut = new ReportingDay();

  @Test
  void aRegionIsNamedAsItIs() {
    cut.zone = ZoneId.of("America/Caracas");
    assertEquals("America/Caracas", cut.sqlZone());
  }

  @Test
  void aFixedOffsetIsWrittenWithPosixSignsWhichAreTheOppositeOfIsos() {
    cut.zone = ZoneId.of("+02:00");
    assertEquals("<OFFSET>-02:00:00", cut.sqlZone());
    cut.zone = ZoneId.of("-04:30");
    assertEquals("<OFFSET>+04:30:00", cut.sqlZone());
    cut.zone = ZoneId.of("Z");
    assertEquals("<UTC>+00:00:00", cut.sqlZone());
  }
}
