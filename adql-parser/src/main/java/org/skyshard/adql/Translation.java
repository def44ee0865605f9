package org.skyshard.adql;

import java.util.List;
import org.apache.calcite.sql.SqlNode;

/**
 * The result of translating one ADQL query.
 *
 * @param adql the query as given
 * @param validated the query as Calcite validated it (names resolved and qualified, {@code *}
 *     expanded), still with ADQL's geometry functions: what a planner inspects
 * @param duckdbSql the query as DuckDB SQL, geometry and UDFs rewritten into plain SQL
 * @param columns the result columns, in order
 */
public record Translation(String adql, SqlNode validated, String duckdbSql,
    List<ResultColumn> columns) {
  public Translation {
    columns = List.copyOf(columns);
  }
}
