package org.skyshard.adql;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.DuckDBSqlDialect;

/** Calcite's DuckDB dialect, writing TOP and OFFSET as {@code LIMIT n OFFSET m}. */
final class DuckDbDialect extends DuckDBSqlDialect {
  DuckDbDialect() {
    super(DuckDBSqlDialect.DEFAULT_CONTEXT);
  }

  @Override
  public void unparseOffsetFetch(SqlWriter writer, SqlNode offset, SqlNode fetch) {
    unparseFetchUsingLimit(writer, offset, fetch);
  }
}
