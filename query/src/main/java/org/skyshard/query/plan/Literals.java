package org.skyshard.query.plan;

import java.math.BigDecimal;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;

/** Constant numbers in a validated tree: literals, signs, casts and arithmetic on them. */
final class Literals {
  private Literals() {}

  /** The value of a constant numeric expression, or null when it is not one. */
  static Double number(SqlNode n) {
    if (n instanceof SqlNumericLiteral lit) {
      BigDecimal v = lit.getValueAs(BigDecimal.class);
      return v == null ? null : v.doubleValue();
    }
    if (!(n instanceof SqlCall call)) {
      return null;
    }
    SqlKind k = call.getKind();
    if (k == SqlKind.MINUS_PREFIX) {
      Double v = number(call.operand(0));
      return v == null ? null : -v;
    }
    if (k == SqlKind.PLUS_PREFIX || k == SqlKind.CAST) {
      return number(call.operand(0));
    }
    if (call.operandCount() == 2 && (k == SqlKind.PLUS || k == SqlKind.MINUS
        || k == SqlKind.TIMES || k == SqlKind.DIVIDE)) {
      Double a = number(call.operand(0));
      Double b = number(call.operand(1));
      if (a == null || b == null) {
        return null;
      }
      return switch (k) {
        case PLUS -> a + b;
        case MINUS -> a - b;
        case TIMES -> a * b;
        default -> b == 0 ? null : a / b;
      };
    }
    return null;
  }

  /** The value of an exact integer literal (possibly signed), or null. */
  static Long integer(SqlNode n) {
    if (n instanceof SqlNumericLiteral lit && lit.isExact()) {
      BigDecimal v = lit.getValueAs(BigDecimal.class);
      try {
        return v.longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    if (n instanceof SqlCall call && call.getKind() == SqlKind.MINUS_PREFIX) {
      Long v = integer(call.operand(0));
      return v == null ? null : -v;
    }
    if (n instanceof SqlCall call && call.getKind() == SqlKind.CAST) {
      return integer(call.operand(0));
    }
    return null;
  }
}
