package org.skyshard.cli.serve;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.skyshard.adql.ResultColumn;
import org.skyshard.query.exec.Values;

/**
 * The reference side of the result oracle: one DuckDB over the unpartitioned generated Parquet
 * (a view per table; {@code ivoa.ObsCore} too), running the ADQL translator's DuckDB SQL, values
 * converted to the Java classes of the result columns' types, as a VOTable reader sees them.
 */
final class ReferenceDb implements AutoCloseable {
  private final Connection c;

  ReferenceDb(String schema, List<Path> tables) throws SQLException {
    c = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA \"" + schema + "\"");
      st.execute("CREATE SCHEMA ivoa");
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

  List<List<Object>> rows(String sql, List<ResultColumn> columns) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
          ResultColumn col = columns.get(i);
          row.add(votable(Values.convert(rs.getObject(i + 1), col.datatype(),
              col.arraysize() != null && col.datatype().isNumeric())));
        }
        out.add(row);
      }
    }
    return out;
  }

  /** A VOTable has one null for floating point, NaN (VOTable 1.4 section 6): STIL reads it as null. */
  private static Object votable(Object v) {
    return v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN() ? null : v;
  }

  @Override
  public void close() throws SQLException {
    c.close();
  }
}
