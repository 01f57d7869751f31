package app.confio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command line against a stub of the admin API: requests, output and exit codes. */
class CliTest {

  static final String RUNNING =
      """
      {"runId":7,"status":"RUNNING","running":true,"trigger":"ON_DEMAND","days":30,
       "since":"2026-10-25T06:00:00Z","percent":%s,"usersUpdated":10,"daysWritten":20,
       "rowsWritten":30,"chunks":%s,"resumes":0,"startedAt":"2026-11-24T06:00:00Z",
       "elapsedSeconds":%s,"remainingSeconds":%s}
      """;
  static final String ENDED =
      """
      {"runId":7,"status":"%s","running":false,"trigger":"ON_DEMAND","days":30,
       "since":"2026-10-25T06:00:00Z","percent":100.0,"usersUpdated":1995,"daysWritten":19435,
       "rowsWritten":21430,"chunks":3,"resumes":1,"startedAt":"2026-11-24T06:00:00Z",
       "elapsedSeconds":3725,"remainingSeconds":0%s}
      """;

  StubServer server = new StubServer();
  ByteArrayOutputStream out = new ByteArrayOutputStream();
  ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void stop() {
    server.close();
  }

  int cut(String... args) {
    return cut(server.env(), false, args);
  }

  int cut(Map<String, String> env, boolean terminal, String... args) {
    return Cli.run(
        args,
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        terminal);
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aBackfillIsStartedThenFollowedLineByLineUntilItEnds() {
    server
        .on("POST /api/admin/backfill?days=30", 202, RUNNING.formatted(0.0, 0, 0, null))
        .on(
            "GET /api/admin/backfill",
            200,
            RUNNING.formatted(0.0, 0, 0, null),
            RUNNING.formatted(42.5, 1, 2, 3),
            RUNNING.formatted(42.5, 1, 2, 3),
            ENDED.formatted("FINISHED", ""));
    assertEquals(0, cut("backfill-last-activity", "--days", "30"));
    assertEquals(
        """
        RUNNING       0.0%  chunks 0  rows 30  elapsed 0:00:00  remaining ?
        RUNNING      42.5%  chunks 1  rows 30  elapsed 0:00:02  remaining 0:00:03
        FINISHED    100.0%  chunks 3  rows 21,430  elapsed 1:02:05  remaining 0:00:00
        Backfill run 7 FINISHED: 30 days since 2026-10-25T06:00:00Z, 1,995 users updated, \
        19,435 days written (21,430 rows), 3 chunks, 1 resumes, in 1:02:05
        """,
        out());
    assertEquals("", err());
    var basic = "Basic " + Base64.getEncoder().encodeToString("admin:pw".getBytes());
    assertEquals(List.of(basic), server.authorizations.stream().distinct().toList());
  }

  @Test
  void onATerminalTheProgressLineIsRewrittenInPlace() {
    server
        .on("POST /api/admin/backfill", 202, RUNNING.formatted(0.0, 0, 0, null))
        .on(
            "GET /api/admin/backfill",
            200,
            RUNNING.formatted(42.5, 1, 2, 3),
            ENDED.formatted("FINISHED", ""));
    assertEquals(0, cut(server.env(), true, "backfill-last-activity"));
    assertTrue(out().startsWith("\rRUNNING      42.5%"), out());
    assertTrue(out().contains("\033[K\rFINISHED    100.0%"), out());
    assertTrue(out().contains("0:00:00\033[K\nBackfill run 7 FINISHED"), out());
  }

  @Test
  void aFailedRunExitsOneWithItsError() {
    server
        .on("POST /api/admin/backfill", 202, RUNNING.formatted(0.0, 0, 0, null))
        .on("GET /api/admin/backfill", 200, ENDED.formatted("FAILED", ",\"error\":\"disk full\""));
    assertEquals(1, cut("backfill-last-activity"));
    assertTrue(out().contains("Backfill run 7 FAILED"), out());
    assertTrue(out().endsWith("\nError: disk full\n"), out());
  }

  @Test
  void aRunningBackfillIsRefusedUnlessFollowed() {
    var busy =
        "{\"code\":\"BACKFILL_RUNNING\",\"error\":\"A backfill is already running\",\"progress\":"
            + RUNNING.formatted(42.5, 1, 2, 3)
            + "}";
    server
        .on("POST /api/admin/backfill", 409, busy)
        .on("GET /api/admin/backfill", 200, ENDED.formatted("FINISHED", ""));
    assertEquals(1, cut("backfill-last-activity"));
    assertEquals("", out());
    assertTrue(
        err().startsWith("A backfill is already running (--follow watches it)\nRUNNING      42.5%"),
        err());
    assertEquals(List.of("POST /api/admin/backfill"), server.requests);

    assertEquals(0, cut("backfill-last-activity", "--follow"));
    assertTrue(out().contains("Backfill run 7 FINISHED"), out());
  }

  @Test
  void jsonIsTheServersAnswerAsItIs() {
    var ended = ENDED.formatted("FINISHED", "");
    server
        .on("POST /api/admin/backfill", 202, RUNNING.formatted(0.0, 0, 0, null))
        .on("GET /api/admin/backfill", 200, ended)
        .on("GET /api/admin/trust/validate?days=7", 200, "{\"passed\":false,\"x\":[1, 2]}");
    assertEquals(0, cut("backfill-last-activity", "--json"));
    assertEquals(ended + "\n", out());
    out.reset();
    assertEquals(1, cut("activity-metrics", "--validate", "--days", "7", "--json"));
    assertEquals("{\"passed\":false,\"x\":[1, 2]}\n", out());
  }

  @Test
  void eachKindOfTroubleHasItsExitCodeAndOneLine() {
    server
        .on(
            "GET /api/admin/metrics/active?days=0",
            400,
            "{\"code\":\"INVALID_INPUT\",\"message\":\"days must be between 1 and 3650, not 0\"}")
        .on("GET /api/admin/metrics", 401, "")
        .on("GET /api/admin/trust/validate", 500, "{\"message\":\"boom\"}")
        .on(
            "GET /api/admin/trust/compare",
            429,
            "{\"code\":\"TOO_MANY_FAILURES\",\"message\":\"Too many failed sign-ins; try again in"
                + " 900 seconds\"}");
    assertTrouble(2, "days must be between 1 and 3650, not 0", "activity-metrics", "--days", "0");
    assertTrouble(
        3,
        "The server refused the credentials of 'admin' (HTTP 401): check CONFIO_ADMIN_USER and"
            + " CONFIO_ADMIN_PASSWORD",
        "activity-metrics");
    assertTrouble(4, "The server failed (HTTP 500): boom", "activity-metrics", "--validate");
    assertTrouble(
        3,
        "The server refused 'admin' for now: Too many failed sign-ins; try again in 900 seconds",
        "activity-metrics",
        "--compare-methods");
    assertTrouble(
        4,
        "Not a Confío admin API answer from "
            + server.url()
            + "/api/admin/metrics/detailed (HTTP 404, not JSON)",
        "activity-metrics",
        "--detailed");
  }

  @Test
  void noServerOrNoPasswordIsExitThree() {
    var url = server.url();
    server.close();
    assertEquals(
        3, cut(Map.of("CONFIO_URL", url, "CONFIO_ADMIN_PASSWORD", "x"), false, "activity-metrics"));
    assertEquals("Cannot reach the server at " + url + "/: connection refused\n", err());
    err.reset();
    assertEquals(
        3, cut(Map.of("CONFIO_URL", url, "HOME", "/nonexistent"), false, "activity-metrics"));
    assertTrue(err().startsWith("No admin password: set CONFIO_ADMIN_PASSWORD"), err());
  }

  @Test
  void usageGoesToStderrWithExitTwo() {
    assertEquals(2, cut("activity-metrics", "--weekly"));
    assertEquals("", out());
    assertTrue(
        err().startsWith("Unknown option: '--weekly'\nUsage: confio activity-metrics"), err());
    err.reset();
    assertEquals(2, cut());
    assertTrue(err().startsWith("Usage: "), err());
    assertEquals(List.of(), server.requests);
  }

  @Test
  void growthCommandsShowTheTableOrTheJsonAsItCame() {
    server
        .on("GET /api/admin/metrics/lifecycle?period=week", 200, GrowthViewsTest.LIFECYCLE)
        .on("GET /api/admin/metrics/retention?kind=recurring", 200, GrowthViewsTest.RETENTION)
        .on("GET /api/admin/metrics/stickiness?window=7", 200, GrowthViewsTest.STICKINESS);
    assertEquals(0, cut("growth", "--period", "week"));
    assertEquals(LifecycleView.render(GrowthViewsTest.json(GrowthViewsTest.LIFECYCLE)), out());
    out.reset();
    assertEquals(0, cut("retention", "--kind", "recurring", "--json"));
    assertEquals(GrowthViewsTest.RETENTION + "\n", out());
    out.reset();
    assertEquals(0, cut("stickiness", "--window", "7"));
    assertTrue(out().startsWith("Stickiness of app-active users: active on exactly N"), out());
    assertEquals("", err());
  }

  @Test
  void aUserIsFoundThenTheirActivityShown() {
    server
        .on(
            "GET /api/admin/users?q=%2B584125550101",
            200, "{\"query\":\"+584125550101\",\"users\":[" + GrowthViewsTest.MATCH + "]}")
        .on(
            "GET /api/admin/users/42/activity?from=2026-11-01&to=2026-11-18",
            200,
            GrowthViewsTest.ACTIVITY);
    assertEquals(0, cut("user", "+584125550101", "--from", "2026-11-01", "--to", "2026-11-18"));
    assertEquals(
        UserView.render(
            GrowthViewsTest.json(GrowthViewsTest.MATCH),
            GrowthViewsTest.json(GrowthViewsTest.ACTIVITY)),
        out());
    out.reset();
    assertEquals(
        0, cut("user", "+584125550101", "--from", "2026-11-01", "--to", "2026-11-18", "--json"));
    assertEquals(GrowthViewsTest.ACTIVITY + "\n", out());
  }

  @Test
  void nobodyFoundIsExitOneAndARefusedParameterExitTwoWithTheServersMessage() {
    server
        .on("GET /api/admin/users?q=77", 200, "{\"query\":\"77\",\"users\":[]}")
        .on(
            "GET /api/admin/users?q=ana",
            400,
            "{\"code\":\"INVALID_INPUT\",\"message\":\"q must be a user id or a phone number"
                + " such as +584125550101, not 'ana'\"}")
        .on(
            "GET /api/admin/users?q=5",
            200,
            "{\"query\":\"5\",\"users\":[" + GrowthViewsTest.MATCH + "]}")
        .on(
            "GET /api/admin/users/42/activity",
            404,
            "{\"code\":\"NOT_FOUND\",\"message\":\"No user with id 42\"}")
        .on(
            "GET /api/admin/metrics/stickiness?window=14",
            400,
            "{\"code\":\"INVALID_INPUT\",\"message\":\"window must be 7 or 28 days, not 14\"}");
    assertTrouble(1, "No user with the id or phone number 77", "user", "77");
    assertTrouble(
        2, "q must be a user id or a phone number such as +584125550101, not 'ana'", "user", "ana");
    assertTrouble(1, "No user with id 42", "user", "5");
    assertTrouble(2, "window must be 7 or 28 days, not 14", "stickiness", "--window", "14");
  }

  void assertTrouble(int exit, String message, String... args) {
    out.reset();
    err.reset();
    assertEquals(exit, cut(args), String.join(" ", args));
    assertEquals(message + "\n", err());
    assertEquals("", out());
  }
}
