package org.skyshard.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.skyshard.ingest.store.Sql;
import org.skyshard.ingest.store.TableClasses;
import org.skyshard.schema.BundledSchemas;
import org.skyshard.schema.Column;
import org.skyshard.schema.FelisLoader;
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.Table;

/**
 * Test inputs written with DuckDB {@code COPY}: the tiny three-table schema, and a small DP0.2
 * catalog with every column of every table, referential integrity, NULLs and NaNs.
 */
final class Fixtures {
  private Fixtures() {}

  static FelisSchema tinySchema() {
    try (InputStream in = Fixtures.class.getResourceAsStream("tiny.yaml")) {
      return FelisLoader.load("tiny.yaml", in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static TableClasses tinyClasses() throws IOException {
    Path tmp = Files.createTempFile("tiny", ".classes");
    try (InputStream in = Fixtures.class.getResourceAsStream("tiny.classes")) {
      Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    try {
      return TableClasses.parse(tmp);
    } finally {
      Files.delete(tmp);
    }
  }

  static IngestOptions tinyOptions(Path store, Path input) throws IOException {
    return new IngestOptions(store, input, tinySchema(), tinyClasses(), 40, 60.0, "1GB", 2,
        1000, null);
  }

  static Connection duck() throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:");
  }

  static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** Deterministic pseudo-random in [0, 1) from an index expression and a salt. */
  static String unit(String idx, int salt) {
    return "((hash(" + idx + ", " + salt + ") % 1000003) / 1000003.0)";
  }

  /**
   * The tiny catalog: {@code stars} stars in RA [ra0, ra0 + 4], Dec [-32, -28] (ids from
   * {@code idBase}), 3 Obs per star, 5 Fields (when {@code fields}); two files per table.
   */
  static void tiny(Path dir, int stars, long idBase, double ra0, boolean fields)
      throws SQLException, IOException {
    try (Connection c = duck()) {
      String ra = "(" + ra0 + " + 4 * " + unit("i", 1) + ")";
      String dec = "(-32 + 4 * " + unit("i", 2) + ")";
      write(c, dir, "Star", "SELECT CAST(" + idBase + " + i AS BIGINT) AS starId, " + ra
          + " AS ra, " + dec + " AS dec, CAST(CASE WHEN i % 7 = 0 THEN NULL ELSE 15 + i % 10 END"
          + " AS FLOAT) AS mag, CASE WHEN i % 5 = 0 THEN 'NaN'::DOUBLE WHEN i % 11 = 0 THEN NULL"
          + " ELSE i * 0.5 END::DOUBLE AS flux, CASE WHEN i % 2 = 0 THEN 'star' ELSE 'galaxy' END AS kind,"
          + " i % 3 = 0 AS variable, i FROM range(" + stars + ") t(i)");
      write(c, dir, "Obs", "SELECT CAST(" + idBase + " * 10 + i AS BIGINT) AS obsId, CAST("
          + idBase + " + i // 3 AS BIGINT) AS starId, CASE i % 3 WHEN 0 THEN 'g' WHEN 1 THEN 'r'"
          + " ELSE 'i' END AS band, CASE WHEN i % 13 = 0 THEN NULL ELSE i - 40.0 END::DOUBLE AS psfFlux,"
          + " i FROM range(" + 3 * stars + ") t(i)");
      if (fields) {
        write(c, dir, "Field", "SELECT CAST(i AS INTEGER) AS fieldId, 'field ' || i AS label, i"
            + " FROM range(5) t(i)");
      }
    }
  }

  /** Writes a query (with an index column {@code i}, dropped) as two files split by parity. */
  static void write(Connection c, Path dir, String table, String query)
      throws SQLException, IOException {
    Path d = dir.resolve(table);
    Files.createDirectories(d);
    for (int part = 0; part < 2; part++) {
      exec(c, "COPY (SELECT * EXCLUDE (i) FROM (" + query + ") WHERE i % 2 = " + part + ") TO "
          + Sql.path(d.resolve("part-" + part + ".parquet")) + " (FORMAT PARQUET)");
    }
  }

  /** A DP0.2 catalog of {@code n} objects in RA [raMin, raMax], Dec [-42, -30]. */
  static void dp02(Path dir, int n, long idBase, double raMin, double raMax, boolean replicated)
      throws SQLException, IOException {
    FelisSchema schema = BundledSchemas.dp02();
    String w = Double.toString(raMax - raMin);
    String m = Integer.toString(Math.max(1, n / 10));
    try (Connection c = duck()) {
      Object[][] plan = {
          {"Object", Integer.toString(n), Map.of("objectId", "%b + i",
              "coord_ra", pos("i", raMin, w, true), "coord_dec", pos("i", raMin, w, false))},
          {"Source", Integer.toString(2 * n), Map.of("sourceId", "%b + i",
              "coord_ra", pos("i // 2", raMin, w, true), "coord_dec", pos("i // 2", raMin, w, false))},
          {"ForcedSource", Integer.toString(3 * n), Map.of("forcedSourceId", "%b + i",
              "objectId", "%b + i // 3")},
          {"DiaObject", m, Map.of("diaObjectId", "%b + i",
              "ra", pos("i * 10 + 5", raMin, w, true), "decl", pos("i * 10 + 5", raMin, w, false))},
          {"DiaSource", "2 * " + m, Map.of("diaSourceId", "%b + i", "diaObjectId", "%b + i // 2")},
          {"ForcedSourceOnDiaObject", "2 * " + m, Map.of("forcedSourceOnDiaObjectId", "%b + i",
              "diaObjectId", "%b + i // 2")},
          {"TruthSummary", Integer.toString(n), Map.of("id_truth_type", "'t' || (%b + i)",
              "ra", pos("i", raMin, w, true) + " + 0.0001", "dec", pos("i", raMin, w, false))},
          {"MatchesTruth", Integer.toString(n), Map.of("match_objectId",
              "CASE WHEN i % 20 = 7 THEN NULL ELSE %b + i END",
              "id_truth_type", "'t' || (%b + i)")},
          {"Visit", "10", Map.of("visit", "%b + i")},
          {"CcdVisit", "10", Map.of("ccdVisitId", "%b + i")},
          {"CoaddPatches", "10", Map.of("lsst_patch", "%b + i")},
          {"ObsCore", "10", Map.of("obs_publisher_did", "'did' || (%b + i)")},
      };
      for (Object[] p : plan) {
        String name = (String) p[0];
        if (!replicated && List.of("Visit", "CcdVisit", "CoaddPatches", "ObsCore").contains(name)) {
          continue;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> over = (Map<String, String>) p[2];
        Table t = schema.table(name).orElseThrow();
        List<String> cols = new ArrayList<>();
        int salt = 10;
        for (Column col : t.columns()) {
          String expr = over.get(col.name());
          if (expr != null) {
            expr = expr.replace("%b", Long.toString(idBase));
          } else {
            expr = valueExpr(col, salt++);
          }
          cols.add("CAST(" + expr + " AS " + col.datatype().duckdbType() + ") AS "
              + Sql.ident(col.name()));
        }
        write(c, dir, name, "SELECT " + String.join(", ", cols) + ", i FROM range(" + p[1]
            + ") t(i)");
      }
    }
  }

  private static String pos(String idx, double raMin, String w, boolean ra) {
    return ra ? "(" + raMin + " + " + w + " * " + unit(idx, 1) + ")"
        : "(-42 + 12 * " + unit(idx, 2) + ")";
  }

  private static String valueExpr(Column c, int salt) {
    String u = unit("i", salt);
    String v = switch (c.datatype()) {
      case BOOLEAN -> u + " < 0.3";
      case BYTE -> "i % 100";
      case SHORT -> "i % 1000";
      case INT -> "i % 100000";
      case LONG -> "i * 7 + " + salt;
      case FLOAT, DOUBLE -> "(" + u + " - 0.2) * 1000";
      case CHAR, STRING, UNICODE, TEXT -> "'v' || (i % 50)";
      case BINARY -> "'\\xAA'";
      case TIMESTAMP -> "TIMESTAMP '2023-01-01 00:00:00' + to_seconds(i)";
    };
    if (!c.nullable()) {
      return v;
    }
    if (c.datatype().isFloatingPoint()) {
      return "CASE WHEN i % 17 = " + salt % 17 + " THEN NULL WHEN i % 19 = " + salt % 19
          + " THEN 'NaN'::DOUBLE ELSE " + v + " END";
    }
    return "CASE WHEN i % 23 = " + salt % 23 + " THEN NULL ELSE " + v + " END";
  }
}
