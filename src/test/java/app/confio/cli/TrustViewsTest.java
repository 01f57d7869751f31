package app.confio.cli;

import static app.confio.cli.MetricsViewTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrustViewsTest {

  static final String COMPARISON =
      """
      [{"asOf":"2026-11-24T06:17:00.5Z","policy":"APP_ACTIVE","sampleDays":30,
        "figures":[{"days":1,"difference":-3,"figure":"DAU","newMethod":57,"oldMethod":60,"percent":-5.0},
                   {"days":7,"difference":1200,"figure":"WAU","newMethod":1200,"oldMethod":0}],
        "oldOnly":[{"userId":42,"sourceAt":"2026-11-24T05:00:00Z","recordedAt":null,"reason":"never recorded"}],
        "newOnly":[]}]
      """;

  static final String FAILED_VALIDATION =
      """
      {"asOf":"2026-11-24T06:17:00Z","days":2,"cooldown":"PT5M","sourceActiveUsers":1250,
       "nullUsers":1,"staleUsers":0,"sourceActive30":485,"recorded30":480,"coverage":0.98969,
       "nullSample":[{"userId":42,"sourceAt":"2026-11-24T05:00:00Z","recordedAt":null,"reason":"never recorded"}],
       "staleSample":[],
       "checks":[{"name":"new >= old","passed":true,"detail":"DAU, WAU and MAU of both policies"},
                 {"name":"zero users with recent activity and NULL last_activity_at","passed":false,
                  "detail":"1 user never recorded"}],
       "passed":false}
      """;

  String cut;

  @Test
  void comparisonShowsSignedDifferencesAndSamples() {
    cut = ComparisonView.render(json(COMPARISON).asJsonArray());
    assertEquals(
        """
        Old method (activity tables) against new (tracked last activity)

        app-active, rolling windows ending at 2026-11-24T06:17:00Z

        Figure  Days  Old method  New method  Difference     %
        DAU        1          60          57          -3  -5.0
        WAU        7           0       1,200      +1,200   n/a

        Counted by the old method only (last 30 days):
          User  Latest in the tables  Recorded  Reason
          42    2026-11-24T05:00:00Z  -         never recorded
        Counted by the new method only (last 30 days): none

        """,
        cut);
  }

  @Test
  void aFailedValidationSaysWhichCheckFailedAndWho() {
    cut = ValidationView.render(json(FAILED_VALIDATION).asJsonObject());
    assertTrue(
        cut.contains("\nEligible users active in the tables within 2 days      1,250\n"), cut);
    assertTrue(
        cut.contains("\nCoverage                                              98.97%\n"), cut);
    assertTrue(cut.contains("\nPASS  new >= old: DAU, WAU and MAU of both policies\n"), cut);
    assertTrue(
        cut.contains(
            "\nFAIL  zero users with recent activity and NULL last_activity_at: 1 user never"
                + " recorded\n"),
        cut);
    assertTrue(cut.contains("\n  42    2026-11-24T05:00:00Z  -         never recorded\n"), cut);
    assertTrue(cut.endsWith("\nFAILED\n"), cut);
  }
}
