package org.skyshard.ingest.write;

import java.nio.file.Path;
import java.util.List;
import org.skyshard.ingest.store.Sql;
import org.skyshard.ingest.store.TableRule;

/**
 * A partitioned table split, unsorted, by chunk into a staging directory
 * ({@code _chunk=c/*.parquet}): {@code _healpix_29} first, then the schema columns, then
 * {@code _rowhash} (the row's {@link org.skyshard.ingest.store.RowDigest} hash).
 *
 * @param rule the table's placement rule
 * @param columns the schema columns in schema order
 * @param primaryKey the primary-key columns (ties of {@code _healpix_29} sort by them)
 * @param dir the staging directory
 * @param rows the row count
 */
public record Staged(TableRule rule, List<String> columns, List<String> primaryKey, Path dir,
    long rows) {
  public String table() {
    return rule.table();
  }

  /** All staged rows, with their {@code _chunk}. */
  public String all() {
    return "read_parquet(" + Sql.str(dir.toAbsolutePath() + "/*/*.parquet")
        + ", hive_partitioning = true)";
  }

  /** The staged rows of one chunk. */
  public String chunk(int chunk) {
    return "read_parquet(" + Sql.str(dir.toAbsolutePath() + "/_chunk=" + chunk + "/*.parquet")
        + ", hive_partitioning = false)";
  }
}
