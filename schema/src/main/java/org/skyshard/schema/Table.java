package org.skyshard.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One Felis table: its columns in schema order, keys and TAP metadata.
 *
 * <p>Column lookup follows ADQL's rule for regular identifiers: case-insensitive.
 */
public final class Table {
  private final String name;
  private final String id;
  private final String description;
  private final List<Column> columns;
  private final List<String> primaryKey;
  private final List<ForeignKey> foreignKeys;
  private final Integer tableIndex;
  private final Map<String, Column> byLowerName;

  public Table(String name, String id, String description, List<Column> columns,
      List<String> primaryKey, List<ForeignKey> foreignKeys, Integer tableIndex) {
    this.name = name;
    this.id = id;
    this.description = description;
    this.columns = List.copyOf(columns);
    this.primaryKey = List.copyOf(primaryKey);
    this.foreignKeys = List.copyOf(foreignKeys);
    this.tableIndex = tableIndex;
    Map<String, Column> m = new LinkedHashMap<>();
    for (Column c : columns) {
      m.putIfAbsent(c.name().toLowerCase(Locale.ROOT), c);
    }
    this.byLowerName = Collections.unmodifiableMap(m);
  }

  public String name() {
    return name;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** The columns in schema order. */
  public List<Column> columns() {
    return columns;
  }

  /** Primary-key column names, in key order; empty when the schema declares none. */
  public List<String> primaryKey() {
    return primaryKey;
  }

  public List<ForeignKey> foreignKeys() {
    return foreignKeys;
  }

  /** {@code tap:table_index}, or null. */
  public Integer tableIndex() {
    return tableIndex;
  }

  /** A column by name, case-insensitively. */
  public Optional<Column> column(String columnName) {
    return Optional.ofNullable(byLowerName.get(columnName.toLowerCase(Locale.ROOT)));
  }

  /** The column names in schema order. */
  public List<String> columnNames() {
    List<String> names = new ArrayList<>(columns.size());
    for (Column c : columns) {
      names.add(c.name());
    }
    return names;
  }

  @Override
  public String toString() {
    return name + "(" + columns.size() + " columns)";
  }
}
