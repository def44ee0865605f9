package org.skyshard.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Felis schema (one database schema in TAP terms): its name and tables in file order.
 *
 * @param name the schema name ({@code dp02_dc2_catalogs})
 * @param id the Felis {@code @id}
 * @param description free text, or null
 * @param version the declared {@code version}, or null
 * @param tables the tables, in file order
 */
public record FelisSchema(String name, String id, String description, String version,
    List<Table> tables) {

  public FelisSchema {
    tables = List.copyOf(tables);
  }

  /** A table by name, case-insensitively. */
  public Optional<Table> table(String tableName) {
    String lower = tableName.toLowerCase(Locale.ROOT);
    for (Table t : tables) {
      if (t.name().toLowerCase(Locale.ROOT).equals(lower)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The table names, in file order. */
  public List<String> tableNames() {
    List<String> names = new ArrayList<>(tables.size());
    for (Table t : tables) {
      names.add(t.name());
    }
    return names;
  }
}
