package org.skyshard.query.plan;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.DuckDBSqlDialect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Reads the translator's DuckDB SQL back into a Calcite tree (unvalidated: the planner only
 * rearranges it) and writes trees as DuckDB SQL. Identifiers keep their case; every identifier
 * is quoted on output.
 */
final class DuckSql {
  private static final SqlParser.Config PARSER = SqlParser.config()
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.UNCHANGED)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(true)
      .withConformance(SqlConformanceEnum.LENIENT);

  private static final DuckDBSqlDialect DIALECT = new Dialect();

  private DuckSql() {}

  /** Parses one query, or returns null when Calcite's parser cannot read it. */
  static SqlNode parse(String sql) {
    try {
      return SqlParser.create(sql, PARSER).parseQuery();
    } catch (SqlParseException | RuntimeException e) {
      return null;
    }
  }

  /** Parses an expression, or returns null. */
  static SqlNode parseExpression(String sql) {
    try {
      return SqlParser.create(sql, PARSER).parseExpression();
    } catch (SqlParseException | RuntimeException e) {
      return null;
    }
  }

  /** Writes a tree as one line of DuckDB SQL. */
  static String unparse(SqlNode node) {
    return node.toSqlString(c -> c.withDialect(DIALECT).withAlwaysUseParentheses(false)
        .withQuoteAllIdentifiers(true).withIndentation(0)).getSql().replace('\n', ' ')
        .replace(" BETWEEN ASYMMETRIC ", " BETWEEN ");
  }

  /** Calcite's DuckDB dialect, writing TOP and OFFSET as {@code LIMIT n OFFSET m}. */
  private static final class Dialect extends DuckDBSqlDialect {
    Dialect() {
      super(DuckDBSqlDialect.DEFAULT_CONTEXT);
    }

    @Override
    public void unparseOffsetFetch(SqlWriter writer, SqlNode offset, SqlNode fetch) {
      unparseFetchUsingLimit(writer, offset, fetch);
    }
  }
}
