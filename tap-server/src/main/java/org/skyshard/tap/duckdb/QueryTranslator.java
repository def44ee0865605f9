package org.skyshard.tap.duckdb;

import java.util.List;
import org.skyshard.tap.engine.UploadTable;

/** Turns a client's ADQL query into DuckDB SQL; {@link AdqlQueryTranslator} is the real one. */
public interface QueryTranslator {

  /**
   * Translates {@code adql}. {@code uploads} are the query's {@code TAP_UPLOAD} tables, loaded
   * in DuckDB under schema {@code uploadSchema} (an already quoted identifier). Throws
   * {@link org.skyshard.tap.UsageException} for invalid queries, with line and column.
   */
  Translation translate(String adql, List<UploadTable> uploads, String uploadSchema);
}
