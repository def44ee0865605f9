package org.skyshard.checker;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One difference between the sites.
 *
 * @param kind what differs
 * @param table the table, or null for the schema as a whole
 * @param key the row's primary key (as text) for row differences, else null
 * @param columns for a changed row, each differing column with both values; else empty
 * @param detail one readable line
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Difference(Kind kind, String table, String key, List<ColumnDiff> columns,
    String detail) {
  public Difference {
    columns = columns == null ? List.of() : List.copyOf(columns);
  }

  /** What kind of difference. */
  public enum Kind {
    /** Schema, tables, columns, types, or a site's own defect (a chunk file missing). */
    STRUCTURE,
    /** The tables' row counts differ. */
    ROW_COUNT,
    /** A row B holds and A does not. */
    MISSING_ON_A,
    /** A row A holds and B does not. */
    MISSING_ON_B,
    /** The same key with different values. */
    CHANGED,
    /** A key held a different number of times (a duplicated row). */
    DUPLICATED,
    /** A cell whose digests differ but whose differing rows could not be listed. */
    CELL,
    /** A query of the query-level check answered differently (key: the query's id). */
    QUERY
  }

  /**
   * One column of a changed row.
   *
   * @param column the column name
   * @param a the value on site A, as text ({@code NULL} for NULL)
   * @param b the value on site B
   */
  public record ColumnDiff(String column, String a, String b) {}

  static Difference structure(String table, String detail) {
    return new Difference(Kind.STRUCTURE, table, null, List.of(), detail);
  }
}
