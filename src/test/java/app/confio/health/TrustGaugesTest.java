package app.confio.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.backfill.entity.Progress;
import app.confio.backfill.entity.Trigger;
import jakarta.json.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The gauges the alerts watch, as Prometheus reads them. */
class TrustGaugesTest {

  static Progress running(double percent) {
    return new Progress(
        7L,
        "RUNNING",
        true,
        Trigger.SCHEDULED,
        2,
        null,
        1,
        100,
        50,
        percent,
        0,
        0,
        0,
        1,
        0,
        null,
        null,
        60,
        60L,
        null);
  }

  @Test
  void beforeTheFirstRefreshEverySeriesIsThereAsNaN() {
    var cut = TrustGauges.render(null, null, null, Map.of());
    for (var line : cut.split("\n")) {
      assertTrue(line.startsWith("#") || line.endsWith(" NaN"), line);
    }
    assertTrue(cut.contains("confio_backfill_status{status=\"INTERRUPTED\"} NaN\n"), cut);
    assertTrue(cut.contains("confio_history_final{state=\"missed\"} NaN\n"), cut);
    assertTrue(cut.contains("confio_database_connections{state=\"active\"} NaN\n"), cut);
  }

  @Test
  void eachGaugeSaysWhatItWatches() {
    var validation =
        Json.createObjectBuilder()
            .add("checkedAt", "2026-12-01T10:15:00Z")
            .add("coverage", "97.50%")
            .add("validationPassed", false)
            .build();
    var day = LocalDate.parse("2026-11-30");
    var missed =
        Finality.of(
            day,
            Instant.parse("2026-12-01T09:00:00Z"),
            null,
            2,
            Instant.parse("2026-12-01T10:00:00Z"));
    var cut =
        TrustGauges.render(
            Optional.of(running(42.5)), validation, missed, Map.of("active", 3L, "idle", 9L));
    for (var expected :
        new String[] {
          "confio_backfill_running 1",
          "confio_backfill_progress_ratio 0.4250",
          "confio_backfill_status{status=\"RUNNING\"} 1",
          "confio_backfill_status{status=\"FINISHED\"} 0",
          "confio_tracking_validation_passed 0",
          "confio_tracking_coverage_ratio 0.9750",
          "confio_tracking_validation_timestamp_seconds 1796120100",
          "confio_history_final{state=\"missed\"} 1",
          "confio_history_final{state=\"met\"} 0",
          "confio_history_yesterday_snapshots 2",
          "confio_database_connections{state=\"active\"} 3",
          "confio_database_connections{state=\"idle_in_transaction\"} 0"
        }) {
      assertTrue(cut.contains(expected + "\n"), expected + " in\n" + cut);
    }
    assertEquals(
        "confio_backfill_running 0\n",
        TrustGauges.render(Optional.empty(), validation, missed, Map.of())
                .lines()
                .filter(line -> line.startsWith("confio_backfill_running"))
                .findFirst()
                .orElseThrow()
            + "\n");
  }
}
