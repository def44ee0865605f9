package org.skyshard.ingest.input;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.skyshard.ingest.IngestMessages;
import org.skyshard.ingest.store.Sql;
import org.skyshard.ingest.write.Duck;
import org.skyshard.schema.Column;
import org.skyshard.schema.Table;

/**
 * Checks an input file's Parquet schema against its Felis table: it must be readable, hold
 * exactly the table's columns (names match case-sensitively as the schema spells them, any
 * order) and each column must have the DuckDB type {@link org.skyshard.schema.FelisType} maps
 * the Felis type to.
 */
public final class SchemaCheck {
  private final Duck duck;

  public SchemaCheck(Duck duck) {
    this.duck = duck;
  }

  /** Throws an {@code IngestException} naming table, file and column at the first mismatch. */
  public void check(Table table, InputFile file) {
    List<String[]> described;
    try {
      described = duck.rows("DESCRIBE SELECT * FROM read_parquet(" + Sql.path(file.path()) + ")");
    } catch (SQLException e) {
      throw IngestMessages.unreadable(table.name(), file.path(), firstLine(e.getMessage()));
    }
    Map<String, String> found = new LinkedHashMap<>();
    for (String[] row : described) {
      found.put(row[0], row[1]);
    }
    List<String> missing = new ArrayList<>();
    for (Column c : table.columns()) {
      if (!found.containsKey(c.name())) {
        missing.add(c.name());
      }
    }
    if (!missing.isEmpty()) {
      throw IngestMessages.missingColumns(table.name(), file.path(), missing);
    }
    List<String> extra = new ArrayList<>();
    for (String name : found.keySet()) {
      if (table.column(name).isEmpty() || !table.column(name).get().name().equals(name)) {
        extra.add(name);
      }
    }
    if (!extra.isEmpty()) {
      throw IngestMessages.extraColumns(table.name(), file.path(), extra);
    }
    for (Column c : table.columns()) {
      String expected = normalise(c.datatype().duckdbType());
      String actual = normalise(found.get(c.name()));
      if (!expected.equals(actual)) {
        throw IngestMessages.wrongType(table.name(), file.path(), c.name(),
            c.datatype().duckdbType() + " (Felis " + c.datatype().felisName() + ")",
            found.get(c.name()));
      }
    }
  }

  private static String normalise(String duckType) {
    String t = duckType.toUpperCase(Locale.ROOT).trim();
    return switch (t) {
      case "REAL", "FLOAT4" -> "FLOAT";
      case "FLOAT8" -> "DOUBLE";
      case "INT", "INT4" -> "INTEGER";
      case "INT8" -> "BIGINT";
      case "STRING", "TEXT" -> "VARCHAR";
      default -> t;
    };
  }

  static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
