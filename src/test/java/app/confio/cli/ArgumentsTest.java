package app.confio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.cli.Arguments.View;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

  Arguments cut;

  @Test
  void thePlainFiguresNeedOnlyTheCommand() {
    cut = Arguments.parse("activity-metrics");
    assertEquals(Arguments.METRICS, cut.command());
    assertEquals(View.PLAIN, cut.view());
    assertEquals(Optional.empty(), cut.days());
    assertFalse(cut.json());
  }

  @Test
  void optionsComeInAnyOrder() {
    cut = Arguments.parse("activity-metrics", "--days", "7", "--json", "--validate");
    assertEquals(View.VALIDATE, cut.view());
    assertEquals(Optional.of("7"), cut.days());
    assertTrue(cut.json());
    assertEquals(
        View.COMPARE_METHODS, Arguments.parse("activity-metrics", "--compare-methods").view());
    assertEquals(View.DETAILED, Arguments.parse("activity-metrics", "--detailed").view());
  }

  @Test
  void theServerJudgesTheDaysSoItsMessageIsTheOneShown() {
    assertEquals(Optional.of("0"), Arguments.parse("activity-metrics", "--days", "0").days());
    assertEquals(Optional.of("x"), Arguments.parse("backfill-last-activity", "--days", "x").days());
  }

  @Test
  void theBackfillTakesDaysFollowAndJson() {
    cut = Arguments.parse("backfill-last-activity", "--days", "30", "--follow", "--json");
    assertEquals(Arguments.BACKFILL, cut.command());
    assertEquals(Optional.of("30"), cut.days());
    assertTrue(cut.follow());
    assertTrue(cut.json());
  }

  @Test
  void anythingElseIsAUsageError() {
    assertUsage("Unknown command: metrics", "metrics");
    assertUsage("", "help");
    assertUsage("", "--help");
    assertUsage("");
    assertUsage("--days needs a number of days", "activity-metrics", "--days");
    assertUsage("--days needs a number of days", "activity-metrics", "--days", "--json");
    assertUsage("Unknown option for activity-metrics: --follow", "activity-metrics", "--follow");
    assertUsage(
        "Unknown option for backfill-last-activity: --validate",
        "backfill-last-activity",
        "--validate");
    assertUsage(
        "Choose one of --detailed, --compare-methods, --validate",
        "activity-metrics",
        "--validate",
        "--detailed");
    assertUsage(
        "--detailed shows fixed periods; it takes no --days",
        "activity-metrics",
        "--detailed",
        "--days",
        "3");
  }

  static void assertUsage(String message, String... args) {
    var failure = assertThrows(Failure.class, () -> Arguments.parse(args));
    assertEquals(message, failure.getMessage());
    assertEquals(Exit.USAGE, failure.exitCode());
  }
}
