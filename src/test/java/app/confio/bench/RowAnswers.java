package app.confio.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A report's answer against its row statements ({@code RowStatements}, the formulation over day
 * rows) on the benchmark's data: the figures are exact, so they must be equal, number by number.
 */
final class RowAnswers {

  private RowAnswers() {}

  /** "equal", or what differs first. */
  static String compare(Connection db, GrowthBenchmark.Report report, String body)
      throws SQLException {
    var answer = Json.createReader(new StringReader(body)).readObject();
    var rows = new ArrayList<List<Object[]>>();
    for (var statement : report.statements()) {
      rows.add(rows(db, statement));
    }
    var expected = new ArrayList<String>();
    var actual = new ArrayList<String>();
    var name = report.name();
    if (name.startsWith("lifecycle")) {
      for (var row : rows.get(0)) {
        expected.add(join(row[0], row[1], row[2], row[3], row[4]));
      }
      for (var p : answer.getJsonArray("periods").getValuesAs(JsonObject.class)) {
        actual.add(
            join(
                p.getString("start"),
                p.getJsonNumber("newUsers"),
                p.getJsonNumber("returning"),
                p.getJsonNumber("resurrecting"),
                p.getJsonNumber("dormant")));
      }
    } else if (name.startsWith("retention")) {
      var active = new TreeMap<String, Map<String, Object>>();
      for (var row : rows.get(0)) {
        active
            .computeIfAbsent(row[0].toString(), c -> new HashMap<>())
            .put(row[1].toString(), row[2]);
      }
      for (var cohort : answer.getJsonArray("cohorts").getValuesAs(JsonObject.class)) {
        var start = LocalDate.parse(cohort.getString("start"));
        var cells = cohort.getJsonArray("cells").getValuesAs(JsonObject.class);
        for (var cell : cells) {
          var at = start.plusMonths(cell.getInt("n")).toString();
          var counted = active.getOrDefault(start.toString(), Map.of()).getOrDefault(at, 0);
          expected.add(join(start, at, counted));
          actual.add(join(start, at, cell.getJsonNumber("users")));
        }
      }
    } else if (name.startsWith("stickiness")) {
      for (var row : rows.get(0)) {
        expected.add(join(row[0], row[1]));
      }
      for (var bucket : answer.getJsonArray("days").getValuesAs(JsonObject.class)) {
        if (bucket.getJsonNumber("users").longValue() > 0) {
          actual.add(join(bucket.getInt("days"), bucket.getJsonNumber("users")));
        }
      }
      for (var row : rows.get(1)) {
        expected.add(join(row[0], row[1], row[2]));
      }
      for (var week : answer.getJsonArray("weekly").getValuesAs(JsonObject.class)) {
        if (week.getJsonNumber("activeUsers").longValue() > 0) {
          actual.add(
              join(
                  week.getString("start"),
                  week.getJsonNumber("activeUsers"),
                  week.getJsonNumber("fivePlusDays")));
        }
      }
    } else {
      for (var row : rows.get(0)) {
        expected.add(join(row[0], row[1]));
      }
      for (var period : answer.getJsonArray("periods").getValuesAs(JsonObject.class)) {
        if (period.getJsonNumber("activeUsers").longValue() > 0) {
          actual.add(join(period.getString("start"), period.getJsonNumber("activeUsers")));
        }
      }
      var rolling = answer.getJsonObject("rolling");
      expected.add(join(rows.get(1).get(0)[0], rows.get(1).get(0)[1]));
      actual.add(join(rolling.getJsonNumber("mau28"), rolling.getJsonNumber("mau30")));
    }
    if (expected.equals(actual)) {
      return "equal";
    }
    for (var i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      var e = i < expected.size() ? expected.get(i) : "(none)";
      var a = i < actual.size() ? actual.get(i) : "(none)";
      if (!e.equals(a)) {
        return "DIFFERENT: statement " + e + ", API " + a;
      }
    }
    return "DIFFERENT";
  }

  private static List<Object[]> rows(Connection db, GrowthBenchmark.Statement statement)
      throws SQLException {
    var rows = new ArrayList<Object[]>();
    try (var prepared = GrowthBenchmark.prepare(db, statement.sql(), statement.values());
        var result = prepared.executeQuery()) {
      var columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        var row = new Object[columns];
        for (var c = 0; c < columns; c++) {
          row[c] = result.getObject(c + 1);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static String join(Object... values) {
    var parts = new ArrayList<String>();
    for (var value : values) {
      parts.add(String.valueOf(value));
    }
    return String.join(" ", parts);
  }
}
