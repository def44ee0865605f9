package org.skyshard.tap.duckdb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.skyshard.tap.engine.QueryFailedException;
import org.skyshard.tap.engine.ResultColumn;
import org.skyshard.tap.engine.ResultSource;

/** A streaming DuckDB JDBC result; closing it drops the query's upload tables and connection. */
final class JdbcResultSource implements ResultSource {
  private final Connection connection;
  private final Statement statement;
  private final ResultSet rs;
  private final List<ResultColumn> columns;
  private final Runnable onClose;
  private volatile boolean closed;

  JdbcResultSource(Connection connection, Statement statement, ResultSet rs,
      List<ResultColumn> columns, Runnable onClose) {
    this.connection = connection;
    this.statement = statement;
    this.rs = rs;
    this.columns = List.copyOf(columns);
    this.onClose = onClose;
  }

  @Override
  public List<ResultColumn> columns() {
    return columns;
  }

  @Override
  public boolean next() throws QueryFailedException {
    try {
      return rs.next();
    } catch (SQLException e) {
      throw new QueryFailedException("reading the result failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Object value(int index) throws QueryFailedException {
    try {
      return DuckDbTypes.convert(rs.getObject(index + 1), columns.get(index));
    } catch (SQLException | RuntimeException e) {
      throw new QueryFailedException("reading column " + columns.get(index).name() + " failed: "
          + e.getMessage(), e);
    }
  }

  @Override
  public void cancel() {
    try {
      statement.cancel();
    } catch (SQLException | RuntimeException e) {
      // already finished or closed: nothing to cancel
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      rs.close();
      statement.close();
    } catch (SQLException e) {
      // closing a finished query; nothing useful to do
    }
    onClose.run();
    try {
      connection.close();
    } catch (SQLException e) {
      // as above
    }
  }
}
