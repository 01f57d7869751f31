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

/** The options as picocli reads them: the request each command line makes, or its usage error. */
class ArgumentsTest {

  StubServer server = new StubServer();
  ByteArrayOutputStream out = new ByteArrayOutputStream();
  ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void stop() {
    server.close();
  }

  int cut(Map<String, String> env, String... args) {
    out.reset();
    err.reset();
    return Cli.run(
        args,
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  /** The one request {@code args} make (answered 404, which does not matter here). */
  String request(String... args) {
    server.requests.clear();
    cut(server.env(), args);
    assertEquals(1, server.requests.size(), String.join(" ", args) + ": " + server.requests);
    return server.requests.get(0);
  }

  @Test
  void eachViewOfTheFiguresHasItsCall() {
    assertEquals("GET /api/admin/metrics", request("activity-metrics"));
    assertEquals(
        "GET /api/admin/metrics/active?days=7", request("activity-metrics", "--days", "7"));
    assertEquals("GET /api/admin/metrics/detailed", request("activity-metrics", "--detailed"));
    assertEquals(
        "GET /api/admin/trust/validate?days=7",
        request("activity-metrics", "--days", "7", "--json", "--validate"));
    assertEquals("GET /api/admin/trust/compare", request("activity-metrics", "--compare-methods"));
  }

  @Test
  void theServerJudgesTheRangeOfDays() {
    assertEquals(
        "GET /api/admin/metrics/active?days=0", request("activity-metrics", "--days", "0"));
    assertEquals(
        "POST /api/admin/backfill?days=99999",
        request("backfill-last-activity", "--days", "99999"));
  }

  @Test
  void theGrowthCommandsPassTheirOptionsAsTheApiNamesThem() {
    assertEquals("GET /api/admin/metrics/lifecycle", request("growth"));
    assertEquals(
        "GET /api/admin/metrics/lifecycle?policy=transacting&period=month&from=2026-01-01&to=2026-06-30",
        request(
            "growth",
            "--to",
            "2026-06-30",
            "--period",
            "month",
            "--from",
            "2026-01-01",
            "--policy",
            "transacting"));
    assertEquals(
        "GET /api/admin/metrics/retention?policy=app-active&cohort=week&mode=on-or-after"
            + "&kind=recurring&from=2026-01-05",
        request(
            "retention",
            "--cohort",
            "week",
            "--mode",
            "on-or-after",
            "--kind",
            "recurring",
            "--from",
            "2026-01-05",
            "--policy",
            "app-active"));
    assertEquals(
        "GET /api/admin/metrics/stickiness?window=28&mode=at-least&asOf=2026-03-31",
        request("stickiness", "--window", "28", "--mode", "at-least", "--as-of", "2026-03-31"));
    assertEquals(
        "GET /api/admin/users?q=%2B584125550101", request("user", "+584125550101", "--json"));
  }

  @Test
  void urlAndUserOptionsWinOverTheEnvironment() {
    var env =
        Map.of("CONFIO_URL", "http://127.0.0.1:9", "CONFIO_ADMIN_PASSWORD", "pw", "HOME", "/x");
    cut(env, "--url", server.url(), "growth", "--user", "ops");
    assertEquals(List.of("GET /api/admin/metrics/lifecycle"), server.requests);
    var basic =
        "Basic " + Base64.getEncoder().encodeToString("ops:pw".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(basic), server.authorizations);
  }

  @Test
  void badUsageIsExitTwoWithTheReasonAndTheUsageAndNoRequest() {
    assertUsage("Unmatched argument at index 0: 'metrics'", "metrics");
    assertUsage("Unmatched argument at index 1: 'now'", "growth", "now");
    assertUsage("Unknown option: '--follow'", "activity-metrics", "--follow");
    assertUsage("Unknown option: '--validate'", "backfill-last-activity", "--validate");
    assertUsage("Missing required parameter for option '--days' (N)", "activity-metrics", "--days");
    assertUsage(
        "Invalid value for option '--days': 'many' is not an int",
        "activity-metrics",
        "--days",
        "many");
    assertUsage(
        "Error: --detailed, --validate are mutually exclusive (specify only one)",
        "activity-metrics",
        "--validate",
        "--detailed");
    assertUsage(
        "--detailed shows fixed periods; it takes no --days",
        "activity-metrics",
        "--detailed",
        "--days",
        "3");
    assertUsage(
        "Invalid value for option '--policy': 'everyone' is not one of [app-active, transacting]",
        "growth",
        "--policy",
        "everyone");
    assertUsage(
        "Invalid value for option '--period': 'year' is not one of [day, week, month]",
        "growth",
        "--period",
        "year");
    assertUsage(
        "Invalid value for option '--from': '2026-13-01' is not a date like 2026-01-31",
        "retention",
        "--from",
        "2026-13-01");
    assertUsage(
        "Invalid value for option '--mode': 'on' is not one of [exact, at-least]",
        "stickiness",
        "--mode",
        "on");
    assertUsage("Missing required parameter: 'ID|PHONE'", "user");
  }

  @Test
  void noCommandIsUsageOnStderrButAskingForHelpIsNot() {
    assertEquals(2, cut(server.env()));
    assertTrue(err().startsWith("Usage: confio [-hV]"), err());
    assertEquals("", out());
    assertEquals(0, cut(server.env(), "--help"));
    assertTrue(out().startsWith("Usage: confio [-hV]"), out());
    assertEquals(0, cut(server.env(), "help", "growth"));
    assertTrue(out().startsWith("Usage: confio growth"), out());
    assertEquals(List.of(), server.requests);
  }

  void assertUsage(String message, String... args) {
    server.requests.clear();
    assertEquals(2, cut(server.env(), args), String.join(" ", args));
    assertEquals(message, err().lines().findFirst().orElse(""), err());
    assertTrue(
        err().contains("\nUsage: confio ") || err().contains("\nDid you mean: confio "), err());
    assertEquals("", out());
    assertEquals(List.of(), server.requests, String.join(" ", args));
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
