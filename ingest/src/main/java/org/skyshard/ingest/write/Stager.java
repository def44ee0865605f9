package org.skyshard.ingest.write;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.skyshard.ingest.input.TableSource;
import org.skyshard.ingest.store.RowDigest;
import org.skyshard.ingest.store.Sql;
import org.skyshard.ingest.store.TableRule;
import org.skyshard.partitioner.HealpixSql;

/**
 * Splits a partitioned table by chunk into its staging directory in one DuckDB
 * {@code COPY ... PARTITION_BY (_chunk)}, the same work as a plain repartition, with no sort:
 * each chunk is sorted later on its own, in memory ({@link ChunkWriter}). A director's
 * {@code _healpix_29} is that of its own position (the partitioner's SQL twin of ang2pix); a
 * child's is its director row's, joined through the director's key. The row hash is computed in
 * the same pass. Partition buffers are flushed every few thousand rows and at most a few files
 * are open, so memory stays bounded even for a 991-column table.
 */
public final class Stager {
  /** Bytes of buffered rows per open partition, roughly. */
  private static final long BUFFER_BYTES = 32L << 20;

  private final Duck duck;
  private final Path dir;
  private final ChunkSql chunks;

  public Stager(Duck duck, Path dir, ChunkSql chunks) {
    this.duck = duck;
    this.dir = dir;
    this.chunks = chunks;
  }

  public Staged director(TableRule rule, TableSource src, List<String> primaryKey)
      throws SQLException {
    String select = "SELECT _healpix_29, " + Sql.idents(src.columns()) + ", "
        + RowDigest.rowHash(src.columns()) + " AS _rowhash FROM (" + withHp29(rule, src) + ")";
    return copy(rule, src, primaryKey, select);
  }

  /**
   * A query of the director's rows (schema columns) plus {@code _healpix_29} of their position,
   * in the partitioner's staged form (each intermediate value computed once per row).
   */
  public static String withHp29(TableRule director, TableSource src) {
    return HealpixSql.selectWithHp29(src.dataRelation(), Sql.ident(director.ra()),
        Sql.ident(director.dec()), "_healpix_29");
  }

  /**
   * @param positions a relation {@code (k, _healpix_29)} of the director's keys and positions
   * @param fallbackPositions the same for the rule's fallback director, or null
   */
  public Staged child(TableRule rule, TableSource src, List<String> primaryKey, String positions,
      String fallbackPositions) throws SQLException {
    StringBuilder cols = new StringBuilder();
    for (String c : src.columns()) {
      cols.append("c.").append(Sql.ident(c)).append(", ");
    }
    // The same hash as RowDigest.rowHash, over the child's columns qualified by its alias.
    StringBuilder h = new StringBuilder("hash(");
    for (int i = 0; i < src.columns().size(); i++) {
      h.append(i > 0 ? ", " : "").append("c.").append(Sql.ident(src.columns().get(i)));
    }
    String hash = h.append(')').toString();
    String key = Sql.ident(rule.key());
    String select = "SELECT d._healpix_29, " + cols + hash + " AS _rowhash FROM "
        + src.dataRelation() + " c JOIN " + positions + " d ON c." + key + " = d.k";
    if (rule.fallback() != null) {
      select = "SELECT coalesce(d._healpix_29, f._healpix_29) AS _healpix_29, " + cols + hash
          + " AS _rowhash FROM " + src.dataRelation() + " c LEFT JOIN " + positions + " d ON c."
          + key + " = d.k LEFT JOIN " + fallbackPositions + " f ON c." + key + " IS NULL AND c."
          + Sql.ident(rule.fallback().key()) + " = f.k";
    }
    return copy(rule, src, primaryKey, select);
  }

  private Staged copy(TableRule rule, TableSource src, List<String> primaryKey, String select)
      throws SQLException {
    Path out = dir.resolve(rule.table());
    long flush = Math.max(1_000, Math.min(100_000, BUFFER_BYTES / (8L * (src.columns().size() + 2))));
    duck.execute("SET partitioned_write_flush_threshold = " + flush);
    duck.execute("SET partitioned_write_max_open_files = 16");
    long rows = duck.execute("COPY (SELECT *, " + chunks.chunkOf("_healpix_29") + " AS _chunk FROM ("
        + select + ")) TO " + Sql.path(out) + " (FORMAT PARQUET, PARTITION_BY (_chunk), "
        + "COMPRESSION 'lz4_raw', ROW_GROUP_SIZE " + flush + ")");
    return new Staged(rule, src.columns(), primaryKey, out, rows);
  }
}
