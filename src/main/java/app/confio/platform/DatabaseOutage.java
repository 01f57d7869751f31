package app.confio.platform;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure caused by the database being unreachable (stopped, restarting, cut off, out of
 * connections) from every other failure, by walking the causes: SQL states of class 08 (connection
 * exception) and 57P01–57P03 (the server shutting down or starting), 53300 (too many connections),
 * the pool's "could not allocate", and the sockets' own errors.
 */
public final class DatabaseOutage {

  private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

  private DatabaseOutage() {}

  public static boolean explains(Throwable failure) {
    var seen = java.util.Collections.newSetFromMap(new IdentityHashMap<Throwable, Boolean>());
    for (var cause = failure; cause != null && seen.add(cause); cause = next(cause)) {
      if (cause instanceof UnavailableException
          || cause instanceof SQLTransientConnectionException
          || cause instanceof ConnectException
          || cause instanceof NoRouteToHostException
          || cause instanceof SocketTimeoutException) {
        return true;
      }
      if (cause instanceof SQLException sql) {
        var state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || STATES.contains(state))) {
          return true;
        }
        var message = sql.getMessage();
        if (message != null && message.startsWith("Error in allocating a connection")) {
          return true;
        }
      }
      var type = cause.getClass().getName();
      if (type.endsWith(".PoolingException") || type.endsWith(".ResourceAllocationException")) {
        return true;
      }
    }
    return false;
  }

  private static Throwable next(Throwable cause) {
    if (cause instanceof SQLException sql
        && sql.getNextException() != null
        && cause.getCause() == null) {
      return sql.getNextException();
    }
    return cause.getCause();
  }
}
