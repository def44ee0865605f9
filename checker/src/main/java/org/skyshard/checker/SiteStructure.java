package org.skyshard.checker;

import java.util.List;
import java.util.Optional;

/**
 * What a site holds, without its content.
 *
 * @param site the site's label (A or B) and location
 * @param schemaName the Felis schema name
 * @param schemaVersion its version, or null
 * @param tables the tables in schema order
 */
public record SiteStructure(String site, String schemaName, String schemaVersion,
    List<TableShape> tables) {
  public SiteStructure {
    tables = List.copyOf(tables);
  }

  /** A table by name, case-insensitively. */
  public Optional<TableShape> table(String name) {
    return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
  }
}
