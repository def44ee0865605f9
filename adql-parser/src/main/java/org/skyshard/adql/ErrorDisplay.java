package org.skyshard.adql;

/** Shows where an error is: the offending line of the query with carets under the text. */
public final class ErrorDisplay {
  private ErrorDisplay() {}

  /** The query line of the error and a line of carets under the offending text. */
  public static String excerpt(String query, AdqlException e) {
    String[] lines = query.split("\n", -1);
    if (e.line() < 1 || e.line() > lines.length) {
      return "";
    }
    String line = lines[e.line() - 1].replace('\t', ' ');
    int from = Math.min(e.column() - 1, line.length());
    int to = e.endLine() == e.line() ? Math.min(Math.max(e.endColumn(), e.column()), line.length())
        : line.length();
    StringBuilder carets = new StringBuilder(" ".repeat(Math.max(0, from)));
    carets.append("^".repeat(Math.max(1, to - from)));
    return "  " + line + "\n  " + carets;
  }
}
