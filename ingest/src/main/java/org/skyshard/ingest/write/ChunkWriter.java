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
 * Writes a staged table's HATS chunk files: each chunk's staging partition sorted by
 * {@code _healpix_29} (then the primary key) in one {@code COPY}; a chunk holds about
 * {@code threshold} director rows, so the sort usually fits in memory. Counts and digests per
 * chunk come from one scan of two staging columns.
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

  /** Rows and digest per non-empty chunk of a staged table, in chunk order. */
  public List<ChunkStat> stats(Staged staged) throws SQLException {
    if (staged.rows() == 0) {
      return List.of();
    }
    return stats("SELECT _chunk AS chunk, _rowhash FROM " + staged.all());
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
      String order = "_healpix_29" + (staged.primaryKey().isEmpty() ? ""
          : ", " + Sql.idents(staged.primaryKey()));
      copy("SELECT * EXCLUDE (_rowhash) FROM " + staged.chunk(c.chunk()) + " ORDER BY " + order,
          path);
      rel.add(path);
    }
    return rel;
  }

  /**
   * Row groups of the narrow copies. Point queries (an id's or a small cone's
   * {@code _healpix_29}) decode whole row groups of the columns they read: 8,192 rows cost a
   * lookup ~0.5 ms less than 20,000, while scans stay as fast (measured on a 39,000-row Object
   * chunk). The full chunk files keep larger groups: their footers grow with groups × columns.
   */
  private static final int NARROW_ROW_GROUP = 8192;

  /**
   * Writes the narrow copy of each chunk file: {@code columns} and {@code _healpix_29} read back
   * from the chunk file, rows in the same order; returns the relative paths, parallel to
   * {@code chunkFiles}.
   */
  public List<String> writeNarrow(String table, List<String> columns, List<ChunkStat> stats,
      List<String> chunkFiles) throws SQLException, IOException {
    List<String> rel = new ArrayList<>();
    for (int i = 0; i < stats.size(); i++) {
      var px = map.pixel(stats.get(i).chunk());
      String path = StoreLayout.narrowFile(table, px.order(), px.index());
      copy("SELECT " + Sql.idents(columns) + ", _healpix_29 FROM read_parquet("
          + Sql.path(versionDir.resolve(chunkFiles.get(i))) + ")", path,
          Math.min(rowGroupSize, NARROW_ROW_GROUP));
      rel.add(path);
    }
    return rel;
  }

  /**
   * COPYs a query into a Parquet file of the version. One COPY with ORDER BY per chunk file:
   * DuckDB's {@code PARTITION_BY} writes do not keep an order (measured: rows of a partition
   * come out shuffled in blocks, even on one thread).
   */
  void copy(String query, String relative) throws SQLException, IOException {
    copy(query, relative, rowGroupSize);
  }

  private void copy(String query, String relative, int rowGroup)
      throws SQLException, IOException {
    Path file = versionDir.resolve(relative);
    Files.createDirectories(file.getParent());
    duck.execute("COPY (" + query + ") TO " + Sql.path(file)
        + " (FORMAT PARQUET, COMPRESSION 'snappy', ROW_GROUP_SIZE " + rowGroup + ")");
  }
}
