package org.skyshard.adql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * What the query and expression parsers share: the token stream of one parse, its nesting
 * counters, and how names, reserved words and misspelt keywords are read and reported.
 */
abstract class ParserBase {
  /** The deepest nesting of parentheses, subqueries and operator chains accepted. */
  static final int MAX_DEPTH = 150;
  /** The longest left-deep operator chain ({@code a+a+a...}) accepted. */
  static final int MAX_CHAIN = 2000;

  /** The mutable state of one parse, shared by the parsers working on it. */
  static final class State {
    final List<Token> tokens;
    int p;
    int depth;
    int chainLength;
    Token lastImplicitAlias;
    final List<Token> delimitedReferences = new ArrayList<>();
    final java.util.Set<String> defined = new java.util.HashSet<>();

    State(List<Token> tokens) {
      this.tokens = tokens;
    }
  }

  protected final State state;

  ParserBase(State state) {
    this.state = state;
  }

  /**
   * A syntax error just after an alias written without AS, when that alias looks like a
   * misspelt keyword ({@code FORM} for FROM): the misspelling is the real error.
   */
  AdqlException misspeltKeyword(Token found, String expected) {
    Token alias = state.lastImplicitAlias;
    if (alias != null && state.p > 0 && state.tokens.get(state.p - 1) == alias
        && alias.kind() == Token.Kind.WORD) {
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


  // ---------------------------------------------------------------- names and tokens

  SqlIdentifier compoundName(int maxParts, String what) {
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

  SqlIdentifier simpleName(String what) {
    Token t = peek();
    if (t.kind() == Token.Kind.QUOTED) {
      next();
      state.defined.add(t.text());
      return new SqlIdentifier(t.text(), t.pos());
    }
    if (t.kind() == Token.Kind.WORD) {
      state.defined.add(t.text());
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

  String namePart() {
    return namePart("a name");
  }

  String namePart(String expected) {
    Token t = peek();
    if (t.kind() == Token.Kind.QUOTED) {
      next();
      state.delimitedReferences.add(t);
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
  AdqlException reserved(Token t, String expected) {
    if (ReservedWords.isStructural(t.text())) {
      return AdqlMessages.expected(t, expected);
    }
    if (ReservedWords.isFunctionName(t.text())) {
      return AdqlMessages.functionWithoutParentheses(t);
    }
    return AdqlMessages.reservedWord(t);
  }

  SqlNode unsignedInteger(String clause) {
    Token t = peek();
    if (t.kind() != Token.Kind.INTEGER) {
      throw AdqlMessages.badLimit(t, clause);
    }
    next();
    return SqlLiteral.createExactNumeric(t.text(), t.pos());
  }


  Token peek() {
    return state.tokens.get(state.p);
  }

  Token peekAt(int offset) {
    return state.tokens.get(Math.min(state.p + offset, state.tokens.size() - 1));
  }

  Token next() {
    Token t = state.tokens.get(state.p);
    if (t.kind() != Token.Kind.EOF) {
      state.p++;
    }
    return t;
  }

  boolean accept(String symbol) {
    if (peek().isSymbol(symbol)) {
      next();
      return true;
    }
    return false;
  }

  boolean acceptWord(String word) {
    if (peek().is(word)) {
      next();
      return true;
    }
    return false;
  }

  Token expect(String symbol) {
    Token t = peek();
    if (!t.isSymbol(symbol)) {
      throw AdqlMessages.expected(t, "'" + symbol + "'");
    }
    return next();
  }

  Token expectWord(String word) {
    Token t = peek();
    if (!t.is(word)) {
      throw AdqlMessages.expected(t, word.toUpperCase(Locale.ROOT));
    }
    return next();
  }

  /** The position from {@code start} to the end of the last consumed token. */
  SqlParserPos span(Token start) {
    Token last = state.p > 0 ? state.tokens.get(state.p - 1) : start;
    if (last.line() < start.line()
        || (last.line() == start.line() && last.column() < start.column())) {
      last = start;
    }
    return new SqlParserPos(start.line(), start.column(), last.endLine(), last.endColumn());
  }

  void enter() {
    if (++state.depth > MAX_DEPTH) {
      throw AdqlMessages.tooDeep(peek(), MAX_DEPTH);
    }
  }

  void leave() {
    state.depth--;
  }

  /**
   * Counts one more link of a left-deep operator chain ({@code a+a+a...}), whose tree is as deep
   * as the chain is long.
   */
  void chain() {
    if (++state.chainLength > MAX_CHAIN) {
      throw AdqlMessages.tooDeep(peek(), MAX_CHAIN);
    }
  }

}