package org.skyshard.adql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.skyshard.schema.Column;
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.FelisType;
import org.skyshard.schema.Table;
import org.skyshard.schema.TapSchema;

/**
 * An in-memory DuckDB with every table of the given schemas ({@code CREATE TABLE} from
 * {@link FelisType#duckdbType()}) and four rows each, chosen so that geometry and flux
 * arithmetic actually run: positions around (62, -37), shared ids so joins match, fluxes
 * positive, negative and NULL. TAP_SCHEMA gets its real content.
 */
final class DuckDbCatalog implements AutoCloseable {
  static final long[] IDS = {1250953961339360185L, 1486698050427598336L, 1567762843720227098L,
      1252220598734556212L};
  static final int ROWS = 4;

  private final Connection connection;

  DuckDbCatalog(List<FelisSchema> schemas) throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = connection.createStatement()) {
      for (FelisSchema s : schemas) {
        st.execute("CREATE SCHEMA " + quote(s.name()));
        for (Table t : s.tables()) {
          StringBuilder ddl = new StringBuilder("CREATE TABLE " + quote(s.name()) + "."
              + quote(t.name()) + " (");
          for (int i = 0; i < t.columns().size(); i++) {
            Column c = t.columns().get(i);
            ddl.append(i == 0 ? "" : ", ").append(quote(c.name())).append(' ')
                .append(c.datatype().duckdbType());
          }
          st.execute(ddl.append(')').toString());
          if (s.name().equals(TapSchema.NAME)) {
            continue;
          }
          for (int row = 0; row < ROWS; row++) {
            StringBuilder insert = new StringBuilder("INSERT INTO " + quote(s.name()) + "."
                + quote(t.name()) + " VALUES (");
            for (int i = 0; i < t.columns().size(); i++) {
              insert.append(i == 0 ? "" : ", ").append(value(t.columns().get(i), row));
            }
            st.execute(insert.append(')').toString());
          }
        }
      }
      for (FelisSchema s : schemas) {
        if (s.name().equals(TapSchema.NAME)) {
          fillTapSchema(st, schemas.stream().filter(x -> x != s).toList());
        }
      }
    }
  }

  Connection connection() {
    return connection;
  }

  private static void fillTapSchema(Statement st, List<FelisSchema> served) throws SQLException {
    for (Map.Entry<String, List<Object[]>> e : TapSchema.content(served).entrySet()) {
      for (Object[] row : e.getValue()) {
        StringBuilder insert = new StringBuilder("INSERT INTO \"TAP_SCHEMA\"." + quote(e.getKey())
            + " VALUES (");
        for (int i = 0; i < row.length; i++) {
          Object v = row[i];
          insert.append(i == 0 ? "" : ", ").append(v == null ? "NULL" : v instanceof String str
              ? "'" + str.replace("'", "''") + "'" : v.toString());
        }
        st.execute(insert.append(')').toString());
      }
    }
  }

  private static String value(Column c, int row) {
    String name = c.name().toLowerCase(Locale.ROOT);
    FelisType type = c.datatype();
    if (type == FelisType.BOOLEAN) {
      return row == 3 ? "NULL" : Boolean.toString(row != 2);
    }
    if (type.isText()) {
      if (name.equals("s_region")) {
        return "'POLYGON ICRS 61.9 -37.1 62.1 -37.1 62.1 -36.9 61.9 -36.9'";
      }
      if (name.contains("band") || name.contains("filter")) {
        return "'" + "ri".charAt(row % 2) + "'";
      }
      return "'" + name + row + "'";
    }
    if (type == FelisType.TIMESTAMP) {
      return "TIMESTAMP '2023-01-0" + (row + 1) + " 00:00:00'";
    }
    if (type == FelisType.BINARY) {
      return "NULL";
    }
    if (type.isFloatingPoint()) {
      if (name.equals("ra") || name.endsWith("_ra") || name.equals("s_ra")) {
        return Double.toString(62.0 + 0.002 * row);
      }
      if (name.equals("dec") || name.equals("decl") || name.endsWith("_dec")
          || name.endsWith("_decl")) {
        return Double.toString(-37.0 + 0.002 * row);
      }
      if (name.contains("flux")) {
        return switch (row) {
          case 0 -> "1000.0";
          case 1 -> "275000.0";
          case 2 -> "-5.0";
          default -> "NULL";
        };
      }
      return Double.toString(0.5 * row);
    }
    if (type == FelisType.LONG && name.endsWith("id")) {
      return Long.toString(IDS[row]);
    }
    return Integer.toString(row % 2);
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
