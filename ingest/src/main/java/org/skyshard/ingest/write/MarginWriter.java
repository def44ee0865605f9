package org.skyshard.ingest.write;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.skyshard.ingest.store.Sql;
import org.skyshard.ingest.store.StoreLayout;
import org.skyshard.partitioner.MarginFinder;
import org.skyshard.partitioner.PixelMap;

/**
 * Builds a director's margins: for every row of its chunk files, the partitioner's
 * {@link MarginFinder} names the other chunks within the margin radius; the (file, row, chunk)
 * triples go into a small DuckDB table through the appender; one join copies those rows, sorted
 * by (chunk, {@code _healpix_29}), into a margin staging file, split per chunk by one
 * {@code COPY} each (a plain scan of a sorted file keeps its order). A margin row keeps
 * its own {@code _healpix_29} (outside the chunk's range), as HATS margin caches do.
 */
public final class MarginWriter {
  private static final int ROW_GROUP = 20_000;
  private final Duck duck;
  private final ChunkWriter chunks;
  private final double radiusDeg;
  private final Path stageDir;

  public MarginWriter(Duck duck, ChunkWriter chunks, double radiusDeg, Path stageDir) {
    this.duck = duck;
    this.chunks = chunks;
    this.radiusDeg = radiusDeg;
    this.stageDir = stageDir;
  }

  /** The margin staging of a director, with per-chunk stats. */
  public record MarginStage(Path file, List<ChunkStat> stats) {}

  /**
   * Finds and stages the margin rows of a director from its (written) chunk files.
   *
   * @param chunkFiles the director's chunk files
   */
  public MarginStage stage(Staged staged, List<Path> chunkFiles) throws SQLException {
    PixelMap map = chunks.map();
    MarginFinder finder = new MarginFinder(map, radiusDeg);
    duck.execute("CREATE OR REPLACE TABLE _margin (fname VARCHAR, rn BIGINT, chunk INTEGER)");
    DuckDBConnection dc = duck.connection().unwrap(DuckDBConnection.class);
    String files = "read_parquet(" + Sql.pathList(chunkFiles)
        + ", filename = true, file_row_number = true)";
    String scan = "SELECT filename, file_row_number, _healpix_29, "
        + Sql.ident(staged.rule().ra()) + ", " + Sql.ident(staged.rule().dec()) + " FROM " + files;
    // A second connection streams the scan while the first appends.
    try (DuckDBConnection reader = dc.duplicate();
        Statement st = reader.createStatement();
        ResultSet r = st.executeQuery(scan);
        DuckDBAppender app = dc.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "_margin")) {
      while (r.next()) {
        int[] near = finder.marginChunks(r.getLong(3), r.getDouble(4), r.getDouble(5));
        for (int c : near) {
          app.beginRow();
          app.append(r.getString(1));
          app.append(r.getLong(2));
          app.append(c);
          app.endRow();
        }
      }
    }
    StringBuilder hash = new StringBuilder("hash(");
    for (int i = 0; i < staged.columns().size(); i++) {
      hash.append(i > 0 ? ", " : "").append("s.").append(Sql.ident(staged.columns().get(i)));
    }
    hash.append(')');
    Path file = stageDir.resolve(staged.table() + "_margin.parquet");
    duck.execute("COPY (SELECT s.* EXCLUDE (filename, file_row_number), " + hash
        + " AS _rowhash, m.chunk AS _chunk FROM " + files + " s JOIN _margin m"
        + " ON s.filename = m.fname AND s.file_row_number = m.rn"
        + " ORDER BY m.chunk, s._healpix_29) TO " + Sql.path(file)
        + " (FORMAT PARQUET, COMPRESSION 'lz4_raw', ROW_GROUP_SIZE " + ROW_GROUP + ")");
    List<ChunkStat> stats = chunks.stats("SELECT _chunk AS chunk, _rowhash FROM read_parquet("
        + Sql.path(file) + ")");
    return new MarginStage(file, stats);
  }

  /** Writes every margin file; returns their paths relative to the version directory. */
  public List<String> writeMargins(Staged staged, MarginStage margin)
      throws SQLException, java.io.IOException {
    List<String> rel = new java.util.ArrayList<>();
    for (ChunkStat c : margin.stats()) {
      var px = chunks.map().pixel(c.chunk());
      rel.add(StoreLayout.marginFile(staged.table(), px.order(), px.index()));
    }
    for (int i = 0; i < rel.size(); i++) {
      chunks.copy("SELECT * EXCLUDE (_rowhash, _chunk) FROM read_parquet("
          + Sql.path(margin.file()) + ") WHERE _chunk = " + margin.stats().get(i).chunk(),
          rel.get(i));
    }
    return rel;
  }
}
