package app.confio.growth.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.confio.platform.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

  @Test
  void isoWeeksAreNamedByTheirWeekBasedYear() {
    assertEquals(LocalDate.of(2025, 12, 29), Period.WEEK.start(LocalDate.of(2026, 1, 4)));
    assertEquals("2026-W01", Period.WEEK.label(LocalDate.of(2025, 12, 29)));
    assertEquals("2020-W53", Period.WEEK.label(Period.WEEK.start(LocalDate.of(2021, 1, 3))));
    assertEquals("2027-W01", Period.WEEK.label(LocalDate.of(2027, 1, 4)));
  }

  @Test
  void monthsAndDaysStepAndCount() {
    assertEquals(
        LocalDate.of(2026, 2, 1), Period.MONTH.next(Period.MONTH.start(LocalDate.of(2026, 1, 31))));
    assertEquals("2026-02", Period.MONTH.label(LocalDate.of(2026, 2, 1)));
    assertEquals(11, Period.MONTH.between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 1)));
    assertEquals(2, Period.WEEK.between(LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 12)));
    assertEquals(LocalDate.of(2024, 3, 1), Period.DAY.next(LocalDate.of(2024, 2, 29)));
  }

  @Test
  void aPeriodIsFoundByItsLabel() {
    assertEquals(
        new Period.Named(Period.WEEK, LocalDate.of(2020, 12, 28)), Period.named("2020-W53"));
    assertEquals(
        new Period.Named(Period.WEEK, LocalDate.of(2025, 12, 29)), Period.named("2026-W01"));
    assertEquals(new Period.Named(Period.MONTH, LocalDate.of(2026, 2, 1)), Period.named("2026-02"));
    assertEquals(
        new Period.Named(Period.DAY, LocalDate.of(2024, 2, 29)), Period.named("2024-02-29"));
    for (var bad :
        new String[] {
          "2025-W53", "2026-W54", "2026-W00", "2026-13", "2026-02-30", "W01", "", null
        }) {
      assertThrows(InvalidInputException.class, () -> Period.named(bad), String.valueOf(bad));
    }
  }

  @Test
  void onlyTheThreePeriodsParse() {
    assertEquals(Period.WEEK, Period.parse(" Week ", "period"));
    var refused = assertThrows(InvalidInputException.class, () -> Period.parse("year", "cohort"));
    assertEquals("cohort must be day, week or month, not 'year'", refused.getMessage());
    assertThrows(InvalidInputException.class, () -> Period.parse(null, "period"));
  }
}
