package org.skyshard.adql;

import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;

/** Which parsed nodes are conditions (boolean) and which are values, as ADQL's grammar says. */
final class Conditions {
  private static final Set<SqlKind> CONDITION_KINDS = EnumSet.of(SqlKind.AND, SqlKind.OR,
      SqlKind.NOT, SqlKind.EQUALS, SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.GREATER_THAN,
      SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN_OR_EQUAL, SqlKind.BETWEEN, SqlKind.IN,
      SqlKind.NOT_IN, SqlKind.LIKE, SqlKind.IS_NULL, SqlKind.IS_NOT_NULL, SqlKind.EXISTS);

  private Conditions() {}

  /** True for comparisons, logical operators and predicates. */
  static boolean isPredicate(SqlNode node) {
    return node instanceof SqlCall call && CONDITION_KINDS.contains(call.getKind());
  }

  /** True for TRUE and FALSE. */
  static boolean isBooleanLiteral(SqlNode node) {
    return node instanceof SqlLiteral lit && lit.getTypeName() == SqlTypeName.BOOLEAN;
  }

  /** True for a call of a user-defined function, which ADQL allows as a boolean. */
  static boolean isUdfCall(SqlNode node) {
    return node instanceof SqlCall call
        && call.getOperator() instanceof org.apache.calcite.sql.SqlFunction f
        && f.getFunctionType() == SqlFunctionCategory.USER_DEFINED_FUNCTION;
  }

  static boolean isColumn(SqlNode node) {
    return node instanceof SqlIdentifier id && !id.isStar();
  }
}
