package org.skyshard.ingest.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.skyshard.ingest.generate.Catalogs.doubleQuery;
import static org.skyshard.ingest.generate.Catalogs.longQuery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.ingest.parquet.ColumnBatch;
import org.skyshard.ingest.parquet.ParquetTableReader;
import org.skyshard.schema.BundledSchemas;
import org.skyshard.schema.Column;
import org.skyshard.schema.ForeignKey;
import org.skyshard.schema.Table;

/**
 * One generated catalog of 4,000 objects, read back with our own Parquet reader and with DuckDB:
 * schema, keys, footprint, child positions, sizes and value realism.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedCatalogTest {
  static final int OBJECTS = 4000;
  Path out;
  Generator.Result result;
  List<Table> tables;
  Connection db;

  @BeforeAll
  void generate(@TempDir Path dir) throws Exception {
    out = dir.resolve("cat");
    GeneratorOptions o = GeneratorOptions.of(out, OBJECTS).withSeed(7).withFiles(3);
    result = new Generator(o, Progress.silent()).run();
    tables = SchemaTables.resolve(o);
    db = DriverManager.getConnection("jdbc:duckdb:");
    Catalogs.views(db, out, tables);
  }

  @AfterAll
  void close() throws SQLException {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void writesEveryTableOfTheSchemaAndObsCoreOnce() throws IOException {
    List<String> expected = new ArrayList<>();
    for (Table t : BundledSchemas.dp02().tables()) {
      expected.add(t.name());
    }
    assertEquals(expected, result.tables().stream().map(Generator.TableResult::table).toList());
    assertEquals(12, expected.size());
    for (Generator.TableResult t : result.tables()) {
      assertTrue(t.rows() > 0, t.table() + " is empty");
      assertEquals(t.files(), Catalogs.files(out, t.table()).size());
    }
    assertEquals(3, result.table("Object").files());
    assertEquals(3, result.table("ForcedSource").files());
    assertEquals(1, result.table("Visit").files());
    String manifest = Files.readString(out.resolve(Generator.MANIFEST));
    assertTrue(manifest.contains("\"seed\": 7,"), manifest);
    assertTrue(manifest.contains("\"objects\": 4000,"), manifest);
    assertTrue(manifest.contains("\"Object\": {\"files\": 3, \"rows\": 4000}"), manifest);
    assertTrue(manifest.contains("\"ra_min\": 55"), manifest);
  }

  @Test
  void duckDbSeesEveryColumnWithTheSchemaNameAndType() throws SQLException {
    for (Table t : tables) {
      List<String> names = new ArrayList<>();
      List<String> types = new ArrayList<>();
      try (Statement st = db.createStatement();
          ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM \"" + t.name() + "\"")) {
        while (rs.next()) {
          names.add(rs.getString("column_name"));
          types.add(rs.getString("column_type"));
        }
      }
      assertEquals(t.columnNames(), names, t.name());
      List<String> want = new ArrayList<>();
      for (Column c : t.columns()) {
        want.add(c.datatype().duckdbType().equals("REAL") ? "FLOAT" : c.datatype().duckdbType());
      }
      assertEquals(want, types, t.name());
    }
  }

  @Test
  void ownReaderReadsEveryFileAsItsTable() throws IOException {
    for (Table t : tables) {
      long rows = 0;
      for (Path f : Catalogs.files(out, t.name())) {
        try (ParquetTableReader r = ParquetTableReader.open(f, t)) {
          assertEquals(t.columns().size(), r.fileSchema().getFieldCount());
          ColumnBatch b;
          while ((b = r.nextRowGroup()) != null) {
            rows += b.size();
          }
        }
      }
      assertEquals(result.table(t.name()).rows(), rows, t.name());
    }
  }

  @Test
  void everyForeignKeyResolves() throws SQLException {
    List<String[]> keys = new ArrayList<>();
    for (Table t : tables) {
      for (ForeignKey fk : t.foreignKeys()) {
        keys.add(new String[] {t.name(), fk.columns().get(0), fk.referencedTable(),
            fk.referencedColumns().get(0)});
      }
    }
    // Not declared in the schema, but true of DP0.2 and promised by the generator.
    keys.add(new String[] {"ForcedSourceOnDiaObject", "ccdVisitId", "CcdVisit", "ccdVisitId"});
    keys.add(new String[] {"DiaSource", "ccdVisitId", "CcdVisit", "ccdVisitId"});
    keys.add(new String[] {"TruthSummary", "id_truth_type", "MatchesTruth", "id_truth_type"});
    assertTrue(keys.size() >= 11, "schema foreign keys: " + keys.size());
    for (String[] k : keys) {
      String from = "\"" + k[0] + "\"";
      String to = "\"" + k[2] + "\"";
      long orphans = longQuery(db, "SELECT count(*) FROM " + from + " c WHERE c." + k[1]
          + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + to + " p WHERE p." + k[3] + " = c."
          + k[1] + ")");
      assertEquals(0, orphans, String.join(" ", k));
      long linked = longQuery(db, "SELECT count(*) FROM " + from + " WHERE " + k[1]
          + " IS NOT NULL");
      assertTrue(linked > 0, "no rows to check for " + String.join(" ", k));
    }
  }

  @Test
  void textValuesFitTheirDeclaredLengths() throws SQLException {
    int checked = 0;
    for (Table t : tables) {
      for (Column c : t.columns()) {
        if (c.datatype().isText() && c.length() != null) {
          long longest = longQuery(db, "SELECT coalesce(max(length(\"" + c.name() + "\")), 0) "
              + "FROM \"" + t.name() + "\"");
          assertTrue(longest <= c.length(), t.name() + "." + c.name() + ": " + longest + " > "
              + c.length());
          checked++;
        }
      }
    }
    assertTrue(checked > 20, "text columns checked: " + checked);
  }

  @Test
  void primaryKeysAreUnique() throws SQLException {
    String[][] keys = {{"Object", "objectId"}, {"Source", "sourceId"},
        {"ForcedSource", "forcedSourceId"}, {"DiaObject", "diaObjectId"},
        {"DiaSource", "diaSourceId"}, {"ForcedSourceOnDiaObject", "forcedSourceOnDiaObjectId"},
        {"Visit", "visit"}, {"CcdVisit", "ccdVisitId"}, {"TruthSummary", "id_truth_type"},
        {"ObsCore", "obs_id"}, {"CoaddPatches", "lsst_tract * 100 + lsst_patch"}};
    for (String[] k : keys) {
      long dupes = longQuery(db, "SELECT count(*) - count(DISTINCT " + k[1] + ") + count(*) "
          + "FILTER (WHERE " + k[1] + " IS NULL) FROM \"" + k[0] + "\"");
      assertEquals(0, dupes, k[0] + "." + k[1]);
    }
    assertTrue(longQuery(db, "SELECT min(objectId) FROM Object") > 1_200_000_000_000_000_000L);
  }

  @Test
  void objectsFillTheFootprintUniformlyOnTheSphere() throws SQLException {
    assertEquals(0, longQuery(db, "SELECT count(*) FROM Object WHERE NOT (coord_ra >= 55 AND "
        + "coord_ra < 70 AND coord_dec >= -42 AND coord_dec < -30)"));
    assertTrue(doubleQuery(db, "SELECT min(coord_ra) FROM Object") < 55.1);
    assertTrue(doubleQuery(db, "SELECT max(coord_dec) FROM Object") > -30.1);
    // Uniform on the sphere: the share north of Dec -36 follows sin(Dec), not Dec.
    double north = doubleQuery(db, "SELECT avg(CASE WHEN coord_dec > -36 THEN 1 ELSE 0 END) "
        + "FROM Object");
    double s = Math.sin(Math.toRadians(-30));
    double expected = (s - Math.sin(Math.toRadians(-36)))
        / (s - Math.sin(Math.toRadians(-42)));
    assertEquals(expected, north, 0.03);
    // the tutorials' cone around RA 62, Dec -37 holds objects
    assertTrue(longQuery(db, "SELECT count(*) FROM Object WHERE coord_ra BETWEEN 61 AND 63 "
        + "AND coord_dec BETWEEN -38 AND -36") > 50);
  }

  @Test
  void tractAndPatchAgreeWithPositions() throws IOException {
    SkyMap map = new SkyMap();
    Table object = tables.get(0);
    int checked = 0;
    for (Path f : Catalogs.files(out, "Object")) {
      try (ParquetTableReader r = ParquetTableReader.open(f, object,
          List.of("coord_ra", "coord_dec", "tract", "patch"))) {
        ColumnBatch b;
        while ((b = r.nextRowGroup()) != null) {
          for (int i = 0; i < b.size(); i++) {
            double ra = b.vector(0).getDouble(i);
            double dec = b.vector(1).getDouble(i);
            assertEquals(map.tract(ra, dec), b.vector(2).getLong(i));
            assertEquals(map.patch(ra, dec), b.vector(3).getLong(i));
            checked++;
          }
        }
      }
    }
    assertEquals(OBJECTS, checked);
  }

  @Test
  void childRowsSitNearTheirParents() throws SQLException {
    String sep = "degrees(acos(least(1, sin(radians(a.%1$s))*sin(radians(b.%2$s)) + "
        + "cos(radians(a.%1$s))*cos(radians(b.%2$s))*cos(radians(a.%3$s - b.%4$s))))) * 3600";
    assertEquals(0, longQuery(db, "SELECT count(*) FROM ForcedSource a JOIN Object b USING "
        + "(objectId) WHERE a.coord_ra <> b.coord_ra OR a.coord_dec <> b.coord_dec"));
    assertEquals(0, longQuery(db, "SELECT count(*) FROM ForcedSource a JOIN Object b USING "
        + "(objectId) WHERE a.tract <> b.tract OR a.patch <> b.patch"));
    double maxDia = doubleQuery(db, "SELECT max(" + String.format(sep, "decl", "decl", "ra", "ra")
        + ") FROM DiaSource a JOIN DiaObject b USING (diaObjectId)");
    assertTrue(maxDia < 1.0 && maxDia > 0, "DiaSource to DiaObject: " + maxDia + " arcsec");
    double maxTruth = doubleQuery(db, "SELECT max(" + String.format(sep, "dec", "coord_dec", "ra",
        "coord_ra") + ") FROM TruthSummary a JOIN MatchesTruth m USING (id_truth_type) "
        + "JOIN Object b ON b.objectId = m.match_objectId");
    assertTrue(maxTruth < 0.5, "truth to object: " + maxTruth + " arcsec");
    double maxSource = doubleQuery(db, "SELECT quantile_cont(" + String.format(sep, "coord_dec",
        "coord_dec", "coord_ra", "coord_ra") + ", 0.99) FROM Source a JOIN ForcedSource f ON "
        + "f.ccdVisitId = a.ccdVisitId JOIN Object b ON b.objectId = f.objectId");
    assertTrue(maxSource > 0, "sources are not all on their objects");
    // Child rows are observed on a CCD that covers them (half a CCD is 0.115 deg).
    double covered = doubleQuery(db, "SELECT avg(CASE WHEN abs(f.coord_dec - c.decl) < 0.12 "
        + "AND abs(f.coord_ra - c.ra) * cos(radians(c.decl)) < 0.12 THEN 1 ELSE 0 END) "
        + "FROM ForcedSource f JOIN CcdVisit c USING (ccdVisitId)");
    assertTrue(covered > 0.8, "ForcedSource rows on a covering CCD: " + covered);
  }

  @Test
  void tablesHaveTheRightSizesPerObject() throws SQLException {
    double n = OBJECTS;
    assertEquals(20, result.table("ForcedSource").rows() / n, 1);
    assertEquals(5, result.table("Source").rows() / n, 0.5);
    assertEquals(0.05, result.table("DiaObject").rows() / n, 0.015);
    assertEquals(10, result.table("DiaSource").rows()
        / (double) result.table("DiaObject").rows(), 2);
    assertEquals(10, result.table("ForcedSourceOnDiaObject").rows()
        / (double) result.table("DiaObject").rows(), 1.5);
    assertEquals(1, result.table("MatchesTruth").rows() / n, 0.1);
    assertEquals(1, result.table("TruthSummary").rows() / n, 0.1);
    assertEquals(OBJECTS * 0.95, longQuery(db, "SELECT count(DISTINCT match_objectId) FROM "
        + "MatchesTruth"), OBJECTS * 0.02);
    assertEquals(result.table("DiaSource").rows(), longQuery(db,
        "SELECT sum(nDiaSources) FROM DiaObject"));
    assertEquals(result.table("CcdVisit").rows(), 189 * result.table("Visit").rows());
  }

  @Test
  void valuesLookLikeARealRelease() throws SQLException {
    double medianFlux = doubleQuery(db, "SELECT median(r_psfFlux) FROM Object");
    assertTrue(medianFlux > 80 && medianFlux < 500, "median r_psfFlux " + medianFlux);
    assertTrue(longQuery(db, "SELECT count(*) FROM Object WHERE r_psfFluxErr <= 0") == 0);
    double snrBright = doubleQuery(db, "SELECT median(r_psfFlux / r_psfFluxErr) FROM Object "
        + "WHERE r_psfFlux > 10000 AND NOT isnan(r_psfFlux) AND NOT isnan(r_psfFluxErr)");
    assertTrue(snrBright > 50, "bright objects are measured well: " + snrBright);
    double negForced = doubleQuery(db, "SELECT avg(CASE WHEN psfFlux < 0 THEN 1 ELSE 0 END) "
        + "FROM ForcedSource WHERE NOT isnan(psfFlux)");
    assertTrue(negForced > 0.05 && negForced < 0.5, "negative forced fluxes: " + negForced);
    double negDiff = doubleQuery(db, "SELECT avg(CASE WHEN psfDiffFlux < 0 THEN 1 ELSE 0 END) "
        + "FROM ForcedSource WHERE NOT isnan(psfDiffFlux)");
    assertEquals(0.5, negDiff, 0.05);
    assertTrue(longQuery(db, "SELECT count(*) FROM Object WHERE isnan(g_cModelFlux)") > 0);
    assertTrue(longQuery(db, "SELECT count(*) FROM Object WHERE g_cModelFlux IS NULL") > 0);
    assertTrue(longQuery(db, "SELECT count(*) FROM ForcedSource WHERE isnan(psfFlux)") > 0);
    assertTrue(longQuery(db, "SELECT count(*) FROM MatchesTruth WHERE match_objectId IS NULL")
        > 0);
    double primary = doubleQuery(db, "SELECT avg(detect_isPrimary::INT) FROM Object");
    assertTrue(primary > 0.8 && primary < 0.97, "detect_isPrimary " + primary);
    double bad = doubleQuery(db, "SELECT avg(i_pixelFlags_bad::INT) FROM Object");
    assertTrue(bad < 0.05, "flags mostly false: " + bad);
    assertEquals(0, longQuery(db, "SELECT count(*) FROM Object WHERE NOT isnan(r_extendedness) "
        + "AND r_extendedness NOT IN (0, 1)"));
    assertEquals(Set.of("u", "g", "r", "i", "z", "y"), strings("SELECT DISTINCT band FROM "
        + "ForcedSource"));
    assertEquals(0, longQuery(db, "SELECT count(*) FROM ForcedSource f JOIN CcdVisit c USING "
        + "(ccdVisitId) WHERE f.band <> c.band"));
    assertEquals(0, longQuery(db, "SELECT count(*) FROM DiaSource d JOIN CcdVisit c USING "
        + "(ccdVisitId) WHERE d.midPointTai <> c.expMidptMJD OR d.filterName <> c.band"));
    assertEquals(0, longQuery(db, "SELECT count(*) FROM CcdVisit WHERE expMidptMJD < 59580 OR "
        + "expMidptMJD > 61400 OR ccdVisitId <> visitId * 1000 + detector"));
    assertEquals(0, longQuery(db, "SELECT count(*) FROM CcdVisit c JOIN Visit v ON v.visit = "
        + "c.visitId WHERE c.band <> v.band OR c.expMidpt <> v.expMidpt"));
    assertEquals(0, longQuery(db, "SELECT count(*) FROM Visit WHERE abs(epoch(expMidpt) / 86400 "
        + "+ 40587 - expMidptMJD) > 1e-6"));
    assertEquals(0, longQuery(db, "SELECT count(*) FROM TruthSummary WHERE abs(mag_r - (31.4 - "
        + "2.5 * log10(flux_r))) > 1e-3"));
    assertEquals(Set.of("1", "2", "3"), strings("SELECT DISTINCT CAST(truth_type AS VARCHAR) "
        + "FROM TruthSummary"));
    assertEquals(Set.of("DC2"), strings("SELECT DISTINCT skymap FROM Object"));
    assertEquals(result.table("ObsCore").rows(), longQuery(db, "SELECT count(*) FROM ObsCore "
        + "WHERE s_region LIKE 'POLYGON ICRS %' AND lsst_band IN ('u','g','r','i','z','y') "
        + "AND dataproduct_type = 'image' AND obs_collection = 'LSST.DP02'"));
    assertEquals(result.table("CcdVisit").rows(), longQuery(db, "SELECT count(*) FROM ObsCore "
        + "o JOIN CcdVisit c ON c.ccdVisitId = o.lsst_ccdvisitid AND c.visitId = o.lsst_visit "
        + "AND c.detector = o.lsst_detector WHERE calib_level = 2 AND dataproduct_subtype = "
        + "'lsst.calexp' AND o.lsst_band = c.band AND o.t_min < c.expMidptMJD AND "
        + "o.t_max > c.expMidptMJD"));
    assertEquals(6 * result.table("CoaddPatches").rows(), longQuery(db, "SELECT count(*) FROM "
        + "ObsCore o JOIN CoaddPatches p ON p.lsst_tract = o.lsst_tract AND p.lsst_patch = "
        + "o.lsst_patch AND p.s_region = o.s_region WHERE calib_level = 3 AND "
        + "dataproduct_subtype = 'lsst.deepCoadd_calexp' AND lsst_visit IS NULL"));
    // The tutorials' tract and patch around RA 62, Dec -37 exist, as in DP0.2.
    assertEquals(1, longQuery(db, "SELECT count(*) FROM ObsCore WHERE lsst_tract = 4431 AND "
        + "lsst_patch = 17 AND lsst_band = 'i' AND dataproduct_subtype = "
        + "'lsst.deepCoadd_calexp'"));
    assertTrue(longQuery(db, "SELECT count(*) FROM Object WHERE tract = 4431") > 10);
    assertTrue(longQuery(db, "SELECT count(*) FROM DiaObject WHERE nDiaSources > 15") > 0);
    double negDiaFlux = doubleQuery(db, "SELECT avg(CASE WHEN psFlux < 0 THEN 1 ELSE 0 END) "
        + "FROM DiaSource WHERE NOT isnan(psFlux)");
    assertTrue(negDiaFlux > 0.3 && negDiaFlux < 0.7, "DiaSource psFlux sign " + negDiaFlux);
  }

  private Set<String> strings(String sql) throws SQLException {
    Set<String> out = new java.util.TreeSet<>();
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
