package org.skyshard.ingest.write;

import java.nio.file.Path;
import java.util.List;
import org.skyshard.ingest.store.TableRule;

/**
 * A partitioned table sorted into one staging file: {@code _healpix_29} first, then the schema
 * columns, then {@code _rowhash} (the row's {@link org.skyshard.ingest.store.RowDigest} hash),
 * rows ascending by {@code _healpix_29}.
 *
 * @param rule the table's placement rule
 * @param columns the schema columns in schema order
 * @param file the staging file
 * @param rows its row count
 */
public record Staged(TableRule rule, List<String> columns, Path file, long rows) {
  public String table() {
    return rule.table();
  }
}
