package org.skyshard.ingest.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.skyshard.ingest.store.RowDigest;
import org.skyshard.ingest.store.Sql;
import org.skyshard.ingest.store.StoreLayout;
import org.skyshard.partitioner.PixelMap;

/**
 * Splits a staged (sorted) table into its HATS chunk files. A chunk is a HEALPix pixel, hence a
 * contiguous {@code _healpix_29} range of the sorted staging file: each chunk file is one
 * {@code COPY} of a range, which DuckDB reads by skipping the other row groups, and which stays
 * sorted. Counts and digests per chunk come from one scan of two staging columns.
 */
public final class ChunkWriter {
  private final Duck duck;
  private final PixelMap map;
  private final Path versionDir;
  private final int rowGroupSize;

  public ChunkWriter(Duck duck, PixelMap map, Path versionDir, int rowGroupSize)
      throws SQLException {
    this.duck = duck;
    this.map = map;
    this.versionDir = versionDir;
    this.rowGroupSize = rowGroupSize;
    duck.execute("CREATE OR REPLACE TABLE _chunks (chunk INTEGER, lo BIGINT)");
    DuckDBConnection dc = duck.connection().unwrap(DuckDBConnection.class);
    try (DuckDBAppender app = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "_chunks")) {
      for (int i = 0; i < map.size(); i++) {
        app.beginRow();
        app.append(i);
        app.append(map.pixel(i).hp29Start());
        app.endRow();
      }
    }
  }

  public PixelMap map() {
    return map;
  }

  /** Rows and digest per non-empty chunk of a staged table, in chunk order. */
  public List<ChunkStat> stats(Path stageFile) throws SQLException {
    return stats("SELECT c.chunk AS chunk, s._rowhash AS _rowhash FROM read_parquet("
        + Sql.path(stageFile) + ") s ASOF JOIN _chunks c ON s._healpix_29 >= c.lo");
  }

  /** Rows and digest per chunk from a relation of (chunk, _rowhash). */
  List<ChunkStat> stats(String relation) throws SQLException {
    List<ChunkStat> out = new ArrayList<>();
    for (String[] r : duck.rows("SELECT chunk, count(*), CAST(" + RowDigest.aggregate("_rowhash")
        + " AS VARCHAR) FROM (" + relation + ") GROUP BY chunk ORDER BY chunk")) {
      out.add(new ChunkStat(Integer.parseInt(r[0]), Long.parseLong(r[1]),
          RowDigest.parse(r[2])));
    }
    return out;
  }

  /** Writes the chunk file of one chunk; returns its path relative to the version directory. */
  public String writeChunk(Staged staged, int chunk) throws SQLException {
    var pixel = map.pixel(chunk);
    String rel = StoreLayout.chunkFile(staged.table(), pixel.order(), pixel.index());
    copy("SELECT * EXCLUDE (_rowhash) FROM read_parquet(" + Sql.path(staged.file())
        + ") WHERE _healpix_29 >= " + pixel.hp29Start() + " AND _healpix_29 < "
        + pixel.hp29End(), rel);
    return rel;
  }

  /** COPYs a query into a Parquet file of the version, creating its directory. */
  void copy(String query, String relative) throws SQLException {
    Path file = versionDir.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
    } catch (java.io.IOException e) {
      throw new SQLException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
    }
    duck.execute("COPY (" + query + ") TO " + Sql.path(file)
        + " (FORMAT PARQUET, COMPRESSION 'snappy', ROW_GROUP_SIZE " + rowGroupSize + ")");
  }
}
