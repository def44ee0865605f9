package org.skyshard.schema;

import java.util.List;

/**
 * A Felis foreign-key constraint: {@code columns} of the owning table reference
 * {@code referencedColumns} of {@code referencedTable}.
 */
public record ForeignKey(
    String name,
    String id,
    String description,
    List<String> columns,
    String referencedTable,
    List<String> referencedColumns) {

  public ForeignKey {
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
  }
}
