package org.skyshard.adql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.skyshard.schema.Column;
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.Table;

/** Name lookups over the schemas of a {@link TranslationContext}, case-insensitively. */
final class SchemaIndex {
  private final List<FelisSchema> schemas;

  SchemaIndex(List<FelisSchema> schemas) {
    this.schemas = schemas;
  }

  List<FelisSchema> schemas() {
    return schemas;
  }

  /** A schema by name. */
  Optional<FelisSchema> schema(String name) {
    for (FelisSchema s : schemas) {
      if (s.name().equalsIgnoreCase(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** A table by its name parts ({@code [schema, table]}; a bare name must be unique). */
  Optional<QualifiedTable> table(List<String> names) {
    if (names.size() >= 2) {
      String schemaName = names.get(names.size() - 2);
      String tableName = names.get(names.size() - 1);
      return schema(schemaName).flatMap(s -> s.table(tableName).map(t -> new QualifiedTable(s, t)));
    }
    if (names.size() == 1) {
      for (FelisSchema s : schemas) {
        Optional<Table> t = s.table(names.get(0));
        if (t.isPresent()) {
          return Optional.of(new QualifiedTable(s, t.get()));
        }
      }
    }
    return Optional.empty();
  }

  /** Every table as {@code schema.table}. */
  List<String> qualifiedTableNames() {
    List<String> names = new ArrayList<>();
    for (FelisSchema s : schemas) {
      for (Table t : s.tables()) {
        names.add(s.name() + "." + t.name());
      }
    }
    return names;
  }

  /** A table with the schema it belongs to. */
  record QualifiedTable(FelisSchema schema, Table table) {
    String qualifiedName() {
      return schema.name() + "." + table.name();
    }

    Optional<Column> column(String name) {
      return table.column(name);
    }

    List<String> columnNames() {
      return table.columnNames();
    }
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
