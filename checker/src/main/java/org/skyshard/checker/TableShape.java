package org.skyshard.checker;

import java.util.List;

/**
 * One table as a site holds it.
 *
 * @param name the table name
 * @param kind director, child or replicated
 * @param columns the columns in schema order with their stored types
 * @param rows the row count the site's manifest states
 * @param key the primary-key columns rows are identified by
 * @param problems what is wrong inside this site (a chunk file missing, types mixed across
 *     files), one line each
 */
public record TableShape(String name, String kind, List<ColumnShape> columns, long rows,
    List<String> key, List<String> problems) {
  public TableShape {
    columns = List.copyOf(columns);
    key = List.copyOf(key);
    problems = List.copyOf(problems);
  }

  /** The column names in order. */
  public List<String> columnNames() {
    return columns.stream().map(ColumnShape::name).toList();
  }
}
