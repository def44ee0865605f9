package org.skyshard.adql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits ADQL text into {@link Token}s with line and column. Regular identifiers are simple Latin
 * letters, digits and underscores starting with a letter; delimited identifiers ({@code "a b"})
 * and strings ({@code 'it''s'}) may hold any character. Comments ({@code --} to end of line, and
 * {@code /* ... *}{@code /}) are skipped.
 */
final class AdqlLexer {
  private static final String[] SYMBOLS = {
    "<>", "!=", "<=", ">=", "||", "(", ")", ",", ".", "*", "/", "+", "-", "=", "<", ">", "&", "|",
    "^", "~", ";"
  };

  private final String text;
  private int index;
  private int line = 1;
  private int column = 1;

  private AdqlLexer(String text) {
    this.text = text;
  }

  /** All tokens of {@code text}, ending with one EOF token. */
  static List<Token> tokenize(String text) {
    return new AdqlLexer(text).run();
  }

  private List<Token> run() {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipBlanksAndComments();
      if (index >= text.length()) {
        tokens.add(new Token(Token.Kind.EOF, "", line, column, line, column));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private void skipBlanksAndComments() {
    while (index < text.length()) {
      char c = text.charAt(index);
      if (Character.isWhitespace(c)) {
        advance();
      } else if (c == '-' && peek(1) == '-') {
        while (index < text.length() && text.charAt(index) != '\n') {
          advance();
        }
      } else if (c == '/' && peek(1) == '*') {
        int startLine = line;
        int startColumn = column;
        advance();
        advance();
        while (true) {
          if (index >= text.length()) {
            throw AdqlMessages.unterminatedComment(startLine, startColumn);
          }
          if (text.charAt(index) == '*' && peek(1) == '/') {
            advance();
            advance();
            break;
          }
          advance();
        }
      } else {
        return;
      }
    }
  }

  private Token next() {
    int startLine = line;
    int startColumn = column;
    char c = text.charAt(index);
    if (isLatinLetter(c)) {
      int start = index;
      while (index < text.length() && isIdentifierPart(text.charAt(index))) {
        advance();
      }
      return token(Token.Kind.WORD, text.substring(start, index), startLine, startColumn);
    }
    if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
      return number(startLine, startColumn);
    }
    if (c == '\'') {
      return quoted('\'', Token.Kind.STRING, startLine, startColumn);
    }
    if (c == '"') {
      Token t = quoted('"', Token.Kind.QUOTED, startLine, startColumn);
      if (t.text().isEmpty()) {
        throw AdqlMessages.emptyIdentifier(startLine, startColumn);
      }
      return t;
    }
    for (String s : SYMBOLS) {
      if (text.startsWith(s, index)) {
        for (int i = 0; i < s.length(); i++) {
          advance();
        }
        return token(Token.Kind.SYMBOL, s, startLine, startColumn);
      }
    }
    throw AdqlMessages.unexpectedCharacter(startLine, startColumn, text.codePointAt(index));
  }

  private Token number(int startLine, int startColumn) {
    int start = index;
    if (text.charAt(index) == '0' && (peek(1) == 'x' || peek(1) == 'X') && isHexDigit(peek(2))) {
      advance();
      advance();
      while (index < text.length() && isHexDigit(text.charAt(index))) {
        advance();
      }
      return token(Token.Kind.HEX, text.substring(start, index), startLine, startColumn);
    }
    boolean decimal = false;
    while (index < text.length() && isDigit(text.charAt(index))) {
      advance();
    }
    if (index < text.length() && text.charAt(index) == '.') {
      decimal = true;
      advance();
      while (index < text.length() && isDigit(text.charAt(index))) {
        advance();
      }
    }
    if (index < text.length() && (text.charAt(index) == 'e' || text.charAt(index) == 'E')) {
      int signOffset = (peek(1) == '+' || peek(1) == '-') ? 2 : 1;
      if (isDigit(peek(signOffset))) {
        decimal = true;
        for (int i = 0; i < signOffset; i++) {
          advance();
        }
        while (index < text.length() && isDigit(text.charAt(index))) {
          advance();
        }
      }
    }
    return token(decimal ? Token.Kind.DECIMAL : Token.Kind.INTEGER, text.substring(start, index),
        startLine, startColumn);
  }

  private Token quoted(char quote, Token.Kind kind, int startLine, int startColumn) {
    StringBuilder sb = new StringBuilder();
    advance();
    while (true) {
      if (index >= text.length()) {
        throw kind == Token.Kind.STRING
            ? AdqlMessages.unterminatedString(startLine, startColumn)
            : AdqlMessages.unterminatedIdentifier(startLine, startColumn);
      }
      char c = text.charAt(index);
      if (c == quote) {
        if (peek(1) == quote) {
          sb.append(quote);
          advance();
          advance();
          continue;
        }
        advance();
        return token(kind, sb.toString(), startLine, startColumn);
      }
      sb.append(c);
      advance();
    }
  }

  private Token token(Token.Kind kind, String value, int startLine, int startColumn) {
    int endColumn = Math.max(startColumn, column - 1);
    return new Token(kind, value, startLine, startColumn, line, endColumn);
  }

  private char peek(int offset) {
    int i = index + offset;
    return i < text.length() ? text.charAt(i) : '\0';
  }

  private void advance() {
    if (text.charAt(index) == '\n') {
      line++;
      column = 1;
    } else {
      column++;
    }
    index++;
  }

  private static boolean isLatinLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isIdentifierPart(char c) {
    return isLatinLetter(c) || isDigit(c) || c == '_';
  }
}
