package org.skyshard.adql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
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
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * A recursive-descent parser for the whole ADQL 2.1 query grammar, building Calcite
 * {@link SqlNode}s directly; every node carries the line and column of its text. Nesting is
 * limited ({@link ParserBase#MAX_DEPTH}) so hostile input cannot exhaust the stack. This class
 * reads queries, FROM clauses and select lists; {@link ExpressionParser} reads expressions.
 */
final class AdqlParser extends ParserBase {
  private final ExpressionParser expressions;

  private AdqlParser(State state, FunctionResolver functions, boolean bareColumnConditions) {
    super(state);
    this.expressions = new ExpressionParser(state, functions, bareColumnConditions,
        this::queryExpression);
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
    AdqlParser parser = new AdqlParser(new State(tokens), functions, bareColumnConditions);
    SqlNode query = parser.topQuery();
    Token end = parser.peek();
    if (end.kind() != Token.Kind.EOF) {
      throw parser.misspeltKeyword(end, "end of query");
    }
    return new Parsed(query, parser.state.delimitedReferences, parser.state.defined);
  }

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
      where = expressions.condition("WHERE");
    }
    SqlNodeList groupBy = null;
    if (peek().is("GROUP")) {
      Token g = next();
      expectWord("BY");
      List<SqlNode> items = new ArrayList<>();
      do {
        items.add(expressions.value());
      } while (accept(","));
      groupBy = new SqlNodeList(items, g.pos());
    }
    SqlNode having = null;
    if (acceptWord("HAVING")) {
      having = expressions.condition("HAVING");
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
    SqlNode expr = expressions.expression(true);
    if (expr instanceof SqlIdentifier id && id.isStar()) {
      return expr;
    }
    expressions.requireValue(expr);
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
      state.lastImplicitAlias = t;
      return alias;
    }
    return null;
  }

  /**
   * A syntax error just after an alias written without AS, when that alias looks like a
   * misspelt keyword ({@code FORM} for FROM): the misspelling is the real error.
   */
  private SqlNode orderItem() {
    Token start = peek();
    SqlNode e = expressions.value();
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
        condition = expressions.condition("ON");
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

}
