package org.skyshard.ingest.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.schema.Column;
import org.skyshard.schema.FelisType;
import org.skyshard.schema.Table;

/** Writes every Felis type, nullable and not, and reads it back with our reader and DuckDB. */
class ParquetRoundTripTest {
  @TempDir Path dir;

  static Table allTypes() {
    List<Column> cols = new ArrayList<>();
    for (FelisType t : FelisType.values()) {
      cols.add(col("req_" + t.felisName(), t, false));
      cols.add(col("opt_" + t.felisName(), t, true));
    }
    return new Table("AllTypes", "#AllTypes", null, cols, List.of(), List.of(), null);
  }

  static Column col(String name, FelisType t, boolean nullable) {
    return new Column(name, "#AllTypes." + name, t, t.isText() ? 16 : null, nullable, null, null,
        null, null, null, null, false, false, null);
  }

  /** Row r's value; NULL in the optional columns when r % 7 == 3. */
  static void fill(ColumnBatch b, int first, int n) {
    for (ColumnVector v : b.vectors()) {
      for (int i = 0; i < n; i++) {
        int r = first + i;
        v.setNull(i, v.column().nullable() && r % 7 == 3);
        switch (v.kind()) {
          case BOOLEAN -> v.booleans()[i] = r % 3 == 0;
          case INT32 -> v.ints()[i] = v.column().datatype() == FelisType.BYTE ? (byte) r
              : v.column().datatype() == FelisType.SHORT ? (short) (r * 31) : r * 1001 - 5;
          case INT64 -> v.longs()[i] = v.column().datatype() == FelisType.TIMESTAMP
              ? 1_700_000_000_000_000L + r * 1_000_000L : 1_250_000_000_000_000_000L + r;
          case FLOAT -> v.floats()[i] = r % 11 == 5 ? Float.NaN : r * 0.5f;
          case DOUBLE -> v.doubles()[i] = r % 13 == 4 ? Double.NaN : -r * 1.25;
          case STRING -> v.strings()[i] = "s" + r + "é";
          case BINARY -> v.binaries()[i] = new byte[] {(byte) r, 7};
        }
      }
    }
    b.setSize(n);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
  void roundTripsEveryTypeThroughOwnReaderAndDuckDb(boolean byteStreamSplit) throws Exception {
    Table t = allTypes();
    Path f = dir.resolve("all.parquet");
    int rows = 2500;
    WriterOptions small = WriterOptions.defaults().withRowGroupRows(1000)
        .withByteStreamSplit(byteStreamSplit).withMetadata(Map.of("skyshard.test", "yes"));
    try (ParquetTableWriter w = ParquetTableWriter.create(f, t, small)) {
      ColumnBatch b = new ColumnBatch(t, 300);
      for (int first = 0; first < rows; first += 300) {
        fill(b, first, Math.min(300, rows - first));
        w.write(b);
      }
      assertEquals(rows, w.rowsWritten());
    }
    assertFalse(Files.exists(dir.resolve("all.parquet.tmp")));
    assertEquals(byteStreamSplit, encodings(f).contains("BYTE_STREAM_SPLIT"), encodings(f));

    ColumnBatch expected = new ColumnBatch(t, rows);
    fill(expected, 0, rows);
    int groups = 0;
    try (ParquetTableReader r = ParquetTableReader.open(f, t)) {
      assertEquals(rows, r.rowCount());
      ColumnBatch got;
      while ((got = r.nextRowGroup()) != null) {
        groups++;
        for (int c = 0; c < got.columnCount(); c++) {
          for (int i = 0; i < got.size(); i++) {
            int row = (int) r.rowOffset() + i;
            Object want = expected.vector(c).getObject(row);
            Object have = got.vector(c).getObject(i);
            if (want instanceof byte[] wb) {
              assertArrayEquals(wb, (byte[]) have);
            } else {
              assertEquals(want, have, got.vector(c).column().name() + " row " + row);
            }
          }
        }
      }
    }
    assertTrue(groups >= 2, "several row groups: " + groups);

    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement()) {
      try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + f + "')")) {
        int i = 0;
        while (rs.next()) {
          Column c = t.columns().get(i++);
          assertEquals(c.name(), rs.getString("column_name"));
          assertEquals(duckdbCanonical(c.datatype().duckdbType()), rs.getString("column_type"),
              c.name());
        }
        assertEquals(t.columns().size(), i);
      }
      try (ResultSet rs = st.executeQuery("SELECT count(*), count(opt_double), "
          + "sum(req_long - 1250000000000000000), max(req_string), min(opt_byte), "
          + "count(*) FILTER (WHERE isnan(req_double)) FROM read_parquet('" + f + "')")) {
        rs.next();
        assertEquals(rows, rs.getLong(1));
        assertEquals(rows - nullCount(rows), rs.getLong(2));
        assertEquals((long) rows * (rows - 1) / 2, rs.getLong(3));
        assertEquals("s9é", rs.getString(4)); // é sorts after every digit
        assertEquals(-128, rs.getInt(5));
        assertEquals(rows / 13 + (rows % 13 > 4 ? 1 : 0), rs.getLong(6));
      }
      try (ResultSet rs = st.executeQuery("SELECT CAST(req_timestamp AS VARCHAR) FROM read_parquet('" + f
          + "') WHERE req_int = 1001 * 2 - 5")) {
        rs.next();
        assertEquals("2023-11-14 22:13:22", rs.getString(1));
      }
      try (ResultSet rs = st.executeQuery("SELECT value FROM parquet_kv_metadata('" + f
          + "') WHERE key = 'skyshard.test'")) {
        assertTrue(rs.next());
        assertEquals("yes", new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
  }

  /** The value encodings DuckDB finds in a file's column chunks. */
  static String encodings(Path f) throws SQLException {
    StringBuilder sb = new StringBuilder();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT DISTINCT encodings FROM parquet_metadata('" + f
            + "')")) {
      while (rs.next()) {
        sb.append(rs.getString(1)).append(';');
      }
    }
    return sb.toString();
  }

  /** DuckDB's DESCRIBE shows REAL by its canonical name FLOAT. */
  static String duckdbCanonical(String type) {
    return type.equals("REAL") ? "FLOAT" : type;
  }

  private static long nullCount(int rows) {
    long n = 0;
    for (int r = 0; r < rows; r++) {
      if (r % 7 == 3) {
        n++;
      }
    }
    return n;
  }

  @Test
  void readsOnlyRequestedColumns() throws IOException {
    Table t = allTypes();
    Path f = dir.resolve("p.parquet");
    try (ParquetTableWriter w = ParquetTableWriter.create(f, t, WriterOptions.defaults())) {
      ColumnBatch b = new ColumnBatch(t, 10);
      fill(b, 0, 10);
      w.write(b);
    }
    try (ParquetTableReader r = ParquetTableReader.open(f, t, List.of("opt_string", "req_long"))) {
      ColumnBatch b = r.nextRowGroup();
      assertEquals(2, b.columnCount());
      assertEquals("s2é", b.vector("opt_string").getString(2));
      assertNull(b.vector("opt_string").getObject(3));
      assertEquals(1_250_000_000_000_000_009L, b.vector("req_long").getLong(9));
      assertNull(r.nextRowGroup());
    }
  }

  @Test
  void namesFileAndColumnOnSchemaMismatch() throws IOException {
    Table t = allTypes();
    Path f = dir.resolve("m.parquet");
    try (ParquetTableWriter w = ParquetTableWriter.create(f, t, WriterOptions.defaults())) {
      ColumnBatch b = new ColumnBatch(t, 1);
      fill(b, 0, 1);
      w.write(b);
    }
    List<Column> changed = new ArrayList<>(t.columns());
    changed.set(0, col("req_boolean", FelisType.INT, false));
    changed.add(col("extra", FelisType.DOUBLE, true));
    Table wrongType = new Table("AllTypes", "#x", null, changed.subList(0, changed.size() - 1),
        List.of(), List.of(), null);
    ParquetDataException e = assertThrows(ParquetDataException.class,
        () -> ParquetTableReader.open(f, wrongType));
    assertEquals("req_boolean", e.column());
    assertTrue(e.getMessage().startsWith(f + ": column req_boolean has type required boolean"),
        e.getMessage());
    Table missing = new Table("AllTypes", "#x", null, changed, List.of(), List.of(), null);
    e = assertThrows(ParquetDataException.class, () -> ParquetTableReader.open(f, missing,
        List.of("extra")));
    assertEquals(f + ": column extra of table AllTypes is missing from the file", e.getMessage());
  }

  @Test
  void reportsRowAndColumnOfNullInNotNullColumn() throws IOException {
    Table t = allTypes();
    Path f = dir.resolve("n.parquet");
    try (ParquetTableWriter w = ParquetTableWriter.create(f, t, WriterOptions.defaults())) {
      ColumnBatch b = new ColumnBatch(t, 10);
      fill(b, 0, 10);
      w.write(b);
    }
    List<Column> strict = new ArrayList<>();
    for (Column c : t.columns()) {
      strict.add(c.name().equals("opt_double") ? col("opt_double", FelisType.DOUBLE, false) : c);
    }
    // The file's field is OPTIONAL; the table says NOT NULL: the NULL at row 3 is refused.
    Table s = new Table("AllTypes", "#x", null, strict, List.of(), List.of(), null);
    try (ParquetTableReader r = ParquetTableReader.open(f, s, List.of("req_int", "opt_double"))) {
      ParquetDataException e = assertThrows(ParquetDataException.class, r::nextRowGroup);
      assertEquals("opt_double", e.column());
      assertEquals(3, e.row());
      assertEquals(f + ": row 3, column opt_double: NULL in a NOT NULL column", e.getMessage());
    }
  }

  @Test
  void refusesTruncatedAndMissingFiles() throws IOException {
    Table t = allTypes();
    Path f = dir.resolve("t.parquet");
    try (ParquetTableWriter w = ParquetTableWriter.create(f, t, WriterOptions.defaults())) {
      ColumnBatch b = new ColumnBatch(t, 100);
      fill(b, 0, 100);
      w.write(b);
    }
    byte[] all = Files.readAllBytes(f);
    Path cut = dir.resolve("cut.parquet");
    Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
    ParquetDataException e = assertThrows(ParquetDataException.class,
        () -> ParquetTableReader.open(cut, t));
    assertTrue(e.getMessage().startsWith(cut + ": not a readable Parquet file"), e.getMessage());
    e = assertThrows(ParquetDataException.class,
        () -> ParquetTableReader.open(dir.resolve("nope.parquet"), t));
    assertEquals(dir.resolve("nope.parquet") + ": cannot read: no such file", e.getMessage());
  }

  @Test
  void abortLeavesNoFile() throws IOException {
    Table t = allTypes();
    Path f = dir.resolve("a.parquet");
    ParquetTableWriter w = ParquetTableWriter.create(f, t, WriterOptions.defaults());
    ColumnBatch b = new ColumnBatch(t, 5);
    fill(b, 0, 5);
    w.write(b);
    w.abort();
    assertFalse(Files.exists(f));
    assertFalse(Files.exists(dir.resolve("a.parquet.tmp")));
  }

  @Test
  void refusesNullInNotNullColumnWhenWriting() throws IOException, SQLException {
    Table t = allTypes();
    Path f = dir.resolve("w.parquet");
    try (ParquetTableWriter w = ParquetTableWriter.create(f, t, WriterOptions.defaults())) {
      ColumnBatch b = new ColumnBatch(t, 2);
      fill(b, 0, 2);
      b.vector("req_string").strings()[1] = null;
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.write(b));
      assertEquals("row 1 of batch: NULL in NOT NULL column req_string", e.getMessage());
      w.abort();
    }
  }
}
