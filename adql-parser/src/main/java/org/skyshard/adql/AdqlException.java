package org.skyshard.adql;

/**
 * A user error in an ADQL query: a code from {@link AdqlMessages}, the line and column (1-based)
 * where it was found, and a message fit to show the user (never a stack trace).
 */
public final class AdqlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final int line;
  private final int column;
  private final String detail;
  private final int endLine;
  private final int endColumn;

  public AdqlException(String code, int line, int column, String detail) {
    this(code, line, column, line, column, detail);
  }

  /** An error spanning from (line, column) to (endLine, endColumn), both inclusive. */
  public AdqlException(String code, int line, int column, int endLine, int endColumn,
      String detail) {
    this(code, line, column, endLine, endColumn, detail, null);
  }

  /** An error with the exception that caused it (kept for logs, never shown to the user). */
  public AdqlException(String code, int line, int column, int endLine, int endColumn,
      String detail, Throwable cause) {
    super(line + ":" + column + ": " + detail, cause, false, false);
    this.code = code;
    this.line = line;
    this.column = column;
    this.endLine = endLine;
    this.endColumn = endColumn;
    this.detail = detail;
  }

  /** The 1-based line of the end of the offending text. */
  public int endLine() {
    return endLine;
  }

  /** The 1-based column of the last character of the offending text. */
  public int endColumn() {
    return endColumn;
  }

  /** The stable message code ({@code ADQL-101}). */
  public String code() {
    return code;
  }

  /** The 1-based line of the offending text. */
  public int line() {
    return line;
  }

  /** The 1-based column of the offending text. */
  public int column() {
    return column;
  }

  /** The message without its position. */
  public String detail() {
    return detail;
  }
}
