package org.skyshard.adql;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Builds the arithmetic the geometry rewrite emits, folding constants: when every operand is a
 * number the result is computed here and written as a literal, so a circle's {@code sin²(r/2)}
 * or a polygon's vertex vectors cost nothing per row.
 */
final class SqlMath {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private SqlMath() {}

  static SqlNode num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return SqlLiteral.createExactNumeric(Long.toString((long) v), POS);
    }
    return SqlLiteral.createApproxNumeric(Double.toString(v), POS);
  }

  /** The value of a numeric literal, or null. */
  static Double constant(SqlNode n) {
    if (n instanceof SqlNumericLiteral lit) {
      BigDecimal b = lit.bigDecimalValue();
      return b == null ? null : b.doubleValue();
    }
    return null;
  }

  static SqlNode add(SqlNode a, SqlNode b) {
    Double x = constant(a);
    Double y = constant(b);
    if (x != null && y != null) {
      return num(x + y);
    }
    if (x != null && x == 0) {
      return b;
    }
    if (y != null && y == 0) {
      return a;
    }
    return SqlStdOperatorTable.PLUS.createCall(POS, a, b);
  }

  static SqlNode sub(SqlNode a, SqlNode b) {
    Double x = constant(a);
    Double y = constant(b);
    if (x != null && y != null) {
      return num(x - y);
    }
    if (y != null && y == 0) {
      return a;
    }
    return SqlStdOperatorTable.MINUS.createCall(POS, a, b);
  }

  static SqlNode mul(SqlNode a, SqlNode b) {
    Double x = constant(a);
    Double y = constant(b);
    if (x != null && y != null) {
      return num(x * y);
    }
    if ((x != null && x == 0) || (y != null && y == 0)) {
      return num(0);
    }
    if (x != null && x == 1) {
      return b;
    }
    if (y != null && y == 1) {
      return a;
    }
    return SqlStdOperatorTable.MULTIPLY.createCall(POS, a, b);
  }

  static SqlNode div(SqlNode a, SqlNode b) {
    Double x = constant(a);
    Double y = constant(b);
    if (x != null && y != null && y != 0) {
      return num(x / y);
    }
    return SqlStdOperatorTable.DIVIDE.createCall(POS, a, b);
  }

  static SqlNode radians(SqlNode a) {
    Double x = constant(a);
    return x != null ? num(Math.toRadians(x)) : fn("radians", a);
  }

  static SqlNode degrees(SqlNode a) {
    Double x = constant(a);
    return x != null ? num(Math.toDegrees(x)) : fn("degrees", a);
  }

  static SqlNode sin(SqlNode a) {
    Double x = constant(a);
    return x != null ? num(Math.sin(x)) : fn("sin", a);
  }

  static SqlNode cos(SqlNode a) {
    Double x = constant(a);
    return x != null ? num(Math.cos(x)) : fn("cos", a);
  }

  static SqlNode square(SqlNode a) {
    Double x = constant(a);
    return x != null ? num(x * x) : fn("power", a, num(2));
  }

  static SqlNode atan2(SqlNode y, SqlNode x) {
    Double b = constant(y);
    Double a = constant(x);
    return a != null && b != null ? num(Math.atan2(b, a)) : fn("atan2", y, x);
  }

  /** A DuckDB function call, written as {@code name(args)}. */
  static SqlNode fn(String name, SqlNode... args) {
    StringBuilder template = new StringBuilder(name).append('(');
    for (int i = 0; i < args.length; i++) {
      template.append(i == 0 ? "" : ", ").append('{').append(i).append('}');
    }
    return new TemplateOperator(name, template.append(')').toString()).createCall(POS, args);
  }

  /** A fixed SQL template applied to operands. */
  static SqlNode template(String name, String template, List<SqlNode> args) {
    return new TemplateOperator(name, template).createCall(POS, args);
  }

  static SqlNode op(SqlOperator op, SqlNode... args) {
    return op.createCall(POS, args);
  }

  /** {@code CASE WHEN cond THEN 1 ELSE 0 END}: a condition as ADQL's 1/0 integer. */
  static SqlNode oneIfTrue(SqlNode condition) {
    return new SqlCase(POS, null, SqlNodeList.of(condition), SqlNodeList.of(num(1)), num(0));
  }

  /** A unit vector from right ascension and declination in degrees. */
  record Vec(SqlNode x, SqlNode y, SqlNode z) {
    static Vec fromRaDec(SqlNode ra, SqlNode dec) {
      SqlNode a = radians(ra);
      SqlNode d = radians(dec);
      SqlNode cd = cos(d);
      return new Vec(mul(cd, cos(a)), mul(cd, sin(a)), sin(d));
    }

    SqlNode dot(Vec o) {
      return add(add(mul(x, o.x), mul(y, o.y)), mul(z, o.z));
    }

    Vec cross(Vec o) {
      return new Vec(sub(mul(y, o.z), mul(z, o.y)), sub(mul(z, o.x), mul(x, o.z)),
          sub(mul(x, o.y), mul(y, o.x)));
    }

    Vec plus(Vec o) {
      return new Vec(add(x, o.x), add(y, o.y), add(z, o.z));
    }
  }
}
