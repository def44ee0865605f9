package org.skyshard.adql;

import java.util.Collection;
import java.util.Locale;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The one catalogue of user-facing ADQL messages. Each method builds the {@link AdqlException}
 * for one kind of mistake, with a stable code and the position of the offending text. Codes:
 * 1xx lexical, 2xx syntax, 3xx functions, 4xx names, 5xx types and semantics, 6xx unsupported.
 */
public final class AdqlMessages {
  private AdqlMessages() {}

  private static AdqlException at(String code, SqlParserPos pos, String message) {
    int line = Math.max(1, pos.getLineNum());
    int column = Math.max(1, pos.getColumnNum());
    int endLine = Math.max(line, pos.getEndLineNum());
    int endColumn = endLine == line ? Math.max(column, pos.getEndColumnNum())
        : Math.max(1, pos.getEndColumnNum());
    return new AdqlException(code, line, column, endLine, endColumn, message);
  }

  private static AdqlException at(String code, int line, int column, String message) {
    return new AdqlException(code, line, column, message);
  }

  // ---- 1xx lexical

  public static AdqlException emptyQuery() {
    return at("ADQL-100", 1, 1, "the query is empty; expected SELECT or WITH");
  }

  public static AdqlException unexpectedCharacter(int line, int column, int codePoint) {
    String shown = new String(Character.toChars(codePoint));
    String hint = "";
    if (Character.isLetter(codePoint)) {
      hint = "; names outside A-Z, a-z, 0-9 and _ must be written as delimited identifiers"
          + " (\"...\")";
    } else if (codePoint == '_') {
      hint = "; names start with a letter, or are delimited identifiers (\"_name\")";
    }
    return at("ADQL-101", line, column, "unexpected character '" + shown + "'" + hint);
  }

  public static AdqlException unterminatedString(int line, int column) {
    return at("ADQL-102", line, column, "string literal is not terminated; expected a closing '");
  }

  public static AdqlException unterminatedIdentifier(int line, int column) {
    return at("ADQL-103", line, column,
        "delimited identifier is not terminated; expected a closing \"");
  }

  public static AdqlException unterminatedComment(int line, int column) {
    return at("ADQL-104", line, column, "comment is not terminated; expected */");
  }

  public static AdqlException emptyIdentifier(int line, int column) {
    return at("ADQL-105", line, column, "a delimited identifier must not be empty");
  }

  // ---- 2xx syntax

  public static AdqlException expected(Token found, String expected) {
    return at("ADQL-200", found.pos(), "expected " + expected + ", found " + found.describe());
  }

  public static AdqlException reservedWord(Token word) {
    return at("ADQL-201", word.pos(), "'" + word.text() + "' is a reserved word; write \""
        + word.text() + "\" to use it as a name");
  }

  public static AdqlException functionWithoutParentheses(Token word) {
    return at("ADQL-211", word.pos(), "'" + word.text() + "' is a function: write "
        + word.text() + "(...), or \"" + word.text() + "\" for a column of that name");
  }

  public static AdqlException tooDeep(Token at, int limit) {
    return at("ADQL-202", at.pos(), "the query nests deeper than " + limit
        + " levels (parentheses, subqueries or operators)");
  }

  public static AdqlException notACondition(SqlParserPos pos, String clause) {
    return at("ADQL-203", pos, clause + " needs a condition (a comparison, BETWEEN, IN, LIKE,"
        + " IS NULL or EXISTS), not a value; write for example '... = 1'");
  }

  public static AdqlException conditionAsValue(SqlParserPos pos) {
    return at("ADQL-204", pos, "a condition cannot be used as a value here");
  }

  public static AdqlException tooManyNameParts(SqlParserPos pos, String what, int max) {
    return at("ADQL-205", pos, "a " + what + " name has at most " + max + " parts");
  }

  public static AdqlException withNotAtTop(SqlParserPos pos) {
    return at("ADQL-206", pos,
        "WITH is only allowed at the start of the whole query, not inside a subquery");
  }

  public static AdqlException derivedTableNeedsAlias(SqlParserPos pos) {
    return at("ADQL-207", pos, "a subquery in FROM needs a name: write (SELECT ...) AS name");
  }

  public static AdqlException unsupportedCastType(Token type) {
    return at("ADQL-208", type.pos(), "cannot CAST to " + type.text() + "; ADQL allows SMALLINT,"
        + " INTEGER, BIGINT, REAL, DOUBLE PRECISION, CHAR, VARCHAR, TIMESTAMP, POINT, CIRCLE,"
        + " POLYGON");
  }

  public static AdqlException notStatement(Token found) {
    return at("ADQL-209", found.pos(), "ADQL queries start with SELECT or WITH, found "
        + found.describe() + "; only queries are accepted");
  }

  public static AdqlException tableFunction(SqlParserPos pos, String name) {
    return at("ADQL-210", pos, "'" + name + "' is followed by '(' but FROM takes table names;"
        + " table functions are not part of ADQL");
  }

  // ---- 3xx functions

  public static AdqlException unknownFunction(SqlParserPos pos, String name, String suggestion) {
    return at("ADQL-300", pos, "no function " + name + " in ADQL or this service's user-defined"
        + " functions" + didYouMean(suggestion));
  }

  public static AdqlException wrongArity(SqlParserPos pos, String name, int given,
      String expected) {
    return at("ADQL-301", pos, name + " takes " + expected + " argument"
        + (expected.equals("1") ? "" : "s") + ", not " + given);
  }

  public static AdqlException badGeometryArgument(SqlParserPos pos, String function,
      String expected) {
    return at("ADQL-302", pos, function + " expects " + expected + " here");
  }

  public static AdqlException geometryOperand(SqlParserPos pos, String operator) {
    return at("ADQL-303", pos, "a geometry value cannot be an operand of " + operator);
  }

  public static AdqlException forbiddenFunction(SqlParserPos pos, String name) {
    return at("ADQL-304", pos, "'" + name + "' is not an ADQL function; this service runs only"
        + " the functions of ADQL and its documented user-defined functions");
  }

  // ---- 4xx names

  public static AdqlException unknownColumn(SqlParserPos pos, String column, String where,
      String suggestion) {
    return at("ADQL-400", pos, "no column " + column + (where == null ? "" : " in " + where)
        + didYouMean(suggestion));
  }

  public static AdqlException unknownTable(SqlParserPos pos, String table, String suggestion) {
    return at("ADQL-401", pos, "no table " + table + didYouMean(suggestion));
  }

  public static AdqlException ambiguousColumn(SqlParserPos pos, String column) {
    return at("ADQL-402", pos, "column " + column + " is ambiguous: it is in more than one table;"
        + " qualify it with the table name or alias");
  }

  public static AdqlException delimitedCase(SqlParserPos pos, String written, String exact) {
    return at("ADQL-403", pos, "no name \"" + written + "\"; delimited identifiers are"
        + " case-sensitive; did you mean \"" + exact + "\"?");
  }

  // ---- 5xx types and semantics

  public static AdqlException invalid(SqlParserPos pos, String message) {
    return at("ADQL-500", pos, message);
  }

  public static AdqlException typeError(SqlParserPos pos, String message) {
    return at("ADQL-502", pos, message);
  }

  public static AdqlException badLimit(Token token, String clause) {
    return at("ADQL-501", token.pos(), clause + " takes an unsigned integer, found "
        + token.describe());
  }

  // ---- 6xx unsupported

  public static AdqlException unsupported(SqlParserPos pos, String what) {
    return at("ADQL-600", pos, what + " is not supported by this service");
  }

  // ---- 9xx the service's fault

  public static AdqlException internal(Throwable cause) {
    return new AdqlException("ADQL-900", 1, 1, 1, 1, "this query could not be translated because"
        + " of an internal error (" + cause.getClass().getSimpleName() + "); please report it"
        + " with the query", cause);
  }

  /** The closest candidate to {@code name} by edit distance, or null when none is close. */
  public static String closest(String name, Collection<String> candidates) {
    String lower = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = EditDistance.between(lower, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    int allowed = Math.max(2, name.length() / 3);
    return bestDistance <= allowed ? best : null;
  }

  private static String didYouMean(String suggestion) {
    return suggestion == null ? "" : "; did you mean " + suggestion + "?";
  }
}
