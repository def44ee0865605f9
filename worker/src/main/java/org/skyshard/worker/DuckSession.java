package org.skyshard.worker;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import org.duckdb.DuckDBConnection;

/**
 * One DuckDB connection of the worker, with its prepared statements kept by SQL text (a repeated
 * chunk query skips parsing and binding). Used by one fragment at a time.
 */
public final class DuckSession implements AutoCloseable {
  private static final int CACHED_STATEMENTS = 64;

  private final DuckDBConnection connection;
  private final Map<String, PreparedStatement> statements =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> e) {
          if (size() > CACHED_STATEMENTS) {
            closeQuietly(e.getValue());
            return true;
          }
          return false;
        }
      };
  private PreparedStatement selectCheck;
  private static final Field CONN_LOCK;
  private static final Method INTERRUPT;

  static {
    try {
      CONN_LOCK = DuckDBConnection.class.getDeclaredField("connRefLock");
      CONN_LOCK.setAccessible(true);
      INTERRUPT = DuckDBConnection.class.getDeclaredMethod("interrupt");
      INTERRUPT.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  DuckSession(DuckDBConnection connection) {
    this.connection = connection;
  }

  public DuckDBConnection connection() {
    return connection;
  }

  /**
   * The prepared statement for a query, from the cache or newly prepared. Anything but one
   * {@code SELECT} statement is refused before DuckDB prepares it (the JDBC driver would run all
   * but the last of several statements while preparing).
   */
  public PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement p = statements.get(sql);
    if (p == null) {
      String why = whyNotOneSelect(sql);
      if (why != null) {
        throw new RefusedSqlException(why);
      }
      p = connection.prepareStatement(sql);
      statements.put(sql, p);
    }
    return p;
  }

  /** Forgets a statement (after it failed or was cancelled). */
  public void forget(String sql) {
    PreparedStatement p = statements.remove(sql);
    if (p != null) {
      closeQuietly(p);
    }
  }

  /** Runs a statement the worker itself generates (temporary tables for uploads). */
  public void executeInternal(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  /** Null when {@code sql} is exactly one SELECT statement, else why not. */
  private String whyNotOneSelect(String sql) throws SQLException {
    if (selectCheck == null) {
      selectCheck = connection.prepareStatement("SELECT CAST(j->>'error' AS BOOLEAN),"
          + " j->>'error_message', json_array_length(j->'statements') FROM (SELECT"
          + " CAST(json_serialize_sql(CAST(? AS VARCHAR)) AS JSON) AS j)");
    }
    selectCheck.setString(1, sql);
    try (ResultSet r = selectCheck.executeQuery()) {
      r.next();
      if (r.getBoolean(1)) {
        String m = r.getString(2);
        return m != null && m.startsWith("Only SELECT")
            ? "only a single SELECT statement may run on a worker" : m;
      }
      return r.getInt(3) == 1 ? null : "only a single SELECT statement may run on a worker";
    }
  }

  /**
   * Interrupts what the connection is running, from any thread: a blocking step (an aggregate
   * before its first row) as well as a result being streamed. The JDBC driver's
   * {@code Statement.cancel()} only reaches a statement still inside {@code execute}, so this
   * calls the connection's own interrupt under the lock it expects. The session must not be
   * reused afterwards.
   */
  public void interrupt() {
    try {
      Lock lock = (Lock) CONN_LOCK.get(connection);
      lock.lock();
      try {
        INTERRUPT.invoke(connection);
      } finally {
        lock.unlock();
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Closed meanwhile: nothing left to interrupt.
    }
  }

  @Override
  public void close() {
    statements.values().forEach(DuckSession::closeQuietly);
    statements.clear();
    closeQuietly(selectCheck);
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing a connection that failed: nothing left to release.
    }
  }

  private static void closeQuietly(Statement s) {
    if (s != null) {
      try {
        s.close();
      } catch (SQLException e) {
        // Already closed.
      }
    }
  }

  /** Fragment SQL that is not a single SELECT. */
  public static final class RefusedSqlException extends SQLException {
    private static final long serialVersionUID = 1L;

    RefusedSqlException(String message) {
      super(message);
    }
  }
}
