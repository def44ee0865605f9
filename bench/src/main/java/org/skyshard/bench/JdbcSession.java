package org.skyshard.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A session over one JDBC connection: each query is a plain statement in the engine's dialect,
 * every value of every row is read with {@code getObject}, as a client program would.
 */
final class JdbcSession implements Engine.Session {
  private final EngineId engine;
  private final Connection connection;
  private final Dialect dialect;
  private final int fetchSize;

  JdbcSession(EngineId engine, Connection connection, Dialect dialect, int fetchSize) {
    this.engine = engine;
    this.connection = connection;
    this.dialect = dialect;
    this.fetchSize = fetchSize;
  }

  @Override
  public long run(BenchQuery query) {
    try (Statement st = connection.createStatement()) {
      if (fetchSize > 0) {
        st.setFetchSize(fetchSize);
      }
      long rows = 0;
      try (ResultSet rs = st.executeQuery(query.text(dialect))) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int i = 1; i <= n; i++) {
            rs.getObject(i);
          }
          rows++;
        }
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      return rows;
    } catch (SQLException e) {
      throw new BenchException(BenchMessages.queryFailed(engine.label(), query.id(),
          e.getMessage()), e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // closing a connection of a finished client: nothing to report
    }
  }
}
