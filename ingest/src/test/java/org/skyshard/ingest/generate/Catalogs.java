package org.skyshard.ingest.generate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.skyshard.ingest.parquet.ColumnBatch;
import org.skyshard.ingest.parquet.ColumnVector;
import org.skyshard.ingest.parquet.ParquetTableReader;
import org.skyshard.schema.Table;

/** Test helpers over a generated catalog: file lists, content digests, DuckDB views. */
final class Catalogs {
  private Catalogs() {}

  static List<Path> files(Path out, String table) throws IOException {
    try (Stream<Path> s = Files.list(out.resolve(table))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
  }

  /** SHA-256 of the decoded content of one file (every value, NULLs marked), read by our reader. */
  static String contentDigest(Path file, Table table) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    ByteBuffer buf = ByteBuffer.allocate(16);
    try (ParquetTableReader r = ParquetTableReader.open(file, table)) {
      ColumnBatch b;
      while ((b = r.nextRowGroup()) != null) {
        for (ColumnVector v : b.vectors()) {
          for (int i = 0; i < b.size(); i++) {
            buf.clear();
            if (v.isNull(i)) {
              md.update((byte) 0x7f);
              continue;
            }
            switch (v.kind()) {
              case BOOLEAN -> md.update((byte) (v.getBoolean(i) ? 1 : 0));
              case INT32 -> md.update(buf.putInt(v.getInt(i)).array(), 0, 4);
              case INT64 -> md.update(buf.putLong(v.getLong(i)).array(), 0, 8);
              case FLOAT -> md.update(buf.putInt(Float.floatToIntBits(v.getFloat(i))).array(), 0,
                  4);
              case DOUBLE -> md.update(buf.putLong(Double.doubleToLongBits(v.getDouble(i)))
                  .array(), 0, 8);
              case STRING -> md.update(v.getString(i).getBytes(StandardCharsets.UTF_8));
              case BINARY -> md.update(v.getBinary(i));
            }
          }
        }
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** Digest of every file of every table directory under {@code out}, by relative path. */
  static TreeMap<String, String> digests(Path out, List<Table> tables) throws IOException {
    TreeMap<String, String> m = new TreeMap<>();
    for (Table t : tables) {
      for (Path f : files(out, t.name())) {
        m.put(out.relativize(f).toString(), contentDigest(f, t));
      }
    }
    return m;
  }

  /** Creates one DuckDB view per table over its Parquet files. */
  static void views(Connection db, Path out, List<Table> tables) throws SQLException {
    try (Statement st = db.createStatement()) {
      for (Table t : tables) {
        st.execute("CREATE OR REPLACE VIEW \"" + t.name() + "\" AS SELECT * FROM read_parquet('"
            + out.resolve(t.name()).resolve("*.parquet") + "')");
      }
    }
  }

  static long longQuery(Connection db, String sql) throws SQLException {
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static double doubleQuery(Connection db, String sql) throws SQLException {
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getDouble(1);
    }
  }
}
