package org.skyshard.query.plan;

/**
 * How the czar merges fragment results.
 *
 * @param kind concatenation in Java, or SQL over the table {@code partials}
 * @param sql the merge SQL (DuckDB) over {@code "partials"} when {@code kind} is SQL; else null
 * @param offset rows to skip in a concatenation
 * @param limit most rows of a concatenation, or -1 for no limit; with a limit the czar stops
 *     and cancels the remaining fragments once it has enough rows
 */
public record MergePlan(Kind kind, String sql, long offset, long limit) {
  /** The merge kinds. */
  public enum Kind {
    /** Rows pass through as fragments deliver them. */
    CONCAT,
    /** Partial rows are collected into {@code partials} and the merge SQL runs over them. */
    SQL
  }

  /** The name of the table of partial rows in merge SQL. */
  public static final String PARTIALS = "partials";

  /** Plain concatenation. */
  public static MergePlan concat(long offset, long limit) {
    return new MergePlan(Kind.CONCAT, null, offset, limit);
  }

  /** A merge by SQL. */
  public static MergePlan sql(String sql) {
    return new MergePlan(Kind.SQL, sql, 0, -1);
  }
}
