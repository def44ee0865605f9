package org.skyshard.tap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ac.starlink.table.ColumnInfo;

/** Sync queries over real HTTP: metadata, NULLs, MAXREC, duplicate names, formats. */
class SyncQueryTest {
  @TempDir
  static Path dir;
  static TestService service;

  @BeforeAll
  static void start() {
    service = TestService.start(dir, c -> c.withMaxrec(500, 800));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static VoTables.Doc sync(Map<String, String> params) {
    HttpResponse<byte[]> r = service.post("/sync", params);
    assertEquals(200, r.statusCode(), () -> new String(r.body()));
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/x-votable+xml"));
    return VoTables.parse(r.body());
  }

  @Test
  void fieldsCarryTheSchemaMetadataAndNullsSurvive() {
    VoTables.Doc d = sync(Map.of("REQUEST", "doQuery", "LANG", "ADQL",
        "QUERY", "SELECT id, ra, mag, name, flag, nobs, quality, obs_time FROM testcat.Star ORDER BY id"));
    assertNotNull(d.info("QUERY_TIMESTAMP"));
    assertEquals("SELECT id, ra, mag, name, flag, nobs, quality, obs_time FROM testcat.Star ORDER BY id",
        d.info("QUERY"));
    assertEquals(500, d.rows().size(), "MAXREC default applies");
    ColumnInfo ra = d.table().getColumnInfo(1);
    assertEquals("deg", ra.getUnitString());
    assertEquals("pos.eq.ra;meta.main", ra.getUCD());
    assertEquals("Right ascension", ra.getDescription());
    assertEquals(Double.class, ra.getContentClass());
    assertEquals(Float.class, d.table().getColumnInfo(2).getContentClass());
    assertEquals(Boolean.class, d.table().getColumnInfo(4).getContentClass());
    assertEquals(Integer.class, d.table().getColumnInfo(5).getContentClass());
    assertEquals(Short.class, d.table().getColumnInfo(6).getContentClass());
    assertEquals("timestamp", d.table().getColumnInfo(7).getXtype());
    Map<String, Object> r0 = d.row(0);
    assertEquals(0L, r0.get("id"));
    assertEquals("star 0", r0.get("name"));
    assertEquals(Boolean.TRUE, r0.get("flag"));
    assertEquals("2023-01-01T00:00:00.000", r0.get("obs_time"));
    // row 3: mag NULL; row 4: name NULL; row 2: flag NULL; row 6: nobs NULL; row 8: quality NULL; row 9: obs_time NULL
    assertNull(d.row(3).get("mag"));
    assertNull(d.row(4).get("name"));
    assertNull(d.row(2).get("flag"));
    assertNull(d.row(6).get("nobs"));
    assertNull(d.row(8).get("quality"));
    assertNull(d.row(9).get("obs_time"));
    assertNull(d.row(5).get("ra"));
    assertEquals(List.of("OK", "OVERFLOW"), d.statuses(), "OVERFLOW after the table");
  }

  @Test
  void maxrecCutsExactlyAndFlagsOverflow() {
    VoTables.Doc d = sync(Map.of("LANG", "ADQL", "MAXREC", "7",
        "QUERY", "SELECT id FROM testcat.Star ORDER BY id"));
    assertEquals(7, d.rows().size());
    assertEquals(List.of("OK", "OVERFLOW"), d.statuses());
    VoTables.Doc exact = sync(Map.of("LANG", "ADQL", "MAXREC", "10",
        "QUERY", "SELECT TOP 10 id FROM testcat.Star ORDER BY id"));
    assertEquals(10, exact.rows().size());
    assertEquals(List.of("OK"), exact.statuses(), "no overflow when the result fits");
  }

  @Test
  void maxrecZeroReturnsMetadataOnly() {
    VoTables.Doc d = sync(Map.of("LANG", "ADQL", "MAXREC", "0",
        "QUERY", "SELECT id, ra FROM testcat.Star"));
    assertEquals(0, d.rows().size());
    assertEquals(List.of("id", "ra"), d.fieldNames());
  }

  @Test
  void maxrecAboveTheHardLimitIsCutToIt() {
    VoTables.Doc d = sync(Map.of("LANG", "ADQL", "MAXREC", "5000",
        "QUERY", "SELECT id FROM testcat.Star"));
    assertEquals(800, d.rows().size());
    assertEquals(List.of("OK", "OVERFLOW"), d.statuses());
  }

  @Test
  void duplicateColumnNamesGetDistinctFields() {
    VoTables.Doc d = sync(Map.of("LANG", "ADQL", "QUERY",
        "SELECT * FROM tap_schema.schemas s JOIN tap_schema.tables t ON s.schema_name = t.schema_name "
            + "ORDER BY t.table_index"));
    List<String> names = d.fieldNames();
    assertEquals(names.size(), names.stream().map(String::toLowerCase).distinct().count(), names.toString());
    assertEquals(2, names.stream().filter(n -> n.startsWith("schema_name")).count(), names.toString());
    assertTrue(d.rows().size() >= 6);
  }

  @Test
  void topcatsFirstQueryCountsTapSchemaColumns() {
    VoTables.Doc d = sync(Map.of("LANG", "ADQL", "QUERY", "SELECT COUNT(*) AS nrow FROM TAP_SCHEMA.columns"));
    assertEquals(List.of("nrow"), d.fieldNames());
    long expected = 9 + 4 + 6 + 14 + 5 + 3;
    assertEquals(expected, ((Number) d.rows().get(0)[0]).longValue());
  }

  @Test
  void parameterNamesAreCaseInsensitiveAndGetWorks() {
    HttpResponse<byte[]> r = service.get("/sync?lang=ADQL&query=" + java.net.URLEncoder.encode(
        "SELECT TOP 3 id FROM testcat.Star ORDER BY id", java.nio.charset.StandardCharsets.UTF_8)
        + "&responseformat=votable/td");
    assertEquals(200, r.statusCode(), () -> new String(r.body()));
    assertEquals("application/x-votable+xml;serialization=tabledata",
        r.headers().firstValue("Content-Type").orElse(""));
    VoTables.Doc d = VoTables.parse(r.body());
    assertEquals(3, d.rows().size());
    assertArrayEquals(new Object[] {2L}, d.rows().get(2));
  }

  @Test
  void csvAndTsvAndFits() throws Exception {
    for (String fmt : List.of("csv", "tsv")) {
      HttpResponse<byte[]> r = service.post("/sync", Map.of("LANG", "ADQL", "FORMAT", fmt,
          "QUERY", "SELECT TOP 5 id, name FROM testcat.Star ORDER BY id"));
      assertEquals(200, r.statusCode());
      String[] lines = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).split("\n");
      assertEquals(6, lines.length, fmt);
      assertEquals(fmt.equals("csv") ? "id,name" : "id\tname", lines[0]);
      assertEquals(fmt.equals("csv") ? "4," : "4\t", lines[5], "NULL is an empty field");
    }
    HttpResponse<byte[]> r = service.post("/sync", Map.of("LANG", "ADQL", "RESPONSEFORMAT",
        "application/fits", "QUERY", "SELECT TOP 5 id, mag FROM testcat.Star ORDER BY id"));
    assertEquals("application/fits", r.headers().firstValue("Content-Type").orElse(""));
    uk.ac.starlink.table.StarTable t = new uk.ac.starlink.table.StarTableFactory(true)
        .makeStarTable(new uk.ac.starlink.util.ByteArrayDataSource("r.fits", r.body()), "fits");
    assertEquals(5, t.getRowCount());
    assertEquals(4L, ((Number) t.getCell(4, 0)).longValue());
  }

  @Test
  void parquetResultsReadBackInDuckDb() throws Exception {
    HttpResponse<byte[]> r = service.post("/sync", Map.of("LANG", "ADQL", "FORMAT", "parquet",
        "MAXREC", "20", "QUERY", "SELECT id, mag, name, flag, quality, obs_time FROM testcat.Star ORDER BY id"));
    assertEquals(200, r.statusCode(), () -> new String(r.body()));
    assertEquals("application/vnd.apache.parquet", r.headers().firstValue("Content-Type").orElse(""));
    Path file = dir.resolve("result.parquet");
    java.nio.file.Files.write(file, r.body());
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = c.createStatement()) {
      java.sql.ResultSet rs = st.executeQuery("SELECT count(*), count(mag), count(name), count(flag), "
          + "count(quality), count(obs_time), max(obs_time)::VARCHAR FROM read_parquet('" + file + "')");
      rs.next();
      assertEquals(20, rs.getLong(1));
      assertEquals(18, rs.getLong(2), "NULL mags at ids 3 and 13");
      assertEquals(18, rs.getLong(3), "NULL names at ids 4 and 15");
      assertEquals(17, rs.getLong(4), "NULL flags at ids 2, 9 and 16");
      assertEquals(19, rs.getLong(5), "NULL quality at id 8");
      assertEquals(19, rs.getLong(6), "NULL obs_time at id 9");
      assertEquals("2023-01-01 19:00:00", rs.getString(7));
      rs = st.executeQuery("SELECT decode(value) FROM parquet_kv_metadata('" + file + "') "
          + "WHERE decode(key) = 'QUERY_STATUS'");
      rs.next();
      assertEquals("OVERFLOW", rs.getString(1));
    }
  }
}
