package org.skyshard.ingest.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.skyshard.ingest.store.RowDigest;
import org.skyshard.ingest.store.Sql;
import org.skyshard.ingest.store.StoreLayout;
import org.skyshard.partitioner.PixelMap;

/**
 * Splits a staged (sorted) table into its HATS chunk files. A chunk is a HEALPix pixel, hence a
 * contiguous {@code _healpix_29} range of the sorted staging file: each chunk file is one
 * {@code COPY} of a range, which DuckDB reads by skipping the other row groups, and which stays
 * sorted. The chunk number of a row, where SQL needs it, is a balanced {@code CASE} over the
 * map's chunk start values. Counts and digests per chunk come from one scan of two staging
 * columns.
 */
public final class ChunkWriter {
  private final Duck duck;
  private final PixelMap map;
  private final Path versionDir;
  private final int rowGroupSize;

  public ChunkWriter(Duck duck, PixelMap map, Path versionDir, int rowGroupSize) {
    this.duck = duck;
    this.map = map;
    this.versionDir = versionDir;
    this.rowGroupSize = rowGroupSize;
  }

  public PixelMap map() {
    return map;
  }

  /** SQL for the chunk number of an order-29 index expression. */
  public String chunkSql(String hp29) {
    return tree(hp29, 0, map.size() - 1);
  }

  private String tree(String x, int lo, int hi) {
    if (lo == hi) {
      return Integer.toString(lo);
    }
    int mid = (lo + hi + 1) >>> 1;
    return "CASE WHEN " + x + " < " + map.pixel(mid).hp29Start() + " THEN " + tree(x, lo, mid - 1)
        + " ELSE " + tree(x, mid, hi) + " END";
  }

  /** Rows and digest per non-empty chunk of a staged table, in chunk order. */
  public List<ChunkStat> stats(Path stageFile) throws SQLException {
    return stats("SELECT " + chunkSql("_healpix_29") + " AS chunk, _rowhash FROM read_parquet("
        + Sql.path(stageFile) + ")");
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

  /**
   * Writes every chunk file of a staged table; returns the relative path of each non-empty
   * chunk's file, parallel to {@code stats}.
   */
  public List<String> writeChunks(Staged staged, List<ChunkStat> stats)
      throws SQLException, IOException {
    List<String> rel = new ArrayList<>();
    for (ChunkStat c : stats) {
      var px = map.pixel(c.chunk());
      String path = StoreLayout.chunkFile(staged.table(), px.order(), px.index());
      copy("SELECT * EXCLUDE (_rowhash) FROM read_parquet(" + Sql.path(staged.file())
          + ") WHERE _healpix_29 >= " + px.hp29Start() + " AND _healpix_29 < " + px.hp29End(),
          path);
      rel.add(path);
    }
    return rel;
  }

  /**
   * COPYs a query into a Parquet file of the version. One COPY per file, because DuckDB keeps
   * the order of a (parallel) scan of the sorted staging file in a plain COPY, which its
   * {@code PARTITION_BY} writes do not (measured: rows of a partition come out shuffled in
   * blocks even on one thread).
   */
  void copy(String query, String relative) throws SQLException, IOException {
    Path file = versionDir.resolve(relative);
    Files.createDirectories(file.getParent());
    duck.execute("COPY (" + query + ") TO " + Sql.path(file)
        + " (FORMAT PARQUET, COMPRESSION 'snappy', ROW_GROUP_SIZE " + rowGroupSize + ")");
  }
}
