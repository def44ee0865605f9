package org.skyshard.query;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.skyshard.adql.ResultColumn;
import org.skyshard.query.exec.ResultStream;
import org.skyshard.query.exec.Values;

/**
 * The reference side of the result oracle: one DuckDB over the unpartitioned generated Parquet
 * (a view per table under its schema), running the translator's DuckDB SQL. Also reads a
 * distributed {@link ResultStream} into the same row form. Shared with cli's tests over TAP
 * (test-jar).
 */
public final class Oracle implements AutoCloseable {
  private final Connection c;

  /**
   * @param schema the schema the views go in ({@code ivoa.ObsCore} is added beside it)
   * @param tables a directory of Parquet files per table, named after it
   */
  public Oracle(String schema, List<Path> tables) throws SQLException {
    c = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA \"" + schema + "\"");
      st.execute("CREATE SCHEMA ivoa");
      st.execute("SET parquet_metadata_cache = true");
      for (Path t : tables) {
        String name = t.getFileName().toString();
        st.execute("CREATE VIEW \"" + schema + "\".\"" + name
            + "\" AS SELECT * FROM read_parquet('" + t.resolve("*.parquet") + "')");
        if (name.equalsIgnoreCase("ObsCore")) {
          st.execute("CREATE VIEW ivoa.\"" + name + "\" AS SELECT * FROM \"" + schema + "\".\""
              + name + "\"");
        }
      }
    }
  }

  /** The rows of a DuckDB SQL query, values converted by the result columns' types. */
  public List<List<Object>> rows(String sql, List<ResultColumn> columns) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
          ResultColumn col = columns.get(i);
          row.add(Values.convert(rs.getObject(i + 1), col.datatype(),
              col.arraysize() != null && col.datatype().isNumeric()));
        }
        out.add(row);
      }
    }
    return out;
  }

  /** Reads a distributed result fully. */
  static List<List<Object>> rows(ResultStream s) {
    List<List<Object>> out = new ArrayList<>();
    try (s) {
      while (s.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < s.columns().size(); i++) {
          row.add(s.value(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  @Override
  public void close() throws SQLException {
    c.close();
  }
}
