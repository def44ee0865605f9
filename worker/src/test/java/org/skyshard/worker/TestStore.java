package org.skyshard.worker;

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
import org.skyshard.ingest.store.Manifest;
import org.skyshard.ingest.store.RowDigest;
import org.skyshard.ingest.store.Sql;
import org.skyshard.ingest.store.StoreLayout;
import org.skyshard.ingest.store.StoreWriter;

/**
 * A small published store written with the ingest's store API and DuckDB {@code COPY}: director
 * Object (4 chunks, with margins), child ForcedSource (no rows in chunk 3/12), replicated Visit.
 * Manifest digests are computed with {@link RowDigest} on an unrestricted DuckDB.
 */
final class TestStore {
  static final List<ChunkId> CHUNKS = List.of(new ChunkId(3, 10), new ChunkId(3, 11),
      new ChunkId(3, 12), new ChunkId(4, 3000));
  static final ChunkId NO_FORCED = new ChunkId(3, 12);
  static final List<String> OBJECT_COLS = List.of("objectId", "coord_ra", "coord_dec", "psfFlux",
      "band");
  static final List<String> FORCED_COLS = List.of("forcedSourceId", "objectId", "flux");
  static final List<String> VISIT_COLS = List.of("visit", "band");

  private TestStore() {}

  /** Rows of Object in chunk number {@code i} of {@link #CHUNKS}. */
  static int objectRows(int i) {
    return 300 * (i + 1);
  }

  /** The SQL of Object's rows in chunk {@code i}. */
  static String objectSql(int i, boolean margin) {
    long base = margin ? 9_000_000L + 1000L * i : 100_000L * (i + 1);
    int n = margin ? 20 : objectRows(i);
    return "SELECT CAST(" + base + "::BIGINT * 1000 + k AS BIGINT) AS _healpix_29, CAST(" + base
        + " + k AS BIGINT) AS objectId, 50 + k / 1000.0 + " + i + " AS coord_ra, -30 - k / 1000.0"
        + " AS coord_dec, CASE WHEN k % 7 = 0 THEN NULL WHEN k % 11 = 0 THEN 'NaN'::DOUBLE"
        + " ELSE k * 1.5 - 100 END AS psfFlux, CASE k % 3 WHEN 0 THEN 'g' WHEN 1 THEN 'r'"
        + " ELSE 'i' END AS band FROM range(" + n + ") t(k)";
  }

  static String forcedSql(int i) {
    return "SELECT o._healpix_29, CAST(o.objectId * 10 + f AS BIGINT) AS forcedSourceId,"
        + " o.objectId, f * 2.0 + o.objectId % 5 AS flux FROM (" + objectSql(i, false)
        + ") o, range(3) r(f) ORDER BY 1";
  }

  /** Builds and publishes the store in {@code dir}; returns its manifest. */
  static Manifest build(Path dir, String ingestId) throws IOException, SQLException {
    try (StoreWriter w = StoreWriter.begin(dir);
        Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      Path v = w.stage(ingestId);
      List<Manifest.ChunkEntry> objects = new ArrayList<>();
      List<Manifest.ChunkEntry> forced = new ArrayList<>();
      for (int i = 0; i < CHUNKS.size(); i++) {
        ChunkId ch = CHUNKS.get(i);
        String file = StoreLayout.chunkFile("Object", ch.order(), ch.pixel());
        String margin = StoreLayout.marginFile("Object", ch.order(), ch.pixel());
        long[] d = copy(c, objectSql(i, false), v.resolve(file), OBJECT_COLS);
        long[] m = copy(c, objectSql(i, true), v.resolve(margin), OBJECT_COLS);
        objects.add(new Manifest.ChunkEntry(ch.order(), ch.pixel(), d[0], RowDigest.format(d[1]),
            file, m[0], RowDigest.format(m[1]), margin));
        if (!ch.equals(NO_FORCED)) {
          String ff = StoreLayout.chunkFile("ForcedSource", ch.order(), ch.pixel());
          long[] f = copy(c, forcedSql(i), v.resolve(ff), FORCED_COLS);
          forced.add(new Manifest.ChunkEntry(ch.order(), ch.pixel(), f[0],
              RowDigest.format(f[1]), ff, 0, null, null));
        }
      }
      String vf = StoreLayout.replicatedFile("Visit");
      long[] vd = copy(c, "SELECT CAST(k AS BIGINT) AS visit, 'r' AS band FROM range(5) t(k)",
          v.resolve(vf), VISIT_COLS);
      List<Manifest.TableEntry> tables = List.of(
          entry("Object", "director", OBJECT_COLS, objects, null, "Object_margin"),
          entry("ForcedSource", "child", FORCED_COLS, forced, null, null),
          new Manifest.TableEntry("Visit", "replicated", "Visit replicated", VISIT_COLS, vd[0],
              RowDigest.format(vd[1]), "Visit", List.of(), vf, null, null, null));
      Manifest manifest = new Manifest(Manifest.FORMAT, ingestId, null, "2026-01-01T00:00:00Z",
          "test", "1", 1000, 60, "{}", tables, List.of());
      w.completeAndPublish(manifest);
      return manifest;
    }
  }

  private static Manifest.TableEntry entry(String name, String kind, List<String> cols,
      List<Manifest.ChunkEntry> chunks, String file, String marginPath) {
    long rows = chunks.stream().mapToLong(Manifest.ChunkEntry::rows).sum();
    long digest = chunks.stream().mapToLong(e -> RowDigest.fromHex(e.digest())).sum();
    return new Manifest.TableEntry(name, kind, name + " " + kind, cols, rows,
        RowDigest.format(digest), name, chunks, file, marginPath, null, null);
  }

  /** Writes a query to a Parquet file; returns {rows, digest}. */
  static long[] copy(Connection c, String query, Path file, List<String> cols)
      throws IOException, SQLException {
    Files.createDirectories(file.getParent());
    try (Statement s = c.createStatement()) {
      s.execute("COPY (" + query + ") TO " + Sql.path(file) + " (FORMAT PARQUET)");
      try (ResultSet r = s.executeQuery(RowDigest.countAndDigestSql(cols,
          "read_parquet(" + Sql.path(file) + ")"))) {
        r.next();
        return new long[] {r.getLong(1), RowDigest.parse(r.getString(2))};
      }
    }
  }
}
