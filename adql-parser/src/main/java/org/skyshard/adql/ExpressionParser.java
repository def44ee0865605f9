package org.skyshard.adql;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The expression half of the ADQL grammar: conditions (OR, AND, NOT, comparisons, BETWEEN, IN,
 * LIKE, ILIKE, IS NULL, EXISTS) and values (||, bitwise and arithmetic operators, literals,
 * column references, function calls, CASE, CAST, set functions, scalar subqueries), with ADQL's
 * rule that a condition is not a value and a value is not a condition.
 */
final class ExpressionParser extends ParserBase {
  private final FunctionResolver functions;
  private final boolean bareColumnConditions;
  private final java.util.function.Supplier<SqlNode> queries;

  /**
   * @param queries parses a query expression at the current token (for subqueries)
   * @param bareColumnConditions whether a bare column may stand as a condition
   */
  ExpressionParser(State state, FunctionResolver functions, boolean bareColumnConditions,
      java.util.function.Supplier<SqlNode> queries) {
    super(state);
    this.functions = functions;
    this.bareColumnConditions = bareColumnConditions;
    this.queries = queries;
  }

  // ---------------------------------------------------------------- expressions

  SqlNode condition(String clause) {
    SqlNode c = expression(false);
    requireCondition(c, clause);
    return c;
  }

  SqlNode value() {
    SqlNode v = expression(false);
    requireValue(v);
    return v;
  }

  private void requireCondition(SqlNode c, String clause) {
    if (Conditions.isPredicate(c) || Conditions.isBooleanLiteral(c) || Conditions.isUdfCall(c)) {
      return;
    }
    if (bareColumnConditions && Conditions.isColumn(c)) {
      return;
    }
    throw AdqlMessages.notACondition(c.getParserPosition(), clause);
  }

  void requireValue(SqlNode v) {
    if (Conditions.isPredicate(v)) {
      throw AdqlMessages.conditionAsValue(v.getParserPosition());
    }
    if (v instanceof SqlIdentifier id && id.isStar()) {
      throw AdqlMessages.invalid(v.getParserPosition(), "* is only allowed in the select list"
          + " and in COUNT(*)");
    }
  }

  SqlNode expression(boolean allowStar) {
    enter();
    Token start = peek();
    SqlNode left = andExpression(allowStar);
    while (peek().is("OR")) {
      next();
      SqlNode right = andExpression(false);
      left = logical(SqlStdOperatorTable.OR, start, left, right);
    }
    leave();
    return left;
  }

  private SqlNode andExpression(boolean allowStar) {
    Token start = peek();
    SqlNode left = notExpression(allowStar);
    while (peek().is("AND")) {
      next();
      SqlNode right = notExpression(false);
      left = logical(SqlStdOperatorTable.AND, start, left, right);
    }
    return left;
  }

  private SqlNode logical(SqlOperator op, Token start, SqlNode left, SqlNode right) {
    requireCondition(left, op.getName());
    requireCondition(right, op.getName());
    chain();
    return op.createCall(span(start), left, right);
  }

  private SqlNode notExpression(boolean allowStar) {
    Token start = peek();
    if (start.is("NOT")) {
      next();
      enter();
      SqlNode operand = notExpression(false);
      leave();
      requireCondition(operand, "NOT");
      return SqlStdOperatorTable.NOT.createCall(span(start), operand);
    }
    return predicate(allowStar);
  }

  private SqlNode predicate(boolean allowStar) {
    Token start = peek();
    if (start.is("EXISTS")) {
      next();
      SqlNode sub = parenthesizedQuery();
      return SqlStdOperatorTable.EXISTS.createCall(span(start), sub);
    }
    SqlNode left = concatenation(allowStar);
    Token t = peek();
    SqlOperator comparison = comparisonOperator(t);
    if (comparison != null) {
      next();
      requireValue(left);
      SqlNode right = concatenation(false);
      requireValue(right);
      return comparison.createCall(span(start), left, right);
    }
    boolean not = false;
    if (t.is("NOT") && (peekAt(1).is("BETWEEN") || peekAt(1).is("IN") || peekAt(1).is("LIKE")
        || peekAt(1).is("ILIKE"))) {
      not = true;
      next();
      t = peek();
    }
    if (t.is("BETWEEN")) {
      next();
      requireValue(left);
      SqlNode low = concatenation(false);
      requireValue(low);
      expectWord("AND");
      SqlNode high = concatenation(false);
      requireValue(high);
      return (not ? SqlStdOperatorTable.NOT_BETWEEN : SqlStdOperatorTable.BETWEEN)
          .createCall(span(start), left, low, high);
    }
    if (t.is("IN")) {
      next();
      requireValue(left);
      Token open = peek();
      if (!open.isSymbol("(")) {
        throw AdqlMessages.expected(open, "( after IN");
      }
      SqlNode list;
      if (peekAt(1).is("SELECT") || peekAt(1).is("WITH")) {
        list = parenthesizedQuery();
      } else {
        next();
        List<SqlNode> values = new ArrayList<>();
        do {
          values.add(value());
        } while (accept(","));
        expect(")");
        list = new SqlNodeList(values, span(open));
      }
      return (not ? SqlStdOperatorTable.NOT_IN : SqlStdOperatorTable.IN)
          .createCall(span(start), left, list);
    }
    if (t.is("LIKE") || t.is("ILIKE")) {
      next();
      requireValue(left);
      SqlNode pattern = concatenation(false);
      requireValue(pattern);
      SqlOperator op = t.is("LIKE")
          ? (not ? SqlStdOperatorTable.NOT_LIKE : SqlStdOperatorTable.LIKE)
          : (not ? SqlLibraryOperators.NOT_ILIKE : SqlLibraryOperators.ILIKE);
      return op.createCall(span(start), left, pattern);
    }
    if (t.is("IS")) {
      next();
      requireValue(left);
      boolean isNot = acceptWord("NOT");
      Token nul = peek();
      if (!nul.is("NULL")) {
        throw AdqlMessages.expected(nul, "NULL");
      }
      next();
      return (isNot ? SqlStdOperatorTable.IS_NOT_NULL : SqlStdOperatorTable.IS_NULL)
          .createCall(span(start), left);
    }
    return left;
  }

  private static SqlOperator comparisonOperator(Token t) {
    if (t.kind() != Token.Kind.SYMBOL) {
      return null;
    }
    return switch (t.text()) {
      case "=" -> SqlStdOperatorTable.EQUALS;
      case "<>", "!=" -> SqlStdOperatorTable.NOT_EQUALS;
      case "<" -> SqlStdOperatorTable.LESS_THAN;
      case ">" -> SqlStdOperatorTable.GREATER_THAN;
      case "<=" -> SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
      case ">=" -> SqlStdOperatorTable.GREATER_THAN_OR_EQUAL;
      default -> null;
    };
  }

  private SqlNode concatenation(boolean allowStar) {
    Token start = peek();
    SqlNode left = bitOr(allowStar);
    while (peek().isSymbol("||")) {
      Token op = next();
      SqlNode right = bitOr(false);
      left = arithmetic(SqlStdOperatorTable.CONCAT, op, start, left, right);
    }
    return left;
  }

  private SqlNode bitOr(boolean allowStar) {
    Token start = peek();
    SqlNode left = bitXor(allowStar);
    while (peek().isSymbol("|")) {
      Token op = next();
      left = bitwise("BIT_OR", op, start, left, bitXor(false));
    }
    return left;
  }

  private SqlNode bitXor(boolean allowStar) {
    Token start = peek();
    SqlNode left = bitAnd(allowStar);
    while (peek().isSymbol("^")) {
      Token op = next();
      left = bitwise("BIT_XOR", op, start, left, bitAnd(false));
    }
    return left;
  }

  private SqlNode bitAnd(boolean allowStar) {
    Token start = peek();
    SqlNode left = additive(allowStar);
    while (peek().isSymbol("&")) {
      Token op = next();
      left = bitwise("BIT_AND", op, start, left, additive(false));
    }
    return left;
  }

  private SqlNode bitwise(String name, Token op, Token start, SqlNode left, SqlNode right) {
    requireValue(left);
    requireValue(right);
    chain();
    return functions.call(new Token(Token.Kind.WORD, name, op.line(), op.column(), op.endLine(),
        op.endColumn()), List.of(left, right), span(start));
  }

  private SqlNode additive(boolean allowStar) {
    Token start = peek();
    SqlNode left = multiplicative(allowStar);
    while (peek().isSymbol("+") || peek().isSymbol("-")) {
      Token op = next();
      SqlNode right = multiplicative(false);
      left = arithmetic(op.text().equals("+") ? SqlStdOperatorTable.PLUS
          : SqlStdOperatorTable.MINUS, op, start, left, right);
    }
    return left;
  }

  private SqlNode multiplicative(boolean allowStar) {
    Token start = peek();
    SqlNode left = unary(allowStar);
    while (peek().isSymbol("*") || peek().isSymbol("/")) {
      Token op = next();
      SqlNode right = unary(false);
      left = arithmetic(op.text().equals("*") ? SqlStdOperatorTable.MULTIPLY
          : SqlStdOperatorTable.DIVIDE, op, start, left, right);
    }
    return left;
  }

  private SqlNode arithmetic(SqlOperator op, Token opToken, Token start, SqlNode left,
      SqlNode right) {
    requireValue(left);
    requireValue(right);
    if (GeometryShapes.isGeometryConstructor(left)) {
      throw AdqlMessages.geometryOperand(left.getParserPosition(), opToken.text());
    }
    if (GeometryShapes.isGeometryConstructor(right)) {
      throw AdqlMessages.geometryOperand(right.getParserPosition(), opToken.text());
    }
    chain();
    return op.createCall(span(start), left, right);
  }

  private SqlNode unary(boolean allowStar) {
    Token t = peek();
    if (t.isSymbol("-") || t.isSymbol("+") || t.isSymbol("~")) {
      next();
      enter();
      SqlNode operand = unary(false);
      leave();
      requireValue(operand);
      if (t.isSymbol("+")) {
        return operand;
      }
      if (t.isSymbol("~")) {
        return functions.call(new Token(Token.Kind.WORD, "BIT_NOT", t.line(), t.column(),
            t.endLine(), t.endColumn()), List.of(operand), span(t));
      }
      if (operand instanceof SqlLiteral lit && lit.getTypeName() != null
          && SqlTypeName.NUMERIC_TYPES.contains(lit.getTypeName())) {
        return SqlLiteral.createNegative((org.apache.calcite.sql.SqlNumericLiteral) lit, span(t));
      }
      return SqlStdOperatorTable.UNARY_MINUS.createCall(span(t), operand);
    }
    return primary(allowStar);
  }

  private SqlNode primary(boolean allowStar) {
    Token t = peek();
    switch (t.kind()) {
      case INTEGER:
        next();
        return SqlLiteral.createExactNumeric(t.text(), t.pos());
      case DECIMAL:
        next();
        return t.text().contains("e") || t.text().contains("E")
            ? SqlLiteral.createApproxNumeric(t.text(), t.pos())
            : SqlLiteral.createExactNumeric(t.text(), t.pos());
      case HEX:
        next();
        return SqlLiteral.createExactNumeric(new BigInteger(t.text().substring(2), 16).toString(),
            t.pos());
      case STRING:
        next();
        return string(t, continuedString(t));
      case QUOTED:
        return columnReference(allowStar);
      case SYMBOL:
        if (t.isSymbol("(")) {
          return parenthesized();
        }
        throw AdqlMessages.expected(t, "a value");
      case WORD:
        return wordPrimary(t, allowStar);
      default:
        throw AdqlMessages.expected(t, "a value");
    }
  }

  /** SQL's continued literals: {@code 'abc' 'def'} separated by blanks is one string. */
  private String continuedString(Token first) {
    StringBuilder sb = new StringBuilder(first.text());
    while (peek().kind() == Token.Kind.STRING) {
      sb.append(next().text());
    }
    return sb.toString();
  }

  private SqlNode string(Token t, String value) {
    try {
      return SqlLiteral.createCharString(value, span(t));
    } catch (RuntimeException e) {
      throw AdqlMessages.unsupported(t.pos(), "a string literal with characters outside"
          + " ISO-8859-1");
    }
  }

  private SqlNode parenthesized() {
    Token open = peek();
    if (peekAt(1).is("SELECT") || peekAt(1).is("WITH")) {
      return parenthesizedQuery();
    }
    next();
    enter();
    SqlNode inner = expression(false);
    leave();
    expect(")");
    return inner;
  }

  private SqlNode parenthesizedQuery() {
    Token open = peek();
    if (!open.isSymbol("(")) {
      throw AdqlMessages.expected(open, "( and a subquery");
    }
    next();
    if (peek().is("WITH")) {
      throw AdqlMessages.withNotAtTop(peek().pos());
    }
    enter();
    SqlNode q = queries.get();
    leave();
    expect(")");
    return q;
  }

  private SqlNode wordPrimary(Token t, boolean allowStar) {
    String upper = t.upper();
    switch (upper) {
      case "NULL":
        next();
        return SqlLiteral.createNull(t.pos());
      case "TRUE":
      case "FALSE":
        next();
        return SqlLiteral.createBoolean(upper.equals("TRUE"), t.pos());
      case "CASE":
        return caseExpression();
      case "CAST":
        return cast();
      case "COUNT":
      case "AVG":
      case "MIN":
      case "MAX":
      case "SUM":
        if (peekAt(1).isSymbol("(")) {
          return aggregate();
        }
        break;
      default:
        break;
    }
    if (peekAt(1).isSymbol("(")) {
      return functionCall();
    }
    return columnReference(allowStar);
  }

  private SqlNode functionCall() {
    Token name = next();
    expect("(");
    enter();
    List<SqlNode> args = new ArrayList<>();
    if (!peek().isSymbol(")")) {
      do {
        args.add(value());
      } while (accept(","));
    }
    leave();
    expect(")");
    return functions.call(name, args, span(name));
  }

  private SqlNode aggregate() {
    Token name = next();
    expect("(");
    SqlOperator op = switch (name.upper()) {
      case "COUNT" -> SqlStdOperatorTable.COUNT;
      case "AVG" -> SqlStdOperatorTable.AVG;
      case "MIN" -> SqlStdOperatorTable.MIN;
      case "MAX" -> SqlStdOperatorTable.MAX;
      default -> SqlStdOperatorTable.SUM;
    };
    if (name.is("COUNT") && peek().isSymbol("*")) {
      Token star = next();
      expect(")");
      return op.createCall(span(name), SqlIdentifier.star(star.pos()));
    }
    SqlLiteral quantifier = null;
    if (peek().is("DISTINCT")) {
      quantifier = SqlSelectKeyword.DISTINCT.symbol(next().pos());
    } else if (peek().is("ALL")) {
      next();
    }
    enter();
    SqlNode arg = value();
    leave();
    expect(")");
    return op.createCall(quantifier, span(name), arg);
  }

  private SqlNode caseExpression() {
    Token start = next();
    SqlNode operand = null;
    if (!peek().is("WHEN")) {
      operand = value();
    }
    List<SqlNode> whens = new ArrayList<>();
    List<SqlNode> thens = new ArrayList<>();
    if (!peek().is("WHEN")) {
      throw AdqlMessages.expected(peek(), "WHEN");
    }
    while (acceptWord("WHEN")) {
      whens.add(operand == null ? condition("WHEN") : value());
      expectWord("THEN");
      thens.add(value());
    }
    SqlNode elseValue = null;
    if (acceptWord("ELSE")) {
      elseValue = value();
    }
    expectWord("END");
    return SqlCase.createSwitched(span(start), operand, new SqlNodeList(whens, start.pos()),
        new SqlNodeList(thens, start.pos()), elseValue);
  }

  private SqlNode cast() {
    Token start = next();
    expect("(");
    SqlNode operand = value();
    expectWord("AS");
    Token type = peek();
    if (type.kind() != Token.Kind.WORD) {
      throw AdqlMessages.expected(type, "a type name");
    }
    next();
    Integer length = null;
    SqlTypeName typeName;
    switch (type.upper()) {
      case "SMALLINT" -> typeName = SqlTypeName.SMALLINT;
      case "INTEGER" -> typeName = SqlTypeName.INTEGER;
      case "BIGINT" -> typeName = SqlTypeName.BIGINT;
      case "REAL" -> typeName = SqlTypeName.REAL;
      case "DOUBLE" -> {
        Token precision = peek();
        if (!precision.is("PRECISION")) {
          throw AdqlMessages.expected(precision, "PRECISION after DOUBLE");
        }
        next();
        typeName = SqlTypeName.DOUBLE;
      }
      case "CHAR", "CHARACTER", "VARCHAR" -> {
        typeName = type.is("VARCHAR") ? SqlTypeName.VARCHAR : SqlTypeName.CHAR;
        if (accept("(")) {
          Token n = peek();
          if (n.kind() != Token.Kind.INTEGER) {
            throw AdqlMessages.expected(n, "a length");
          }
          next();
          length = Integer.valueOf(n.text());
          expect(")");
        }
      }
      case "TIMESTAMP" -> typeName = SqlTypeName.TIMESTAMP;
      case "POINT", "CIRCLE", "POLYGON" -> {
        expect(")");
        return functions.call(new Token(Token.Kind.WORD, "CAST_" + type.upper(), start.line(),
            start.column(), start.endLine(), start.endColumn()), List.of(operand), span(start));
      }
      default -> throw AdqlMessages.unsupportedCastType(type);
    }
    expect(")");
    SqlBasicTypeNameSpec spec = length == null
        ? new SqlBasicTypeNameSpec(typeName, type.pos())
        : new SqlBasicTypeNameSpec(typeName, length, type.pos());
    return SqlStdOperatorTable.CAST.createCall(span(start), operand,
        new SqlDataTypeSpec(spec, type.pos()));
  }

  private SqlNode columnReference(boolean allowStar) {
    Token start = peek();
    List<String> names = new ArrayList<>();
    List<SqlParserPos> positions = new ArrayList<>();
    names.add(namePart("a value"));
    positions.add(start.pos());
    while (peek().isSymbol(".")) {
      next();
      Token part = peek();
      if (part.isSymbol("*")) {
        if (!allowStar) {
          throw AdqlMessages.expected(part, "a column name");
        }
        next();
        names.add("");
        positions.add(part.pos());
        if (names.size() > 4) {
          throw AdqlMessages.tooManyNameParts(span(start), "table", 3);
        }
        return SqlIdentifier.star(names, span(start), positions);
      }
      names.add(namePart("a column name"));
      positions.add(part.pos());
    }
    if (names.size() > 4) {
      throw AdqlMessages.tooManyNameParts(span(start), "column", 4);
    }
    return new SqlIdentifier(names, null, span(start), positions);
  }

}
