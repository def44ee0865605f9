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
  static final int ROWS = 12;
  /** Where the DP0.2 tutorials look: one row near each, plus two near (62, -37). */
  private static final double[][] CENTRES = {{62.0, -37.0}, {61.9893, -37.0051},
      {62.1479, -35.7991}, {55.75, -32.27}, {59.77, -36.8}, {53.0, -34.1}, {55.064, -29.783},
      {67.4579, -44.0802}, {50.1089, -44.4813}, {56.7507, -31.2889}, {56.74, -36.08},
      {55.7467, -32.2862}};

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
    double[] centre = CENTRES[row % CENTRES.length];
    if (type == FelisType.BOOLEAN) {
      return row % 4 == 3 ? "NULL" : Boolean.toString(row % 4 != 2);
    }
    if (type.isText()) {
      if (name.equals("s_region")) {
        return String.format(Locale.ROOT, "'POLYGON ICRS %.4f %.4f %.4f %.4f %.4f %.4f %.4f %.4f'",
            centre[0] - 0.2, centre[1] - 0.2, centre[0] + 0.2, centre[1] - 0.2, centre[0] + 0.2,
            centre[1] + 0.2, centre[0] - 0.2, centre[1] + 0.2);
      }
      if (name.contains("band") || name.contains("filter")) {
        return "'" + "ri".charAt(row % 2) + "'";
      }
      return switch (name) {
        case "dataproduct_type" -> "'image'";
        case "obs_collection" -> "'LSST.DP02'";
        case "dataproduct_subtype" -> row % 2 == 0 ? "'lsst.calexp'" : "'lsst.deepCoadd_calexp'";
        default -> "'" + name + row + "'";
      };
    }
    if (type == FelisType.TIMESTAMP) {
      return String.format(Locale.ROOT, "TIMESTAMP '2023-01-%02d 00:00:00'", row + 1);
    }
    if (type == FelisType.BINARY) {
      return "NULL";
    }
    if (type.isFloatingPoint()) {
      if (name.equals("ra") || name.endsWith("_ra") || name.equals("s_ra")) {
        return Double.toString(centre[0] + 0.0001 * row);
      }
      if (name.equals("dec") || name.equals("decl") || name.endsWith("_dec")
          || name.endsWith("_decl")) {
        return Double.toString(centre[1] + 0.0001 * row);
      }
      if (name.contains("flux") && !name.contains("flag")) {
        return switch (row % 4) {
          case 0 -> "1000.0";
          case 1 -> "275000.0";
          case 2 -> "-5.0";
          default -> "NULL";
        };
      }
      return Integer.toString((row / 2) % 2);
    }
    if (type == FelisType.LONG && name.endsWith("id")) {
      return Long.toString(IDS[row % IDS.length]);
    }
    return switch (name) {
      case "tract", "lsst_tract" -> "4431";
      case "patch", "lsst_patch" -> "17";
      case "visit", "lsst_visit" -> "192350";
      case "lsst_detector", "detector" -> "175";
      case "calib_level" -> Integer.toString(2 + row % 2);
      default -> Integer.toString((row / 2) % 2);
    };
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
