package org.skyshard.adql;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A recursive-descent parser for the whole ADQL 2.1 query grammar, building Calcite
 * {@link SqlNode}s directly; every node carries the line and column of its text. Nesting is
 * limited to {@link #MAX_DEPTH} levels so hostile input cannot exhaust the stack.
 */
final class AdqlParser {
  /** The deepest nesting of parentheses, subqueries and operator chains accepted. */
  static final int MAX_DEPTH = 150;

  private final List<Token> tokens;
  private final FunctionResolver functions;
  private final boolean bareColumnConditions;
  private int p;
  private int depth;

  private AdqlParser(List<Token> tokens, FunctionResolver functions,
      boolean bareColumnConditions) {
    this.tokens = tokens;
    this.functions = functions;
    this.bareColumnConditions = bareColumnConditions;
  }

  /**
   * Parses one ADQL query.
   *
   * @param bareColumnConditions whether a bare column may stand as a condition (a boolean
   *     column, checked later by the validator); strict ADQL does not allow it
   */
  static SqlNode parse(String adql, FunctionResolver functions, boolean bareColumnConditions) {
    return parseWithNames(adql, functions, bareColumnConditions).query();
  }

  /**
   * A parsed query with the delimited identifiers it uses as references and the names it
   * defines (aliases, query names), for the case-sensitivity check of delimited identifiers.
   */
  record Parsed(SqlNode query, List<Token> delimitedReferences, java.util.Set<String> defined) {}

  static Parsed parseWithNames(String adql, FunctionResolver functions,
      boolean bareColumnConditions) {
    List<Token> tokens = AdqlLexer.tokenize(adql);
    if (tokens.get(0).kind() == Token.Kind.EOF) {
      throw AdqlMessages.emptyQuery();
    }
    AdqlParser parser = new AdqlParser(tokens, functions, bareColumnConditions);
    SqlNode query = parser.topQuery();
    Token end = parser.peek();
    if (end.kind() != Token.Kind.EOF) {
      throw parser.misspeltKeyword(end, "end of query");
    }
    return new Parsed(query, parser.delimitedReferences, parser.defined);
  }

  private final List<Token> delimitedReferences = new ArrayList<>();
  private final java.util.Set<String> defined = new java.util.HashSet<>();

  // ---------------------------------------------------------------- queries

  private SqlNode topQuery() {
    Token first = peek();
    if (first.is("WITH")) {
      next();
      List<SqlNode> items = new ArrayList<>();
      do {
        items.add(withItem());
      } while (accept(","));
      SqlNode body = queryExpression();
      return new SqlWith(first.pos(), new SqlNodeList(items, first.pos()), body);
    }
    if (!first.is("SELECT") && !first.isSymbol("(")) {
      throw AdqlMessages.notStatement(first);
    }
    return queryExpression();
  }

  private SqlNode withItem() {
    Token nameToken = peek();
    SqlIdentifier name = simpleName("a query name");
    SqlNodeList columns = null;
    if (peek().isSymbol("(")) {
      next();
      List<SqlNode> cols = new ArrayList<>();
      do {
        cols.add(simpleName("a column name"));
      } while (accept(","));
      expect(")");
      columns = new SqlNodeList(cols, nameToken.pos());
    }
    expectWord("AS");
    expect("(");
    SqlNode query = queryExpression();
    expect(")");
    return new SqlWithItem(span(nameToken), name, columns, query);
  }

  /** Set operations over SELECTs, then ORDER BY and OFFSET for the whole. */
  private SqlNode queryExpression() {
    enter();
    Token start = peek();
    SqlNode left = queryTerm();
    while (peek().is("UNION") || peek().is("EXCEPT")) {
      Token op = next();
      boolean all = acceptWord("ALL");
      SqlNode right = queryTerm();
      SqlOperator operator = op.is("UNION")
          ? (all ? SqlStdOperatorTable.UNION_ALL : SqlStdOperatorTable.UNION)
          : (all ? SqlStdOperatorTable.EXCEPT_ALL : SqlStdOperatorTable.EXCEPT);
      left = operator.createCall(span(start), left, right);
    }
    SqlNodeList orderBy = null;
    SqlNode offset = null;
    if (peek().is("ORDER")) {
      Token order = next();
      expectWord("BY");
      List<SqlNode> items = new ArrayList<>();
      do {
        items.add(orderItem());
      } while (accept(","));
      orderBy = new SqlNodeList(items, order.pos());
    }
    if (peek().is("OFFSET")) {
      next();
      offset = unsignedInteger("OFFSET");
    }
    leave();
    if (orderBy == null && offset == null) {
      return left;
    }
    if (left instanceof SqlSelect select && select.getOrderList() == null
        && select.getOffset() == null) {
      select.setOrderBy(orderBy);
      select.setOffset(offset);
      return select;
    }
    return new SqlOrderBy(span(start), left,
        orderBy == null ? SqlNodeList.EMPTY : orderBy, offset, null);
  }

  private SqlNode queryTerm() {
    Token start = peek();
    SqlNode left = queryPrimary();
    while (peek().is("INTERSECT")) {
      next();
      boolean all = acceptWord("ALL");
      SqlNode right = queryPrimary();
      left = (all ? SqlStdOperatorTable.INTERSECT_ALL : SqlStdOperatorTable.INTERSECT)
          .createCall(span(start), left, right);
    }
    return left;
  }

  private SqlNode queryPrimary() {
    Token t = peek();
    if (t.isSymbol("(")) {
      next();
      if (peek().is("WITH")) {
        throw AdqlMessages.withNotAtTop(peek().pos());
      }
      SqlNode q = queryExpression();
      expect(")");
      return q;
    }
    if (t.is("SELECT")) {
      return select();
    }
    throw AdqlMessages.expected(t, "SELECT");
  }

  private SqlSelect select() {
    Token start = expectWord("SELECT");
    List<SqlNode> keywords = new ArrayList<>();
    if (peek().is("DISTINCT")) {
      keywords.add(SqlSelectKeyword.DISTINCT.symbol(next().pos()));
    } else if (peek().is("ALL")) {
      keywords.add(SqlSelectKeyword.ALL.symbol(next().pos()));
    }
    SqlNode fetch = null;
    if (peek().is("TOP")) {
      next();
      fetch = unsignedInteger("TOP");
    }
    SqlNodeList selectList = selectList();
    Token from = peek();
    if (!from.is("FROM")) {
      throw misspeltKeyword(from, "FROM");
    }
    next();
    SqlNode fromClause = fromList();
    SqlNode where = null;
    if (acceptWord("WHERE")) {
      where = condition("WHERE");
    }
    SqlNodeList groupBy = null;
    if (peek().is("GROUP")) {
      Token g = next();
      expectWord("BY");
      List<SqlNode> items = new ArrayList<>();
      do {
        items.add(value());
      } while (accept(","));
      groupBy = new SqlNodeList(items, g.pos());
    }
    SqlNode having = null;
    if (acceptWord("HAVING")) {
      having = condition("HAVING");
    }
    return new SqlSelect(span(start), new SqlNodeList(keywords, start.pos()), selectList,
        fromClause, where, groupBy, having, null, null, null, null, fetch, null);
  }

  private SqlNodeList selectList() {
    Token start = peek();
    List<SqlNode> items = new ArrayList<>();
    if (peek().is("FROM")) {
      throw AdqlMessages.expected(peek(), "a column, an expression or *");
    }
    do {
      items.add(selectItem());
    } while (accept(","));
    return new SqlNodeList(items, start.pos());
  }

  private SqlNode selectItem() {
    Token start = peek();
    if (start.isSymbol("*")) {
      return SqlIdentifier.star(next().pos());
    }
    SqlNode expr = expression(true);
    if (expr instanceof SqlIdentifier id && id.isStar()) {
      return expr;
    }
    requireValue(expr);
    SqlIdentifier alias = optionalAlias();
    return alias == null ? expr : SqlStdOperatorTable.AS.createCall(span(start), expr, alias);
  }

  private SqlIdentifier optionalAlias() {
    if (acceptWord("AS")) {
      return simpleName("an alias");
    }
    Token t = peek();
    if (t.kind() == Token.Kind.QUOTED
        || (t.kind() == Token.Kind.WORD && !ReservedWords.isReserved(t.text()))) {
      SqlIdentifier alias = simpleName("an alias");
      lastImplicitAlias = t;
      return alias;
    }
    return null;
  }

  /**
   * A syntax error just after an alias written without AS, when that alias looks like a
   * misspelt keyword ({@code FORM} for FROM): the misspelling is the real error.
   */
  private AdqlException misspeltKeyword(Token found, String expected) {
    Token alias = lastImplicitAlias;
    if (alias != null && p > 0 && tokens.get(p - 1) == alias && alias.kind() == Token.Kind.WORD) {
      for (String keyword : CLAUSE_KEYWORDS) {
        if (EditDistance.between(alias.upper(), keyword) <= 2 && alias.text().length() >= 3) {
          return keyword.equals(expected) ? AdqlMessages.expected(alias, expected)
              : AdqlMessages.expected(alias, expected + " (or did you mean " + keyword + "?)");
        }
      }
    }
    return AdqlMessages.expected(found, expected);
  }

  private static final List<String> CLAUSE_KEYWORDS = List.of("FROM", "WHERE", "GROUP", "ORDER",
      "HAVING", "JOIN", "UNION", "OFFSET", "INNER", "LEFT", "RIGHT", "NATURAL", "USING");
  private Token lastImplicitAlias;

  private SqlNode orderItem() {
    Token start = peek();
    SqlNode e = value();
    if (acceptWord("DESC")) {
      return SqlStdOperatorTable.DESC.createCall(span(start), e);
    }
    acceptWord("ASC");
    return e;
  }

  // ---------------------------------------------------------------- FROM

  private SqlNode fromList() {
    Token start = peek();
    SqlNode left = tableReference();
    while (peek().isSymbol(",")) {
      Token comma = next();
      SqlNode right = tableReference();
      left = new SqlJoin(span(start), left, SqlLiteral.createBoolean(false, comma.pos()),
          JoinType.COMMA.symbol(comma.pos()), right,
          JoinConditionType.NONE.symbol(comma.pos()), null);
    }
    return left;
  }

  private SqlNode tableReference() {
    enter();
    Token start = peek();
    SqlNode left = tablePrimary();
    while (true) {
      Token t = peek();
      boolean natural = false;
      if (t.is("NATURAL")) {
        natural = true;
        next();
        t = peek();
      }
      JoinType type;
      if (t.is("JOIN")) {
        type = JoinType.INNER;
      } else if (t.is("INNER")) {
        next();
        type = JoinType.INNER;
      } else if (t.is("LEFT") || t.is("RIGHT") || t.is("FULL")) {
        next();
        acceptWord("OUTER");
        type = t.is("LEFT") ? JoinType.LEFT : t.is("RIGHT") ? JoinType.RIGHT : JoinType.FULL;
      } else if (natural) {
        throw AdqlMessages.expected(t, "JOIN");
      } else {
        break;
      }
      Token join = peek();
      if (!join.is("JOIN")) {
        throw AdqlMessages.expected(join, "JOIN");
      }
      next();
      SqlNode right = tablePrimary();
      JoinConditionType conditionType = JoinConditionType.NONE;
      SqlNode condition = null;
      if (!natural && peek().is("ON")) {
        next();
        conditionType = JoinConditionType.ON;
        condition = condition("ON");
      } else if (!natural && peek().is("USING")) {
        Token using = next();
        expect("(");
        List<SqlNode> cols = new ArrayList<>();
        do {
          Token col = peek();
          cols.add(new SqlIdentifier(namePart("a column name"), col.pos()));
        } while (accept(","));
        expect(")");
        conditionType = JoinConditionType.USING;
        condition = new SqlNodeList(cols, using.pos());
      } else if (!natural && type == JoinType.INNER) {
        // ADQL's grammar makes the join specification optional: a plain cross join.
        type = JoinType.CROSS;
      }
      left = new SqlJoin(span(start), left, SqlLiteral.createBoolean(natural, t.pos()),
          type.symbol(t.pos()), right, conditionType.symbol(t.pos()), condition);
    }
    leave();
    return left;
  }

  private SqlNode tablePrimary() {
    Token start = peek();
    if (start.isSymbol("(")) {
      enter();
      next();
      if (peek().is("WITH")) {
        throw AdqlMessages.withNotAtTop(peek().pos());
      }
      if (peek().is("SELECT")) {
        SqlNode query = queryExpression();
        expect(")");
        leave();
        SqlIdentifier alias = optionalAlias();
        if (alias == null) {
          throw AdqlMessages.derivedTableNeedsAlias(span(start));
        }
        return SqlStdOperatorTable.AS.createCall(span(start), query, alias);
      }
      SqlNode joined = tableReference();
      expect(")");
      leave();
      return joined;
    }
    SqlIdentifier name = compoundName(3, "table");
    if (peek().isSymbol("(")) {
      throw AdqlMessages.tableFunction(name.getParserPosition(), String.join(".", name.names));
    }
    SqlIdentifier alias = optionalAlias();
    return alias == null ? name : SqlStdOperatorTable.AS.createCall(span(start), name, alias);
  }

  // ---------------------------------------------------------------- expressions

  private SqlNode condition(String clause) {
    SqlNode c = expression(false);
    requireCondition(c, clause);
    return c;
  }

  private SqlNode value() {
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

  private void requireValue(SqlNode v) {
    if (Conditions.isPredicate(v)) {
      throw AdqlMessages.conditionAsValue(v.getParserPosition());
    }
    if (v instanceof SqlIdentifier id && id.isStar()) {
      throw AdqlMessages.invalid(v.getParserPosition(), "* is only allowed in the select list"
          + " and in COUNT(*)");
    }
  }

  private SqlNode expression(boolean allowStar) {
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
    SqlNode q = queryExpression();
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

  // ---------------------------------------------------------------- names and tokens

  private SqlIdentifier compoundName(int maxParts, String what) {
    Token start = peek();
    List<String> names = new ArrayList<>();
    List<SqlParserPos> positions = new ArrayList<>();
    do {
      positions.add(peek().pos());
      names.add(namePart("a " + what + " name"));
    } while (accept("."));
    if (names.size() > maxParts) {
      throw AdqlMessages.tooManyNameParts(span(start), what, maxParts);
    }
    return new SqlIdentifier(names, null, span(start), positions);
  }

  private SqlIdentifier simpleName(String what) {
    Token t = peek();
    if (t.kind() == Token.Kind.QUOTED) {
      next();
      defined.add(t.text());
      return new SqlIdentifier(t.text(), t.pos());
    }
    if (t.kind() == Token.Kind.WORD) {
      defined.add(t.text());
    }
    if (t.kind() != Token.Kind.WORD) {
      throw AdqlMessages.expected(t, what);
    }
    if (ReservedWords.isReserved(t.text())) {
      throw reserved(t, what);
    }
    next();
    return new SqlIdentifier(t.text(), t.pos());
  }

  private String namePart() {
    return namePart("a name");
  }

  private String namePart(String expected) {
    Token t = peek();
    if (t.kind() == Token.Kind.QUOTED) {
      next();
      delimitedReferences.add(t);
      return t.text();
    }
    if (t.kind() != Token.Kind.WORD) {
      throw AdqlMessages.expected(t, expected);
    }
    if (ReservedWords.isReserved(t.text())) {
      throw reserved(t, expected);
    }
    next();
    return t.text();
  }

  /**
   * The error for a reserved word where a name was expected: a keyword of the query's structure
   * is a syntax error ("expected a name, found 'FROM'"), a function name needs its parentheses,
   * any other reserved word needs quoting.
   */
  private AdqlException reserved(Token t, String expected) {
    if (ReservedWords.isStructural(t.text())) {
      return AdqlMessages.expected(t, expected);
    }
    if (ReservedWords.isFunctionName(t.text())) {
      return AdqlMessages.functionWithoutParentheses(t);
    }
    return AdqlMessages.reservedWord(t);
  }

  private SqlNode unsignedInteger(String clause) {
    Token t = peek();
    if (t.kind() != Token.Kind.INTEGER) {
      throw AdqlMessages.badLimit(t, clause);
    }
    next();
    return SqlLiteral.createExactNumeric(t.text(), t.pos());
  }

  private Token peek() {
    return tokens.get(p);
  }

  private Token peekAt(int offset) {
    return tokens.get(Math.min(p + offset, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(p);
    if (t.kind() != Token.Kind.EOF) {
      p++;
    }
    return t;
  }

  private boolean accept(String symbol) {
    if (peek().isSymbol(symbol)) {
      next();
      return true;
    }
    return false;
  }

  private boolean acceptWord(String word) {
    if (peek().is(word)) {
      next();
      return true;
    }
    return false;
  }

  private Token expect(String symbol) {
    Token t = peek();
    if (!t.isSymbol(symbol)) {
      throw AdqlMessages.expected(t, "'" + symbol + "'");
    }
    return next();
  }

  private Token expectWord(String word) {
    Token t = peek();
    if (!t.is(word)) {
      throw AdqlMessages.expected(t, word.toUpperCase(Locale.ROOT));
    }
    return next();
  }

  /** The position from {@code start} to the end of the last consumed token. */
  private SqlParserPos span(Token start) {
    Token last = p > 0 ? tokens.get(p - 1) : start;
    if (last.line() < start.line()
        || (last.line() == start.line() && last.column() < start.column())) {
      last = start;
    }
    return new SqlParserPos(start.line(), start.column(), last.endLine(), last.endColumn());
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw AdqlMessages.tooDeep(peek(), MAX_DEPTH);
    }
  }

  private void leave() {
    depth--;
  }

  /**
   * Counts one more link of a left-deep operator chain ({@code a+a+a...}), whose tree is as deep
   * as the chain is long.
   */
  private void chain() {
    if (++chainLength > MAX_CHAIN) {
      throw AdqlMessages.tooDeep(peek(), MAX_CHAIN);
    }
  }

  private static final int MAX_CHAIN = 2000;
  private int chainLength;
}
