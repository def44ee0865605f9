package org.skyshard.adql;

import java.util.Locale;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * One lexical token of an ADQL query with its position.
 *
 * @param kind the token kind
 * @param text the token text: identifier or keyword as written, string and delimited
 *     identifier contents unescaped, operator spelling
 * @param line 1-based line of the first character
 * @param column 1-based column of the first character
 * @param endLine 1-based line of the last character
 * @param endColumn 1-based column of the last character
 */
record Token(Kind kind, String text, int line, int column, int endLine, int endColumn) {

  /** Token kinds. */
  enum Kind { WORD, QUOTED, STRING, INTEGER, DECIMAL, HEX, SYMBOL, EOF }

  /** True for a regular identifier or keyword spelled {@code word}, case-insensitively. */
  boolean is(String word) {
    return kind == Kind.WORD && text.equalsIgnoreCase(word);
  }

  /** True for the operator or punctuation {@code symbol}. */
  boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  String upper() {
    return text.toUpperCase(Locale.ROOT);
  }

  SqlParserPos pos() {
    return new SqlParserPos(line, column, endLine, endColumn);
  }

  /** How error messages show this token. */
  String describe() {
    return switch (kind) {
      case EOF -> "end of query";
      case STRING -> "'" + text.replace("'", "''") + "'";
      case QUOTED -> "\"" + text.replace("\"", "\"\"") + "\"";
      default -> "'" + text + "'";
    };
  }
}
