package app.confio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The growth commands' tables, line by line, from answers shaped as the admin API's records. */
class GrowthViewsTest {

  static final String LIFECYCLE =
      """
      {"from":"2026-11-02","period":"WEEK","periods":[
        {"active":1200,"complete":true,"dormant":300,"end":"2026-11-08","newUsers":100,
         "period":"2026-W45","quickRatio":0.5,"resurrecting":50,"returning":1050,"start":"2026-11-02"},
        {"active":40,"complete":true,"dormant":0,"end":"2026-11-15","newUsers":40,
         "period":"2026-W46","resurrecting":0,"returning":0,"start":"2026-11-09"},
        {"active":90,"complete":false,"dormant":1160,"end":"2026-11-22","newUsers":3,
         "period":"2026-W47","quickRatio":0.004,"resurrecting":2,"returning":85,"start":"2026-11-16"}],
       "policy":"APP_ACTIVE","to":"2026-11-18","zone":"America/Caracas"}
      """;

  static final String RETENTION =
      """
      {"cohortPeriod":"MONTH","cohorts":[
        {"cells":[{"complete":true,"n":0,"period":"2026-09","share":100.0,"users":1234},
                  {"complete":true,"n":1,"period":"2026-10","share":45.5,"users":561},
                  {"complete":false,"n":2,"period":"2026-11","share":12.35,"users":152}],
         "cohort":"2026-09","size":1234,"start":"2026-09-01"},
        {"cells":[{"complete":true,"n":0,"period":"2026-10","share":100.0,"users":80},
                  {"complete":false,"n":1,"period":"2026-11","share":5.0,"users":4}],
         "cohort":"2026-10","size":80,"start":"2026-10-01"},
        {"cells":[{"complete":false,"n":0,"period":"2026-11","share":0.0,"users":0}],
         "cohort":"2026-11","size":0,"start":"2026-11-01"}],
       "from":"2026-09-01","kind":"FIRST_TIME","mode":"ON","policy":"TRANSACTING",
       "to":"2026-11-18","zone":"UTC"}
      """;

  static final String STICKINESS =
      """
      {"activeUsers":1500,"asOf":"2026-11-17","days":[
        {"days":1,"share":60.0,"users":900},{"days":2,"share":26.67,"users":400},
        {"days":3,"share":0.0,"users":0},{"days":4,"share":0.0,"users":0},
        {"days":5,"share":6.67,"users":100},{"days":6,"share":0.0,"users":0},
        {"days":7,"share":6.67,"users":100}],
       "from":"2026-11-11","mode":"EXACT","policy":"APP_ACTIVE","weekly":[
        {"activeUsers":2000,"fivePlusDays":250,"share":12.5,"start":"2026-11-03","week":"2026-W45"},
        {"activeUsers":0,"fivePlusDays":0,"share":0.0,"start":"2026-11-10","week":"2026-W46"}],
       "window":7}
      """;

  static final String MATCH =
      """
      {"displayName":"Ana","eligible":true,"id":42,"kind":"PERSONAL",
       "lastActivityAt":"2026-11-17T15:47:54.123Z","phone":"+584125550101","status":"ACTIVE"}
      """;

  static final String ACTIVITY =
      """
      {"days":[
        {"appActive":true,"day":"2026-11-10","sources":[],"transacting":false},
        {"appActive":true,"day":"2026-11-16","sources":[
          {"movedMoney":false,"rows":1,"table":"login_events"},
          {"movedMoney":true,"rows":1200,"table":"send_transactions"}],"transacting":true},
        {"appActive":false,"day":"2026-11-17","sources":[
          {"movedMoney":true,"rows":1,"table":"payments"}],"transacting":false}],
       "eligible":true,"firstSeen":"2025-01-03","from":"2026-11-01","kind":"PERSONAL",
       "lastActivityAt":"2026-11-17T15:47:54.123-04:00","status":"ACTIVE","to":"2026-11-18",
       "userId":42,"zone":"America/Caracas"}
      """;

  static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void growthHasOneRowPerPeriodWithDormantBelowZeroAndTheOpenPeriodMarked() {
    assertEquals(
        """
        Growth of app-active users by week, 2026-11-02 to 2026-11-18 (America/Caracas)

        Period     New  Returning  Resurrecting  Dormant  Active  Quick ratio
        2026-W45   100      1,050            50     -300   1,200        0.500
        2026-W46    40          0             0        0      40            -
        2026-W47*    3         85             2   -1,160      90        0.004

        * the period has not ended yet: it can still grow
        Quick ratio = (new + resurrecting) / dormant; - when nobody went dormant
        """,
        LifecycleView.render(json(LIFECYCLE)));
  }

  @Test
  void retentionIsATriangleOfSharesWithOpenCellsMarked() {
    assertEquals(
        """
        Retention of first-time transacting cohorts by month: % of users of each cohort active in period N
        2026-09-01 to 2026-11-18 (UTC)

        Cohort   Users       0       1       2
        2026-09  1,234  100.00   45.50   12.35*
        2026-10     80  100.00    5.00*
        2026-11      0    0.00*

        * the month has not ended yet: it can still grow
        """,
        RetentionView.render(json(RETENTION), false));
  }

  @Test
  void retentionCanShowTheUsersInsteadAndSaysWhichModeItIs() {
    var onOrAfter = RETENTION.replace("\"mode\":\"ON\"", "\"mode\":\"ON_OR_AFTER\"");
    var cut = RetentionView.render(json(onOrAfter), true);
    assertEquals(
        "Retention of first-time transacting cohorts by month: users of each cohort active in"
            + " period N or later",
        cut.lines().findFirst().orElseThrow());
    assertEquals("2026-09  1,234  1,234   561   152*", cut.lines().toList().get(4));
  }

  @Test
  void stickinessIsAHistogramOfDaysAndAWeeklySeries() {
    assertEquals(
        """
        Stickiness of app-active users: active on exactly N of the 7 days 2026-11-11 to 2026-11-17

        Days  Users  % of actives
        1       900         60.00
        2       400         26.67
        3         0          0.00
        4         0          0.00
        5       100          6.67
        6         0          0.00
        7       100          6.67

        Active users  1,500

        Each week's active users, and those active on 5 days or more of it

        Week      Active  5+ days      %
        2026-W45   2,000      250  12.50
        2026-W46       0        0   0.00
        """,
        StickinessView.render(json(STICKINESS)));
    var atLeast = StickinessView.render(json(STICKINESS.replace("EXACT", "AT_LEAST")));
    assertEquals("At least  Users  % of actives", atLeast.lines().toList().get(2));
  }

  @Test
  void aUserShowsWhoTheyAreWhetherTheyCountAndEachDaysSources() {
    assertEquals(
        """
        User              42  +584125550101
        Name              Ana
        Status            ACTIVE, PERSONAL, eligible
        First seen        2025-01-03 app-active
                          - transacting
        Last activity     2026-11-17T19:47:54Z
        Last transaction  -

        Days 2026-11-01 to 2026-11-18 (America/Caracas): 2 app-active, 1 transacting

        Day         App-active  Transacting  Sources
        2026-11-10  yes         -            none
        2026-11-16  yes         yes          login_events 1, send_transactions 1,200 (money)
        2026-11-17  -           -            payments 1 (money)
        """,
        UserView.render(json(MATCH), json(ACTIVITY)));
  }
}
