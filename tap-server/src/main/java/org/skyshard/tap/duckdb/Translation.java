package org.skyshard.tap.duckdb;

import java.util.List;
import org.skyshard.tap.engine.ResultColumn;

/**
 * A translated query.
 *
 * @param duckdbSql the SQL to run
 * @param columns the result columns with full metadata, or an empty list when the translator
 *     does not know them (the engine then derives them from the JDBC metadata)
 */
public record Translation(String duckdbSql, List<ResultColumn> columns) {

  public Translation {
    columns = List.copyOf(columns);
  }
}
