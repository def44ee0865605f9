package org.skyshard.adql;

import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * The result of translating one ADQL query.
 *
 * @param adql the query as given
 * @param validated the query as Calcite validated it (names resolved and qualified, {@code *}
 *     expanded), still with ADQL's geometry functions: what a planner inspects
 * @param duckdbSql the query as DuckDB SQL, geometry and UDFs rewritten into plain SQL
 * @param columns the result columns, in order
 * @param validator the validator that validated the query, for deriving types of its nodes and
 *     for {@link AdqlTranslator#toDuckDbSql(SqlNode, Translation)}
 */
public record Translation(String adql, SqlNode validated, String duckdbSql,
    List<ResultColumn> columns, SqlValidator validator) {
  public Translation {
    columns = List.copyOf(columns);
  }
}
