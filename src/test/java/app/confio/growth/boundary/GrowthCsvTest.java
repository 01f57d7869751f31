package app.confio.growth.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.confio.activity.entity.Policy;
import app.confio.growth.entity.Lifecycle;
import app.confio.growth.entity.Period;
import app.confio.growth.entity.Retention;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrowthCsvTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  @Test
  void aLifecycleRowPerPeriodWithoutAQuickRatioWhenNobodyWentDormant() {
    var report =
        new Lifecycle(
            Policy.APP_ACTIVE,
            Period.MONTH,
            LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 12, 31),
            "UTC",
            List.of(
                Lifecycle.Bucket.of(Period.MONTH, LocalDate.of(2026, 11, 1), 3, 5, 1, 0, TODAY),
                Lifecycle.Bucket.of(Period.MONTH, LocalDate.of(2026, 12, 1), 1, 2, 0, 7, TODAY)));
    assertEquals(
        GrowthCsv.LIFECYCLE
            + "\r\n2026-11,2026-11-01,2026-11-30,true,9,3,5,1,0,"
            + "\r\n2026-12,2026-12-01,2026-12-31,false,3,1,2,0,7,0.143\r\n",
        GrowthCsv.lifecycle(report));
  }

  @Test
  void aRetentionRowPerCellOfEveryCohort() {
    var report =
        new Retention(
            Policy.TRANSACTING,
            Period.WEEK,
            Retention.Mode.ON,
            Retention.Kind.FIRST_TIME,
            LocalDate.of(2026, 11, 23),
            LocalDate.of(2026, 12, 6),
            "UTC",
            List.of(
                new Retention.Cohort(
                    "2026-W48",
                    LocalDate.of(2026, 11, 23),
                    4,
                    List.of(
                        new Retention.Cell(0, "2026-W48", 4, 100.0, true),
                        new Retention.Cell(1, "2026-W49", 1, 25.0, false))),
                new Retention.Cohort(
                    "2026-W49",
                    LocalDate.of(2026, 11, 30),
                    0,
                    List.of(new Retention.Cell(0, "2026-W49", 0, 0.0, false)))));
    assertEquals(
        GrowthCsv.RETENTION
            + "\r\n2026-W48,2026-11-23,4,0,2026-W48,4,100.0,true"
            + "\r\n2026-W48,2026-11-23,4,1,2026-W49,1,25.0,false"
            + "\r\n2026-W49,2026-11-30,0,0,2026-W49,0,0.0,false\r\n",
        GrowthCsv.retention(report));
  }
}
