package org.skyshard.query.exec;

/** Applies a row limit (MAXREC + 1) to merge SQL. */
public final class MergeLimits {
  private MergeLimits() {}

  private static final java.util.regex.Pattern TRAILING_OFFSET = java.util.regex.Pattern.compile(
      " OFFSET \\d+$");
  private static final java.util.regex.Pattern TRAILING_LIMIT = java.util.regex.Pattern.compile(
      " LIMIT (\\d+)( OFFSET \\d+)?$");

  /**
   * The merge SQL cut at {@code maxRows} (MAXREC + 1) by its own LIMIT, so that the rows keep the
   * merge's ORDER BY (a LIMIT around an ordered subquery need not).
   */
  public static String limited(String mergeSql, long maxRows) {
    if (maxRows < 0) {
      return mergeSql;
    }
    java.util.regex.Matcher m = TRAILING_LIMIT.matcher(mergeSql);
    if (m.find()) {
      long n = Math.min(Long.parseLong(m.group(1)), maxRows);
      return mergeSql.substring(0, m.start()) + " LIMIT " + n
          + (m.group(2) == null ? "" : m.group(2));
    }
    java.util.regex.Matcher o = TRAILING_OFFSET.matcher(mergeSql);
    if (o.find()) {
      return mergeSql.substring(0, o.start()) + " LIMIT " + maxRows + o.group();
    }
    return mergeSql + " LIMIT " + maxRows;
  }
}
