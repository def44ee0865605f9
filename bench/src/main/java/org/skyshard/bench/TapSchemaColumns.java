package org.skyshard.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.skyshard.schema.BundledSchemas;
import org.skyshard.schema.Column;
import org.skyshard.schema.FelisType;
import org.skyshard.schema.Table;
import org.skyshard.schema.TapSchema;

/**
 * {@code tap_schema.columns} for a peer, with the same rows skyshard serves (built by the schema
 * module from the DP0.2 and ObsCore schemas), so Q10 reads the same metadata everywhere.
 */
final class TapSchemaColumns {
  private TapSchemaColumns() {}

  /** Creates and fills {@code tap_schema.columns}; {@code sqlType} maps a Felis type. */
  static int load(Connection c, Function<FelisType, String> sqlType) throws SQLException {
    Table columns = TapSchema.definition().table("columns").orElseThrow();
    List<Object[]> rows = TapSchema.content(List.of(BundledSchemas.dp02(),
        BundledSchemas.obscore())).get("columns");
    String ddl = columns.columns().stream().map(col -> quote(col) + " " + sqlType.apply(
        col.datatype())).collect(Collectors.joining(", "));
    try (Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA IF NOT EXISTS tap_schema");
      st.execute("CREATE TABLE tap_schema.columns (" + ddl + ")");
    }
    String marks = columns.columns().stream().map(x -> "?").collect(Collectors.joining(", "));
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO tap_schema.columns VALUES ("
        + marks + ")")) {
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          ps.setObject(i + 1, row[i]);
        }
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    } finally {
      c.setAutoCommit(auto);
    }
    return rows.size();
  }

  private static String quote(Column col) {
    return "\"" + col.name() + "\"";
  }
}
