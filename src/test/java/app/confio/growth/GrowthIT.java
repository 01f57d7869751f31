package app.confio.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.confio.testing.Api;
import app.confio.testing.Deployments;
import app.confio.testing.Eventually;
import app.confio.testing.GraphQLClient;
import app.confio.testing.Http;
import app.confio.testing.OpenApiContract;
import app.confio.testing.People;
import app.confio.testing.Population;
import app.confio.testing.TestEnvironment;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lifecycle and retention against an independent reading of {@code user_activity_day}: the test
 * buckets every eligible user's days itself and applies the definitions literally. Planted users
 * cover an ISO week across a new year, a month boundary, a daylight-saving change of the reporting
 * zone (America/Santiago, 2026-04-05), a first day long before the range, suspended users, and an
 * empty cohort.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GrowthIT {

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.application();
  }

  @BeforeAll
  static void plant() throws SQLException {
    planted("ACTIVE", "2025-12-31", "2026-01-02", "2026-01-20");
    planted("ACTIVE", "2026-01-31", "2026-02-01", "2026-03-01", "2026-04-05t", "2026-04-06");
    planted("SUSPENDED", "2025-12-31", "2026-01-02", "2026-02-01");
    planted("ACTIVE", "2025-06-01t", "2026-02-10t", "2026-02-11", "2026-03-31t");
    planted("ACTIVE", "2026-01-05t", "2026-01-12", "2026-01-19t", "2026-02-02t");
    planted("ACTIVE", "2020-12-31", "2021-01-02t", "2021-01-04");
    planted("ACTIVE", "2019-03-02", "2019-03-03t", "2019-03-09");
  }

  /** The admin API as /openapi publishes it is the contract checked in (README, "Contracts"). */
  @Test
  void theAdminApiIsThePublishedOpenApiDocument() {
    OpenApiContract.assertServedBy(base, "GrowthIT#theAdminApiIsThePublishedOpenApiDocument");
  }

  @Test
  void lifecycleEqualsTheDefinitionForEveryPeriodAndPolicy() throws SQLException {
    for (var policy : List.of("APP_ACTIVE", "TRANSACTING")) {
      var history = History.read(policy.equals("TRANSACTING"));
      for (var range :
          List.of(
              new Range("week", "2025-12-01", "2026-04-30"),
              new Range("month", "2025-11-01", "2026-06-30"),
              new Range("day", "2026-01-28", "2026-02-12"),
              new Range("week", "2020-12-01", "2021-01-31"),
              new Range("day", "2019-02-27", "2019-03-12"))) {
        var answer =
            (JsonObject)
                Http.admin(base)
                    .json(
                        "api/admin/metrics/lifecycle?policy=%s&period=%s&from=%s&to=%s"
                            .formatted(policy, range.unit, range.from, range.to));
        var unit = unit(range.unit);
        var periods = answer.getJsonArray("periods").getValuesAs(JsonObject.class);
        var start = unit.apply(LocalDate.parse(range.from));
        assertEquals(start.toString(), periods.get(0).getString("start"), range.toString());
        for (var bucket : periods) {
          var p = LocalDate.parse(bucket.getString("start"));
          assertEquals(start, p, "consecutive periods");
          var expected = history.lifecycle(unit, step(range.unit), p);
          var actual =
              List.of(
                  bucket.getInt("active"),
                  bucket.getInt("newUsers"),
                  bucket.getInt("returning"),
                  bucket.getInt("resurrecting"),
                  bucket.getInt("dormant"));
          assertEquals(expected, actual, policy + " " + range.unit + " " + p);
          start = step(range.unit).apply(start);
        }
        assertTrue(start.isAfter(LocalDate.parse(range.to)), "the range is covered: " + range);
      }
    }
    var week =
        (JsonObject)
            Http.admin(base)
                .json("api/admin/metrics/lifecycle?period=week&from=2020-12-28&to=2021-01-03");
    var only = week.getJsonArray("periods").getJsonObject(0);
    assertEquals("2020-W53", only.getString("period"), "an ISO week across a new year");
    assertEquals("2021-01-03", only.getString("end"));
    assertTrue(only.getBoolean("complete"));
  }

  @Test
  void everyLifecycleNumberListsExactlyItsUsers() throws SQLException {
    for (var policy : List.of("APP_ACTIVE", "TRANSACTING")) {
      var history = History.read(policy.equals("TRANSACTING"));
      var answer =
          (JsonObject)
              Http.admin(base)
                  .json(
                      "api/admin/metrics/lifecycle?policy=%s&period=week&from=2025-12-22&to=2026-04-12"
                          .formatted(policy));
      for (var bucket : answer.getJsonArray("periods").getValuesAs(JsonObject.class)) {
        var start = LocalDate.parse(bucket.getString("start"));
        for (var kind :
            Map.of(
                    "active", "active",
                    "new", "newUsers",
                    "returning", "returning",
                    "resurrecting", "resurrecting",
                    "dormant", "dormant")
                .entrySet()) {
          var page =
              (JsonObject)
                  Http.admin(base)
                      .json(
                          "api/admin/metrics/users?policy=%s&lifecycle=%s&period=%s&size=500"
                              .formatted(policy, kind.getKey(), bucket.getString("period")));
          var what = policy + " " + kind.getKey() + " " + bucket.getString("period");
          assertEquals(bucket.getInt(kind.getValue()), page.getInt("total"), what);
          var listed =
              page.getJsonArray("users").getValuesAs(JsonObject.class).stream()
                  .map(u -> u.getJsonNumber("id").longValue())
                  .collect(Collectors.toSet());
          assertEquals(history.members(unit("week"), start, kind.getKey()), listed, what);
        }
      }
    }
    for (var query :
        List.of(
            "lifecycle=new&period=2026-W54",
            "lifecycle=new&period=2026-13",
            "lifecycle=new&period=last-week",
            "lifecycle=gone&period=2026-W01",
            "lifecycle=new&period=2999-01",
            "lifecycle=new&period=2026-W01&size=501")) {
      assertEquals(
          400, Http.admin(base).get("api/admin/metrics/users?" + query).statusCode(), query);
    }
  }

  @Test
  void retentionEqualsTheDefinitionInEveryModeAndKind() throws SQLException {
    for (var policy : List.of("APP_ACTIVE", "TRANSACTING")) {
      var history = History.read(policy.equals("TRANSACTING"));
      for (var kind : List.of("first-time", "recurring")) {
        for (var mode : List.of("on", "on-or-after")) {
          for (var range :
              List.of(
                  new Range("month", "2025-12-01", "2026-04-30"),
                  new Range("week", "2025-12-22", "2026-02-15"),
                  new Range("day", "2019-03-01", "2019-03-04"))) {
            var answer =
                (JsonObject)
                    Http.admin(base)
                        .json(
                            ("api/admin/metrics/retention?policy=%s&cohort=%s&mode=%s&kind=%s"
                                    + "&from=%s&to=%s")
                                .formatted(policy, range.unit, mode, kind, range.from, range.to));
            var what = policy + " " + kind + " " + mode + " " + range;
            for (var cohort : answer.getJsonArray("cohorts").getValuesAs(JsonObject.class)) {
              var c = LocalDate.parse(cohort.getString("start"));
              var members = history.cohort(unit(range.unit), c, kind.equals("first-time"));
              assertEquals(members.size(), cohort.getInt("size"), what + " " + c);
              var cells = cohort.getJsonArray("cells").getValuesAs(JsonObject.class);
              var today = LocalDate.now(TestEnvironment.ZONE);
              assertEquals(
                  periodsBetween(range.unit, c, unit(range.unit).apply(today)) + 1,
                  cells.size(),
                  "a cell for every period up to today's");
              for (var cell : cells) {
                var at = LocalDate.parse(periodStart(range.unit, c, cell.getInt("n")));
                var expected =
                    history.retained(unit(range.unit), members, at, mode.equals("on-or-after"));
                assertEquals(
                    expected, cell.getInt("users"), what + " " + c + " +" + cell.getInt("n"));
                var ends = step(range.unit).apply(at);
                assertEquals(!ends.isAfter(today), cell.getBoolean("complete"), "complete " + at);
              }
            }
          }
        }
      }
    }
    var empty =
        (JsonObject)
            Http.admin(base)
                .json("api/admin/metrics/retention?cohort=day&from=2019-03-01&to=2019-03-01");
    var cohort = empty.getJsonArray("cohorts").getJsonObject(0);
    assertEquals(0, cohort.getInt("size"), "nobody was first seen that day");
    assertTrue(
        cohort.getJsonArray("cells").stream().allMatch(c -> ((JsonObject) c).getInt("users") == 0));
  }

  @Test
  void everyRetentionCellAndStickinessBucketListsExactlyItsUsers() throws SQLException {
    for (var policy : List.of("APP_ACTIVE", "TRANSACTING")) {
      var history = History.read(policy.equals("TRANSACTING"));
      for (var kind : List.of("first-time", "recurring")) {
        for (var mode : List.of("on", "on-or-after")) {
          var answer =
              (JsonObject)
                  Http.admin(base)
                      .json(
                          ("api/admin/metrics/retention?policy=%s&cohort=month&mode=%s&kind=%s"
                                  + "&from=2025-12-01&to=2026-04-30")
                              .formatted(policy, mode, kind));
          for (var cohort : answer.getJsonArray("cohorts").getValuesAs(JsonObject.class)) {
            var c = LocalDate.parse(cohort.getString("start"));
            var members = history.cohort(unit("month"), c, kind.equals("first-time"));
            for (var cell : cohort.getJsonArray("cells").getValuesAs(JsonObject.class)) {
              var n = cell.getInt("n");
              if (n > 6) {
                continue;
              }
              var page =
                  (JsonObject)
                      Http.admin(base)
                          .json(
                              "api/admin/metrics/users?policy=%s&cohort=%s&n=%d&mode=%s&kind=%s&size=500"
                                  .formatted(policy, cohort.getString("cohort"), n, mode, kind));
              var what = policy + " " + kind + " " + mode + " " + c + " +" + n;
              assertEquals(cell.getInt("users"), page.getInt("total"), what);
              var at = c.plusMonths(n);
              var expected =
                  members.stream()
                      .filter(
                          u ->
                              history.days().get(u).stream()
                                  .map(unit("month"))
                                  .anyMatch(
                                      p -> mode.equals("on") ? p.equals(at) : !p.isBefore(at)))
                      .collect(Collectors.toSet());
              assertEquals(expected, ids(page), what);
            }
          }
        }
      }
      for (var window : List.of(7, 28)) {
        for (var asOf : List.of("2026-01-04", "2026-02-11", "2026-04-06")) {
          for (var mode : List.of("exact", "at-least")) {
            var answer =
                (JsonObject)
                    Http.admin(base)
                        .json(
                            "api/admin/metrics/stickiness?policy=%s&window=%d&mode=%s&asOf=%s"
                                .formatted(policy, window, mode, asOf));
            for (var bucket : answer.getJsonArray("days").getValuesAs(JsonObject.class)) {
              var days = bucket.getInt("days");
              if (days > 7) {
                continue;
              }
              var page =
                  (JsonObject)
                      Http.admin(base)
                          .json(
                              "api/admin/metrics/users?policy=%s&window=%d&activeDays=%d&mode=%s&asOf=%s&size=500"
                                  .formatted(policy, window, days, mode, asOf));
              var what = policy + " L" + window + " " + mode + " " + asOf + " " + days;
              assertEquals(bucket.getInt("users"), page.getInt("total"), what);
              var last = LocalDate.parse(asOf);
              var first = last.minusDays(window - 1);
              var expected =
                  history.days().entrySet().stream()
                      .filter(
                          e -> {
                            var k =
                                e.getValue().stream()
                                    .filter(d -> !d.isBefore(first) && !d.isAfter(last))
                                    .count();
                            return mode.equals("exact") ? k == days : k >= days;
                          })
                      .map(Map.Entry::getKey)
                      .collect(Collectors.toSet());
              assertEquals(expected, ids(page), what);
            }
          }
        }
      }
    }
    for (var query :
        List.of(
            "cohort=2026-13&n=0",
            "cohort=2026-03&n=-1",
            "cohort=2999-01&n=0",
            "cohort=2026-03&n=1&mode=sometimes",
            "cohort=2026-03&n=1&kind=once",
            "window=14&activeDays=1",
            "window=7&activeDays=8",
            "window=7&activeDays=0",
            "window=7&activeDays=2&asOf=2999-01-01",
            "window=7",
            "days=7&cohort=2026-03",
            "lifecycle=new&period=2026-W01&activeDays=2")) {
      var refused = Http.admin(base).get("api/admin/metrics/users?" + query);
      assertEquals(400, refused.statusCode(), query + ": " + refused.body());
      assertTrue(refused.body().contains("INVALID_INPUT"), query + ": " + refused.body());
    }
  }

  /**
   * users.csv takes the drill-down's parameters and lists every user of the number, not a page: the
   * rows are the ids the JSON pages list, all pages; a request the JSON call refuses it refuses
   * alike.
   */
  @Test
  void everyDrilledDownNumberDownloadsAllItsUsersAsCsv() {
    for (var number :
        Map.of(
                "lifecycle=active&period=2026-02", "lifecycle-active-2026-02",
                "cohort=2026-01&n=1&mode=on&kind=recurring", "retention-2026-01-n1-on-recurring",
                "window=28&activeDays=1&mode=at-least&asOf=2026-02-11",
                    "l28-1-days-at-least-2026-02-11")
            .entrySet()) {
      var query = number.getKey();
      var paged = new java.util.ArrayList<Long>();
      long total = -1;
      for (var page = 0; total < 0 || page < total; page++) {
        var answer =
            (JsonObject)
                Http.admin(base).json("api/admin/metrics/users?" + query + "&size=1&page=" + page);
        total = answer.getJsonNumber("total").longValue();
        paged.addAll(ids(answer));
      }
      var csv = Http.admin(base).get("api/admin/metrics/users.csv?" + query);
      assertEquals(200, csv.statusCode(), query + ": " + csv.body());
      var lines = List.of(csv.body().split("\r\n"));
      assertEquals(
          "id,phone,display_name,kind,created_at,last_activity_at,last_transaction_at",
          lines.get(0),
          query);
      var rows =
          lines.subList(1, lines.size()).stream()
              .map(line -> Long.parseLong(line.substring(0, line.indexOf(','))))
              .toList();
      assertTrue(paged.size() >= 2, query + " lists several users: " + paged);
      assertEquals(paged, rows, query + ": every page's users, in the same order");
      var file = csv.headers().firstValue("Content-Disposition").orElse("");
      assertTrue(file.contains(number.getValue() + ".csv"), query + ": " + file);
    }
    for (var query :
        List.of(
            "lifecycle=new&period=2026-W01&activeDays=2",
            "days=7&cohort=2026-03",
            "cohort=2026-03&n=-1",
            "lifecycle=gone&period=2026-W01",
            "window=7")) {
      var json = Http.admin(base).get("api/admin/metrics/users?" + query);
      var csv = Http.admin(base).get("api/admin/metrics/users.csv?" + query);
      assertEquals(400, csv.statusCode(), query + ": " + csv.body());
      assertEquals(
          ((JsonObject) Http.json(400, json)).getString("code"),
          ((JsonObject) Http.json(400, csv)).getString("code"),
          query);
    }
  }

  private static Set<Long> ids(JsonObject page) {
    return page.getJsonArray("users").getValuesAs(JsonObject.class).stream()
        .map(u -> u.getJsonNumber("id").longValue())
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  @Test
  void stickinessAndCalendarActivesEqualTheDefinition() throws SQLException {
    for (var policy : List.of("APP_ACTIVE", "TRANSACTING")) {
      var history = History.read(policy.equals("TRANSACTING"));
      for (var window : List.of(7, 28)) {
        for (var asOf : List.of("2026-01-04", "2026-02-11", "2026-04-06")) {
          var last = LocalDate.parse(asOf);
          var first = last.minusDays(window - 1);
          var exactly = new int[window + 1];
          history.days().values().stream()
              .mapToInt(
                  days ->
                      (int)
                          days.stream().filter(d -> !d.isBefore(first) && !d.isAfter(last)).count())
              .filter(n -> n > 0)
              .forEach(n -> exactly[n]++);
          for (var mode : List.of("exact", "at-least")) {
            var answer =
                (JsonObject)
                    Http.admin(base)
                        .json(
                            "api/admin/metrics/stickiness?policy=%s&window=%d&mode=%s&asOf=%s"
                                .formatted(policy, window, mode, asOf));
            var buckets = answer.getJsonArray("days").getValuesAs(JsonObject.class);
            assertEquals(window, buckets.size());
            for (var bucket : buckets) {
              var n = bucket.getInt("days");
              var expected = 0;
              for (var k = n; k <= (mode.equals("exact") ? n : window); k++) {
                expected += exactly[k];
              }
              assertEquals(
                  expected,
                  bucket.getInt("users"),
                  policy + " L" + window + " " + mode + " " + asOf + " " + n);
            }
          }
        }
      }
      for (var period : List.of("week", "month")) {
        var answer =
            (JsonObject)
                Http.admin(base)
                    .json(
                        "api/admin/metrics/calendar?policy=%s&period=%s&from=2025-12-01&to=2026-04-30"
                            .formatted(policy, period));
        for (var count : answer.getJsonArray("periods").getValuesAs(JsonObject.class)) {
          var start = LocalDate.parse(count.getString("start"));
          assertEquals(
              history.activeIn(unit(period), start).size(),
              count.getInt("activeUsers"),
              policy + " " + period + " " + start);
        }
      }
    }
    for (var policy : List.of("APP_ACTIVE", "TRANSACTING")) {
      var history = History.read(policy.equals("TRANSACTING"));
      var rolling =
          ((JsonObject)
                  Http.admin(base)
                      .json(
                          "api/admin/metrics/calendar?policy=%s&period=month&from=2026-01-01&to=2026-03-15"
                              .formatted(policy)))
              .getJsonObject("rolling");
      var asOf = LocalDate.parse("2026-03-31");
      assertEquals(asOf.toString(), rolling.getString("asOf"), "the end of the last month");
      assertEquals(history.activeBetween(asOf.minusDays(27), asOf), rolling.getInt("mau28"));
      assertEquals(history.activeBetween(asOf.minusDays(29), asOf), rolling.getInt("mau30"));
    }
    var weekly =
        ((JsonObject) Http.admin(base).json("api/admin/metrics/stickiness?asOf=2026-01-18"))
            .getJsonArray("weekly")
            .getValuesAs(JsonObject.class);
    assertEquals(12, weekly.size());
    assertEquals("2026-W03", weekly.get(11).getString("week"), "the week that ends on asOf");
  }

  @Test
  void oneUsersActivityShowsItsDaysAndTheRowsBehindThem() throws Exception {
    var client = new GraphQLClient(base);
    var ana = Api.as(client, People.register(client, "Ana"));
    var bruno = People.register(client, "Bruno");
    ana.deposit("CUSD", "10");
    ana.send(bruno.phone(), "CUSD", "2.50").data();
    var id = Long.parseLong(ana.person().id());
    var yesterday = LocalDate.now(TestEnvironment.ZONE).minusDays(1);
    try (var db = TestEnvironment.connect();
        var insert =
            db.prepareStatement(
                "insert into login_events (user_id, kind, created_at) values (?, 'LOGIN', ?)")) {
      insert.setLong(1, id);
      insert.setObject(2, yesterday.atTime(12, 0).atZone(TestEnvironment.ZONE).toOffsetDateTime());
      insert.executeUpdate();
    }
    var today = LocalDate.now(TestEnvironment.ZONE);
    var answer =
        Eventually.within(
            Duration.ofSeconds(30),
            "today's transacting day recorded",
            () -> {
              var report =
                  (JsonObject)
                      Http.admin(base)
                          .json("api/admin/users/" + id + "/activity?from=" + yesterday);
              var days = report.getJsonArray("days").getValuesAs(JsonObject.class);
              return days.stream()
                      .anyMatch(
                          d ->
                              d.getString("day").equals(today.toString())
                                  && d.getBoolean("transacting"))
                  ? Optional.of(report)
                  : Optional.empty();
            });
    assertEquals(today.toString(), answer.getString("firstSeen"));
    assertEquals(today.toString(), answer.getString("firstTransacting"));
    assertTrue(answer.getBoolean("eligible"));
    var days = answer.getJsonArray("days").getValuesAs(JsonObject.class);
    assertEquals(2, days.size(), "" + days);
    var before = days.get(0);
    assertEquals(yesterday.toString(), before.getString("day"));
    assertFalse(before.getBoolean("appActive"), "a source row the backfill has not replayed");
    assertEquals(
        "login_events", before.getJsonArray("sources").getJsonObject(0).getString("table"));
    var tables =
        days.get(1).getJsonArray("sources").getValuesAs(JsonObject.class).stream()
            .collect(Collectors.toMap(t -> t.getString("table"), t -> t.getBoolean("movedMoney")));
    assertEquals(false, tables.get("login_events"), "" + tables);
    assertEquals(true, tables.get("send_transactions"), "a send moves money");

    assertEquals(404, Http.admin(base).get("api/admin/users/999999999/activity").statusCode());
    assertEquals(400, Http.admin(base).get("api/admin/users/ana/activity").statusCode());
    assertEquals(
        400,
        Http.admin(base).get("api/admin/users/" + id + "/activity?from=2026-13-01").statusCode());
    assertEquals(401, Http.anonymous(base).get("api/admin/users/" + id + "/activity").statusCode());

    // Found by id, and by the phone number typed with spaces and dashes.
    var phone = ana.person().phone();
    var spaced = phone.substring(0, 3) + " " + phone.substring(3, 6) + "-" + phone.substring(6);
    for (var q : List.of(String.valueOf(id), spaced)) {
      var found =
          ((JsonObject)
                  Http.admin(base)
                      .json("api/admin/users?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
              .getJsonArray("users");
      assertEquals(1, found.size(), q + ": " + found);
      assertEquals(id, found.getJsonObject(0).getJsonNumber("id").longValue());
      assertEquals(phone, found.getJsonObject(0).getString("phone"));
    }
    assertEquals(
        0,
        ((JsonObject) Http.admin(base).json("api/admin/users?q=999999999"))
            .getJsonArray("users")
            .size());
    for (var bad : List.of("ana", "%2B12", "-5", "0")) {
      var refused = Http.admin(base).get("api/admin/users?q=" + bad);
      assertEquals(400, refused.statusCode(), bad + ": " + refused.body());
      assertTrue(refused.body().contains("INVALID_INPUT"), refused.body());
    }
    assertEquals(401, Http.anonymous(base).get("api/admin/users?q=" + id).statusCode());
  }

  @Test
  void anAnswerIsServedAgainUntilTheHistoryChanges() throws Exception {
    var path = "api/admin/metrics/lifecycle?period=month&from=2026-01-01&to=2026-04-30";
    var admin = Http.admin(base);
    // Asked twice with nothing written in between, the second answer is the kept one. (Tracking
    // from other tests may still be writing; the pair is asked again until it was left alone.)
    var first =
        Eventually.within(
            Duration.ofSeconds(30),
            "a question asked twice, answered once",
            () -> {
              var asked = Http.json(admin.get(path));
              var hits = counter("growth_cache_hits");
              var misses = counter("growth_cache_misses");
              var again = Http.json(admin.get(path));
              assertEquals(asked, again);
              return counter("growth_cache_hits") == hits + 1
                      && counter("growth_cache_misses") == misses
                  ? Optional.of(again)
                  : Optional.empty();
            });
    var misses = counter("growth_cache_misses");

    // A day row written by anyone (here: plain SQL) changes the answer at once.
    var id =
        Population.user(
            "PERSONAL", "ACTIVE", OffsetDateTime.parse("2019-01-01T00:00:00Z"), null, null);
    try (var db = TestEnvironment.connect();
        var insert =
            db.prepareStatement(
                "insert into user_activity_day (user_id, day, transacting) values (?, '2026-02-14', false)")) {
      insert.setLong(1, id);
      insert.executeUpdate();
    }
    assertEquals(misses + 1, missAfter(path, misses));
    var february = february(Http.json(admin.get(path)));
    assertEquals(february(first).getInt("newUsers") + 1, february.getInt("newUsers"));
    assertEquals(lifecycleOf(History.read(false), "2026-02-01"), counts(february));

    // So does a user's suspension: suspended users are not eligible.
    try (var db = TestEnvironment.connect();
        var suspend = db.prepareStatement("update users set status = 'SUSPENDED' where id = ?")) {
      suspend.setLong(1, id);
      suspend.executeUpdate();
    }
    var after = february(Http.json(admin.get(path)));
    assertEquals(february(first).getInt("newUsers"), after.getInt("newUsers"));
    assertEquals(lifecycleOf(History.read(false), "2026-02-01"), counts(after));
  }

  /**
   * The day sets the reports keep for every member (activity_day_sets) hold exactly each day's
   * users, both policies, for every day whose rows have not changed since.
   */
  @Test
  void theKeptDaySetsAreEachDaysUsers() throws SQLException {
    Http.admin(base).json("api/admin/metrics/lifecycle?period=month&from=2025-11-01&to=2026-06-30");
    var kept = 0;
    try (var db = TestEnvironment.connect();
        var sets =
            db.prepareStatement(
                "select s.day, s.active, s.transacting from activity_day_sets s"
                    + " where s.day between '2025-11-01' and '2026-06-30' and s.version >="
                    + " coalesce((select max(c.version) from activity_day_changes c"
                    + " where c.day = s.day or c.day = '-infinity'), 0)");
        var rows =
            db.prepareStatement(
                "select user_id, transacting from user_activity_day where day = ?");
        var result = sets.executeQuery()) {
      while (result.next()) {
        var day = result.getObject(1, LocalDate.class);
        var active = new TreeSet<Long>();
        var transacting = new TreeSet<Long>();
        rows.setObject(1, day);
        try (var users = rows.executeQuery()) {
          while (users.next()) {
            active.add(users.getLong(1));
            if (users.getBoolean(2)) {
              transacting.add(users.getLong(1));
            }
          }
        }
        assertEquals(active, ids(result.getBytes(2)), "app-active users of " + day);
        assertEquals(transacting, ids(result.getBytes(3)), "transacting users of " + day);
        kept++;
      }
    }
    // 242 days, less the last three before today when the range reaches them (never kept)
    assertTrue(kept >= 239, "days kept: " + kept);
  }

  /**
   * A past day's rows inserted, updated and deleted by anyone (here: plain SQL) are in the next
   * answer: the day's kept set is built again, and so is every later day's first seen set.
   */
  @Test
  void aPastDayChangedByAnyoneIsReadAgain() throws Exception {
    var admin = Http.admin(base);
    var id =
        Population.user(
            "PERSONAL", "ACTIVE", OffsetDateTime.parse("2019-01-01T00:00:00Z"), null, null);
    for (var change :
        List.of(
            "insert into user_activity_day (user_id, day, transacting) values (?1, '2025-11-20',"
                + " true), (?1, '2026-03-10', false)",
            "update user_activity_day set transacting = not transacting where user_id = ?1",
            "delete from user_activity_day where user_id = ?1 and day = '2025-11-20'",
            "delete from user_activity_day where user_id = ?1")) {
      try (var db = TestEnvironment.connect();
          var statement = db.prepareStatement(change.replace("?1", String.valueOf(id)))) {
        statement.executeUpdate();
      }
      for (var policy : List.of("APP_ACTIVE", "TRANSACTING")) {
        var history = History.read(policy.equals("TRANSACTING"));
        var answer =
            (JsonObject)
                admin.json(
                    "api/admin/metrics/lifecycle?policy=%s&period=month&from=2025-11-01&to=2026-04-30"
                        .formatted(policy));
        for (var bucket : answer.getJsonArray("periods").getValuesAs(JsonObject.class)) {
          assertEquals(
              lifecycleOf(history, bucket.getString("start")),
              counts(bucket),
              policy + " " + bucket.getString("start") + " after: " + change);
        }
        var retention =
            (JsonObject)
                admin.json(
                    "api/admin/metrics/retention?policy=%s&cohort=month&from=2025-11-01&to=2026-04-30"
                        .formatted(policy));
        for (var cohort : retention.getJsonArray("cohorts").getValuesAs(JsonObject.class)) {
          var c = LocalDate.parse(cohort.getString("start"));
          var members = history.cohort(unit("month"), c, true);
          assertEquals(
              members.size(), cohort.getInt("size"), policy + " cohort " + c + " after: " + change);
        }
      }
    }
  }

  private static Set<Long> ids(byte[] bytes) {
    var set = new org.roaringbitmap.RoaringBitmap();
    try {
      set.deserialize(java.nio.ByteBuffer.wrap(bytes));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    var ids = new TreeSet<Long>();
    set.forEach((int id) -> ids.add(Integer.toUnsignedLong(id)));
    return ids;
  }

  private long missAfter(String path, long misses) throws Exception {
    Http.json(Http.admin(base).get(path));
    return counter("growth_cache_misses");
  }

  private static JsonObject february(jakarta.json.JsonStructure report) {
    return ((JsonObject) report)
        .getJsonArray("periods").getValuesAs(JsonObject.class).stream()
            .filter(p -> p.getString("start").equals("2026-02-01"))
            .findFirst()
            .orElseThrow();
  }

  private static List<Integer> counts(JsonObject bucket) {
    return List.of(
        bucket.getInt("active"),
        bucket.getInt("newUsers"),
        bucket.getInt("returning"),
        bucket.getInt("resurrecting"),
        bucket.getInt("dormant"));
  }

  private static List<Integer> lifecycleOf(History history, String month) {
    return history.lifecycle(unit("month"), step("month"), LocalDate.parse(month));
  }

  /** A counter of the public {@code /metrics} (Prometheus text), 0 before its first count. */
  private long counter(String name) {
    var text = Http.anonymous(base).get("metrics").body();
    var matcher =
        java.util.regex.Pattern.compile("(?m)^" + name + "_total(?:\\{[^}]*})? ([0-9.Ee+]+)$")
            .matcher(text);
    return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
  }

  @Test
  void badParametersAreRefusedWithACode() {
    for (var query :
        List.of(
            "lifecycle?period=year",
            "lifecycle?period=week&from=2026-03-01&to=2026-02-01",
            "lifecycle?from=2026-13-01",
            "lifecycle?to=2999-01-01",
            "lifecycle?period=day&from=2000-01-01&to=2026-01-01",
            "lifecycle?policy=whatever",
            "retention?cohort=quarter",
            "retention?mode=before",
            "retention?kind=second-time",
            "retention?cohort=week&from=2020-01-01",
            "stickiness?window=14",
            "stickiness?window=seven",
            "stickiness?mode=most",
            "stickiness?asOf=2999-01-01",
            "calendar?period=day",
            "calendar?period=week&from=2026-05-01&to=2026-04-01")) {
      var answer = Http.admin(base).get("api/admin/metrics/" + query);
      assertEquals(400, answer.statusCode(), query + ": " + answer.body());
      assertTrue(answer.body().contains("\"code\""), query);
    }
    assertEquals(401, Http.anonymous(base).get("api/admin/metrics/lifecycle").statusCode());
    var defaults = (JsonObject) Http.admin(base).json("api/admin/metrics/lifecycle");
    assertEquals(26, defaults.getJsonArray("periods").size(), "26 weeks by default");
    var last = defaults.getJsonArray("periods").getJsonObject(25);
    assertFalse(last.getBoolean("complete"), "this week has not ended");
    for (var period : Map.of("day", 90, "month", 12).entrySet()) {
      var report =
          (JsonObject)
              Http.admin(base).json("api/admin/metrics/lifecycle?period=" + period.getKey());
      assertEquals(period.getValue(), report.getJsonArray("periods").size(), period.getKey());
      var cohorts =
          (JsonObject)
              Http.admin(base).json("api/admin/metrics/retention?cohort=" + period.getKey());
      assertEquals(period.getValue(), cohorts.getJsonArray("cohorts").size(), period.getKey());
    }
  }

  private static String periodStart(String unit, LocalDate cohort, int n) {
    return switch (unit) {
      case "week" -> cohort.plusWeeks(n).toString();
      case "month" -> cohort.plusMonths(n).toString();
      default -> cohort.plusDays(n).toString();
    };
  }

  private static long periodsBetween(String unit, LocalDate from, LocalDate to) {
    return switch (unit) {
      case "week" -> ChronoUnit.WEEKS.between(from, to);
      case "month" -> ChronoUnit.MONTHS.between(from, to);
      default -> ChronoUnit.DAYS.between(from, to);
    };
  }

  record Range(String unit, String from, String to) {}

  static UnaryOperator<LocalDate> unit(String unit) {
    return switch (unit) {
      case "week" -> d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case "month" -> d -> d.withDayOfMonth(1);
      default -> d -> d;
    };
  }

  static UnaryOperator<LocalDate> step(String unit) {
    return switch (unit) {
      case "week" -> d -> d.plusWeeks(1);
      case "month" -> d -> d.plusMonths(1);
      default -> d -> d.plusDays(1);
    };
  }

  /** Every eligible user's active days under one policy, read straight from the tables. */
  record History(Map<Long, TreeSet<LocalDate>> days) {

    static History read(boolean transacting) throws SQLException {
      var eligible =
          Population.users().stream()
              .filter(Population.Row::eligible)
              .map(Population.Row::id)
              .collect(Collectors.toSet());
      var days = new HashMap<Long, TreeSet<LocalDate>>();
      for (var day : Population.days()) {
        if (eligible.contains(day.userId()) && (day.transacting() || !transacting)) {
          days.computeIfAbsent(day.userId(), u -> new TreeSet<>()).add(day.day());
        }
      }
      return new History(days);
    }

    int activeBetween(LocalDate first, LocalDate last) {
      return (int)
          days.values().stream()
              .filter(d -> d.stream().anyMatch(day -> !day.isBefore(first) && !day.isAfter(last)))
              .count();
    }

    Set<Long> activeIn(UnaryOperator<LocalDate> unit, LocalDate period) {
      return days.entrySet().stream()
          .filter(e -> e.getValue().stream().anyMatch(d -> unit.apply(d).equals(period)))
          .map(Map.Entry::getKey)
          .collect(Collectors.toSet());
    }

    /** [active, new, returning, resurrecting, dormant] of the period starting {@code p}. */
    List<Integer> lifecycle(
        UnaryOperator<LocalDate> unit, UnaryOperator<LocalDate> step, LocalDate p) {
      var active = activeIn(unit, p);
      var before = activeIn(unit, previous(unit, p));
      var fresh = active.stream().filter(u -> unit.apply(days.get(u).first()).equals(p)).count();
      var returning = active.stream().filter(before::contains).count();
      var dormant = before.stream().filter(u -> !active.contains(u)).count();
      return List.of(
          active.size(),
          (int) fresh,
          (int) returning,
          (int) (active.size() - fresh - returning),
          (int) dormant);
    }

    /** The users of one lifecycle bucket of the period starting {@code p}. */
    Set<Long> members(UnaryOperator<LocalDate> unit, LocalDate p, String bucket) {
      var active = activeIn(unit, p);
      var before = activeIn(unit, previous(unit, p));
      return switch (bucket) {
        case "dormant" ->
            before.stream().filter(u -> !active.contains(u)).collect(Collectors.toSet());
        case "active" -> active;
        default ->
            active.stream()
                .filter(
                    u -> {
                      var isNew = unit.apply(days.get(u).first()).equals(p);
                      var returning = before.contains(u);
                      return switch (bucket) {
                        case "new" -> isNew;
                        case "returning" -> returning;
                        default -> !isNew && !returning;
                      };
                    })
                .collect(Collectors.toSet());
      };
    }

    private static LocalDate previous(UnaryOperator<LocalDate> unit, LocalDate p) {
      return unit.apply(p.minusDays(1));
    }

    Set<Long> cohort(UnaryOperator<LocalDate> unit, LocalDate c, boolean firstTime) {
      if (!firstTime) {
        return activeIn(unit, c);
      }
      return days.entrySet().stream()
          .filter(e -> unit.apply(e.getValue().first()).equals(c))
          .map(Map.Entry::getKey)
          .collect(Collectors.toCollection(HashSet::new));
    }

    int retained(UnaryOperator<LocalDate> unit, Set<Long> members, LocalDate at, boolean orAfter) {
      return (int)
          members.stream()
              .filter(
                  u ->
                      days.get(u).stream()
                          .map(unit)
                          .anyMatch(p -> orAfter ? !p.isBefore(at) : p.equals(at)))
              .count();
    }
  }

  /** A user of {@code status} active on {@code days}; a trailing {@code t} marks money moved. */
  private static void planted(String status, String... days) throws SQLException {
    var id =
        Population.user(
            "PERSONAL", status, OffsetDateTime.parse("2019-01-01T00:00:00Z"), null, null);
    try (var connection = TestEnvironment.connect();
        var insert =
            connection.prepareStatement(
                "insert into user_activity_day (user_id, day, transacting) values (?, ?, ?)")) {
      for (var day : days) {
        var transacting = day.endsWith("t");
        insert.setLong(1, id);
        insert.setObject(2, LocalDate.parse(transacting ? day.substring(0, 10) : day));
        insert.setBoolean(3, transacting);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
