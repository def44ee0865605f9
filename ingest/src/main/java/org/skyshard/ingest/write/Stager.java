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
 * Sorts a partitioned table into its staging file in one DuckDB {@code COPY}: a director by the
 * {@code _healpix_29} of its own position (the partitioner's SQL twin of its ang2pix), a child
 * by its director row's {@code _healpix_29} (joined through the director's key), ties broken by
 * the primary key so the output is deterministic. DuckDB sorts out of core under its memory
 * limit. The row hash is computed in the same pass.
 */
public final class Stager {
  private final Duck duck;
  private final Path dir;

  public Stager(Duck duck, Path dir) {
    this.duck = duck;
    this.dir = dir;
  }

  public Staged director(TableRule rule, TableSource src, List<String> primaryKey)
      throws SQLException {
    String hp = HealpixSql.hp29(Sql.ident(rule.ra()), Sql.ident(rule.dec()));
    String cols = Sql.idents(src.columns());
    String select = "SELECT " + hp + " AS _healpix_29, " + cols + ", "
        + RowDigest.rowHash(src.columns()) + " AS _rowhash FROM " + src.dataRelation();
    return copy(rule, src, "SELECT * FROM (" + select + ") ORDER BY _healpix_29"
        + tieBreak(primaryKey));
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
    return copy(rule, src, "SELECT * FROM (" + select + ") ORDER BY _healpix_29"
        + tieBreak(primaryKey));
  }

  private Staged copy(TableRule rule, TableSource src, String query) throws SQLException {
    Path file = dir.resolve(rule.table() + ".parquet");
    long rows = duck.execute("COPY (" + query + ") TO " + Sql.path(file)
        + " (FORMAT PARQUET, COMPRESSION 'lz4_raw', ROW_GROUP_SIZE 20000)");
    return new Staged(rule, src.columns(), file, rows);
  }

  private static String tieBreak(List<String> primaryKey) {
    return primaryKey.isEmpty() ? "" : ", " + Sql.idents(primaryKey);
  }
}
