package org.skyshard.worker;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Test helpers: a fragment's rows as Java values, and the same from an unrestricted DuckDB. */
final class Results {
  private Results() {}

  /** Every row of a stream, each as a list of strings (null stays null). */
  static List<List<String>> rows(FragmentStream s) {
    List<List<String>> out = new ArrayList<>();
    s.schema();
    while (s.next()) {
      VectorSchemaRoot root = s.root();
      for (int r = 0; r < root.getRowCount(); r++) {
        List<String> row = new ArrayList<>();
        for (FieldVector v : root.getFieldVectors()) {
          Object o = v.getObject(r);
          row.add(o == null ? null : o.toString());
        }
        out.add(row);
      }
    }
    return out;
  }

  /** The rows of a query on a fresh, unrestricted DuckDB, as strings. */
  static List<List<String>> duck(String sql) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      if (!s.execute(sql)) {
        return out;
      }
      ResultSet r = s.getResultSet();
      int n = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          Object o = r.getObject(i);
          row.add(o == null ? null : o.toString());
        }
        out.add(row);
      }
    }
    return out;
  }

  /** Rows sorted by their string form, for order-free comparison. */
  static List<List<String>> sorted(List<List<String>> rows) {
    List<List<String>> s = new ArrayList<>(rows);
    s.sort((a, b) -> a.toString().compareTo(b.toString()));
    return s;
  }
}
