package app.confio.bench;

import static app.confio.bench.MetricsBenchmark.median;
import static app.confio.bench.MetricsBenchmark.ok;
import static app.confio.bench.MetricsBenchmark.report;
import static app.confio.bench.MetricsBenchmark.timed;

import app.confio.activity.entity.Policy;
import app.confio.growth.RowStatements;
import app.confio.growth.entity.Period;
import app.confio.testing.Http;
import app.confio.testing.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Prints what the growth reports cost on the database {@code DB_URL} names (meant for the
 * generator's 1,000,000 users, backfilled): for each report and policy, the first call after the
 * history changed ("cold": where the answers are cached, the cache is invalidated before each call
 * by bumping {@code history_generation}) against the report's statements run bare over JDBC,
 * alternating; then the second call, which a cache answers. Cold means cache-cold, not
 * PostgreSQL-cold: the day rows are in memory after the first round. Writes each answer to
 * target/growth-answers/ so that two runs can be compared. Then a year of daily snapshots rebuilt
 * ({@code -Dgrowth.history-only=true} runs that alone). {@code mvn -Pbench -Dbench=growth}.
 */
public final class GrowthBenchmark {

  /** Cold rounds per report; {@code -Dgrowth.rounds=N} changes it (a cold call takes seconds). */
  static final int COLD_ROUNDS = Integer.getInteger("growth.rounds", 5);

  static final int WARM_ROUNDS = 201;
  static final Path ANSWERS = Path.of("target", "growth-answers");
  static final Pattern PLACEHOLDER = Pattern.compile("\\?(\\d+)");

  /** One statement with its values for the numbered placeholders. */
  record Statement(String sql, List<Object> values) {}

  /** A report: what the admin API is asked, and the statements it runs to answer. */
  record Report(String name, String path, List<Statement> statements, double target) {}

  /** The figures of one report, for the summary. */
  record Figures(
      Report report, double rebuilt, double cold, double bare, double second, String agrees) {}

  public static void main(String[] args) throws Exception {
    Bench.requireDatabase();
    try (var member = Bench.member("bench-growth")) {
      var admin = Http.admin(member.url());
      try (var db = TestEnvironment.connect()) {
        MetricsBenchmark.prepare(db, admin);
        System.out.println(BackfillBenchmark.counts(db));
        var cached = cached(db);
        System.out.println(cached ? "answers are cached" : "no cache: every call is cold");
        if (!Boolean.getBoolean("growth.history-only")) {
          var reports = reports(LocalDate.now(TestEnvironment.ZONE));
          explain(db, reports);
          Files.createDirectories(ANSWERS);
          var figures = new ArrayList<Figures>();
          for (var report : reports) {
            figures.add(measure(db, admin, report, cached));
          }
          summary(figures);
        }
        history(db, admin);
      }
    } finally {
      TestEnvironment.stop();
    }
    System.exit(0);
  }

  /**
   * The default ranges: 26 weeks, 12 monthly cohorts, L28 up to yesterday, 12 months (with MAU28
   * and MAU30 up to today).
   */
  static List<Report> reports(LocalDate today) {
    var week = Period.WEEK.start(today);
    var month = Period.MONTH.start(today);
    var months = Period.MONTH.plus(month, -11);
    var asOf = today.minusDays(1);
    var lastWeek = Period.WEEK.start(asOf.plusDays(1)).minusWeeks(1);
    var reports = new ArrayList<Report>();
    for (var policy : Policy.values()) {
      var transacting = policy == Policy.TRANSACTING;
      var named = "%s, " + policy;
      var query = "api/admin/metrics/%s&policy=" + policy;
      reports.add(
          new Report(
              named.formatted("lifecycle, 26 weeks"),
              query.formatted("lifecycle?period=week"),
              List.of(
                  statement(
                      RowStatements.LIFECYCLE,
                      "week",
                      "1 week",
                      Period.WEEK.plus(week, -25),
                      week,
                      transacting)),
              500));
      reports.add(
          new Report(
              named.formatted("retention, 12 monthly cohorts"),
              query.formatted("retention?cohort=month"),
              List.of(
                  statement(
                      RowStatements.RETENTION,
                      "month",
                      months,
                      month.plusMonths(1),
                      transacting,
                      true)),
              500));
      reports.add(
          new Report(
              named.formatted("stickiness L28"),
              query.formatted("stickiness?window=28"),
              List.of(
                  statement(RowStatements.STICKINESS, asOf.minusDays(27), asOf, transacting),
                  statement(
                      RowStatements.WEEKLY,
                      lastWeek.minusWeeks(11),
                      lastWeek.plusDays(6),
                      transacting)),
              0));
      reports.add(
          new Report(
              named.formatted("calendar, 12 months"),
              query.formatted("calendar?period=month"),
              List.of(
                  statement(
                      RowStatements.CALENDAR, "month", months, month.plusMonths(1), transacting),
                  statement(
                      RowStatements.ROLLING,
                      today.minusDays(29),
                      today.minusDays(27),
                      today,
                      transacting)),
              0));
    }
    return reports;
  }

  /** Cold calls and bare statements in turn, then the second call over many rounds. */
  static Figures measure(Connection db, Http admin, Report report, boolean cached)
      throws Exception {
    // Every past day marked changed, as after a backfill that rewrote the whole history: the first
    // call builds every day set it reads from the rows (and keeps them).
    var rebuilt = -1.0;
    if (daySets(db)) {
      MetricsBenchmark.single(
          db,
          "insert into activity_day_changes (day, version) values ('-infinity',"
              + " nextval('activity_day_version')) on conflict (day) do update"
              + " set version = excluded.version returning version");
      invalidate(db, cached);
      rebuilt = timed(() -> ok(admin.get(report.path())));
    }
    var cold = new double[COLD_ROUNDS];
    var bare = new double[COLD_ROUNDS];
    for (var i = 0; i < COLD_ROUNDS; i++) {
      invalidate(db, cached);
      cold[i] = timed(() -> ok(admin.get(report.path())));
      bare[i] = timed(() -> bare(db, report));
    }
    invalidate(db, cached);
    var answer = admin.get(report.path());
    ok(answer);
    Files.writeString(
        ANSWERS.resolve(report.name().replaceAll("\\W+", "-") + ".json"), answer.body());
    var second = new double[cached ? WARM_ROUNDS : 3];
    for (var i = 0; i < second.length; i++) {
      second[i] = timed(() -> ok(admin.get(report.path())));
    }
    var agrees = RowAnswers.compare(db, report, answer.body());
    System.out.println(report.name() + ": " + report.path());
    if (rebuilt >= 0) {
      System.out.printf(Locale.ROOT, "  first call after every day changed: %.1f ms%n", rebuilt);
    }
    System.out.println("  answer against the row statements: " + agrees);
    report("  cold, admin API", cold);
    report("  the same statements bare over JDBC", bare);
    report("  second call" + (cached ? " (cached)" : " (no cache)"), second);
    return new Figures(report, rebuilt, median(cold), median(bare), median(second), agrees);
  }

  static void summary(List<Figures> figures) {
    System.out.printf(
        Locale.ROOT,
        "%n%-46s %12s %10s %10s %7s %12s %-22s %s%n",
        "report (medians)",
        "all rebuilt",
        "cold API",
        "bare SQL",
        "ratio",
        "second call",
        "answer",
        "target cold ≤ 500 ms");
    for (var f : figures) {
      System.out.printf(
          Locale.ROOT,
          "%-46s %9.1f ms %7.1f ms %7.1f ms %7.2f %9.1f ms %-22s %s%n",
          f.report().name(),
          f.rebuilt(),
          f.cold(),
          f.bare(),
          f.cold() / f.bare(),
          f.second(),
          f.agrees(),
          f.report().target() == 0 ? "" : f.cold() <= f.report().target() ? "met" : "MISSED");
    }
  }

  /**
   * The daily snapshots of a year rebuilt through the admin API (one day's DAU/WAU/MAU from the day
   * sets, both policies, and eligible and new users), against one day's counts by the statement
   * over day rows that the snapshots used before; and the snapshot of yesterday against it.
   */
  static void history(Connection db, Http admin) throws Exception {
    var today = LocalDate.now(TestEnvironment.ZONE);
    var yesterday = today.minusDays(1);
    var rebuild = "api/admin/metrics/history/rebuild?from=" + today.minusDays(364) + "&to=" + today;
    var rounds = new double[3];
    for (var i = 0; i < rounds.length; i++) {
      rounds[i] = timed(() -> ok(admin.post(rebuild)));
    }
    var bare = new double[3];
    long[] counts = null;
    for (var i = 0; i < bare.length; i++) {
      var began = System.nanoTime();
      try (var prepared =
              prepare(
                  db,
                  RowStatements.DAY_WINDOWS,
                  List.of(yesterday, yesterday.minusDays(6), yesterday.minusDays(29)));
          var rows = prepared.executeQuery()) {
        rows.next();
        counts = new long[6];
        for (var c = 0; c < 6; c++) {
          counts[c] = rows.getLong(c + 1);
        }
      }
      bare[i] = (System.nanoTime() - began) / 1e6;
    }
    var kept = new long[6];
    try (var prepared =
            prepare(
                db,
                "select policy, dau, wau, mau from activity_snapshot where day = ?1 order by policy",
                List.of(yesterday));
        var rows = prepared.executeQuery()) {
      for (var p = 0; rows.next(); p++) {
        for (var c = 0; c < 3; c++) {
          kept[p * 3 + c] = rows.getLong(c + 2);
        }
      }
    }
    System.out.println("history: the daily snapshots of 365 days rebuilt through the admin API");
    report("  365 days, admin API", rounds);
    System.out.printf(
        Locale.ROOT, "  per day: %.1f ms (median round / 365)%n", median(rounds) / 365);
    report("  one day's DAU/WAU/MAU by the statement over day rows, bare", bare);
    System.out.println(
        "  snapshot of "
            + yesterday
            + " against that statement: "
            + (java.util.Arrays.equals(kept, counts)
                ? "equal " + java.util.Arrays.toString(kept)
                : "DIFFERENT: snapshot "
                    + java.util.Arrays.toString(kept)
                    + ", statement "
                    + java.util.Arrays.toString(counts)));
  }

  /** Planning and execution time of the lifecycle and retention statements, plans in target/. */
  static void explain(Connection db, List<Report> reports) throws Exception {
    for (var report : reports) {
      if (!report.name().startsWith("lifecycle") && !report.name().startsWith("retention")) {
        continue;
      }
      var statement = report.statements().get(0);
      var plan = new StringBuilder();
      try (var explain =
              prepare(db, "explain (analyze, buffers) " + statement.sql(), statement.values());
          var rows = explain.executeQuery()) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      }
      var file = Path.of("target", "growth-plans", report.name().replaceAll("\\W+", "-") + ".txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, plan);
      System.out.println("EXPLAIN (ANALYZE, BUFFERS) " + report.name() + " (" + file + "):");
      var lines = plan.toString().lines().toList();
      System.out.println("  " + lines.get(0));
      lines.stream()
          .filter(line -> line.startsWith("Planning Time") || line.startsWith("Execution Time"))
          .forEach(line -> System.out.println("  " + line));
    }
  }

  /** Runs the report's statements and reads every row, as the member does. */
  static void bare(Connection db, Report report) throws SQLException {
    for (var statement : report.statements()) {
      try (var prepared = prepare(db, statement.sql(), statement.values());
          var rows = prepared.executeQuery()) {
        var columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          for (var c = 1; c <= columns; c++) {
            rows.getObject(c);
          }
        }
      }
    }
  }

  /** JDBC numbers placeholders by position: binds each {@code ?n} where it occurs. */
  static java.sql.PreparedStatement prepare(Connection db, String sql, List<Object> values)
      throws SQLException {
    var order = PLACEHOLDER.matcher(sql).results().mapToInt(m -> Integer.parseInt(m.group(1)));
    var prepared = db.prepareStatement(PLACEHOLDER.matcher(sql).replaceAll("?"));
    var position = 1;
    for (var n : order.toArray()) {
      prepared.setObject(position++, values.get(n - 1));
    }
    return prepared;
  }

  static Statement statement(String sql, Object... values) {
    return new Statement(sql, List.of(values));
  }

  /** Answers are cached once the history carries a generation that the cache checks. */
  static boolean cached(Connection db) throws SQLException {
    return MetricsBenchmark.single(
            db, "select count(*) from pg_class where relname = 'history_generation'")
        > 0;
  }

  /** Whether the reports read day sets (migration V12). */
  static boolean daySets(Connection db) throws SQLException {
    return MetricsBenchmark.single(
            db, "select count(*) from pg_class where relname = 'activity_day_changes'")
        > 0;
  }

  /** What a new day row or a changed user does to the cache: a new generation. */
  static void invalidate(Connection db, boolean cached) throws SQLException {
    if (cached) {
      MetricsBenchmark.single(db, "select nextval('history_generation')");
    }
  }
}
