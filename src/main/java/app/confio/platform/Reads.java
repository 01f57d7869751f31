package app.confio.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Read-only queries straight over JDBC, for the few reads whose latency is a promise (the current
 * metrics, the history): outside a transaction, EclipseLink acquires its connection through a JNDI
 * lookup and wraps every row. Statements use the same numbered placeholders ({@code ?1}) as JPA
 * native queries.
 */
@ApplicationScoped
public class Reads {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\?(\\d+)");

  /** Rows per round trip of {@link #each}. */
  static final int FETCH = 500;

  @Resource(lookup = Migrations.DATASOURCE)
  DataSource dataSource;

  public List<Object[]> rows(String sql, Object... parameters) {
    try (var connection = dataSource.getConnection()) {
      return rows(connection, sql, parameters);
    } catch (SQLException e) {
      throw new IllegalStateException("Query failed: " + e.getMessage(), e);
    }
  }

  public Object[] row(String sql, Object... parameters) {
    return one(rows(sql, parameters));
  }

  /**
   * The one row of a statement run without parallel workers: for an index slice of a few hundred
   * thousand entries, starting two workers costs more than they save, and on a small machine they
   * compete with the application server for the cores.
   */
  public Object[] serialRow(String sql, Object... parameters) {
    try (var connection = dataSource.getConnection()) {
      var autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (var serial = connection.createStatement()) {
        serial.execute("set local max_parallel_workers_per_gather = 0");
        var rows = rows(connection, sql, parameters);
        connection.commit();
        return one(rows);
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Query failed: " + e.getMessage(), e);
    }
  }

  /**
   * Hands every row to {@code sink} as the database sends it, a few hundred at a time (a cursor in
   * one read-only transaction), so that an export of any size holds one batch in memory; answers
   * how many.
   */
  public long each(String sql, Consumer<Object[]> sink, Object... parameters) {
    try (var connection = dataSource.getConnection()) {
      var autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        var count = each(connection, sql, FETCH, sink, parameters);
        connection.commit();
        return count;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Query failed: " + e.getMessage(), e);
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
      throws SQLException {
    var order =
        PLACEHOLDER.matcher(sql).results().mapToInt(m -> Integer.parseInt(m.group(1))).toArray();
    var statement = connection.prepareStatement(PLACEHOLDER.matcher(sql).replaceAll("?"));
    for (var i = 0; i < order.length; i++) {
      statement.setObject(i + 1, parameters[order[i] - 1]);
    }
    return statement;
  }

  private static List<Object[]> rows(Connection connection, String sql, Object... parameters)
      throws SQLException {
    var rows = new ArrayList<Object[]>();
    each(connection, sql, 0, rows::add, parameters);
    return rows;
  }

  private static long each(
      Connection connection, String sql, int fetch, Consumer<Object[]> sink, Object... parameters)
      throws SQLException {
    try (var statement = prepare(connection, sql, parameters)) {
      statement.setFetchSize(fetch);
      try (var result = statement.executeQuery()) {
        var columns = result.getMetaData().getColumnCount();
        long count = 0;
        while (result.next()) {
          var row = new Object[columns];
          for (var c = 0; c < columns; c++) {
            row[c] = result.getObject(c + 1);
          }
          sink.accept(row);
          count++;
        }
        return count;
      }
    }
  }

  private static Object[] one(List<Object[]> rows) {
    if (rows.size() != 1) {
      throw new IllegalStateException("Expected one row, got " + rows.size());
    }
    return rows.get(0);
  }
}
