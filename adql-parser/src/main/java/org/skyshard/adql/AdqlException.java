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

  public AdqlException(String code, int line, int column, String detail) {
    super(line + ":" + column + ": " + detail, null, false, false);
    this.code = code;
    this.line = line;
    this.column = column;
    this.detail = detail;
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
