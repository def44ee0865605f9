package org.skyshard.bench;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One query of the mix: its id ({@code Q1}), title, the tables it reads, and its text in every
 * dialect (ADQL for skyshard, hand translations for the peers).
 */
public record BenchQuery(String id, String title, List<String> tables, Map<Dialect, String> text) {
  public BenchQuery {
    tables = List.copyOf(tables);
    text = Map.copyOf(new EnumMap<>(text));
  }

  /** The text in {@code dialect}. */
  public String text(Dialect dialect) {
    return text.get(dialect);
  }

  /** This query with every {@code {name}} placeholder replaced by its value. */
  public BenchQuery bind(Map<String, String> values) {
    Map<Dialect, String> bound = new EnumMap<>(Dialect.class);
    text.forEach((d, t) -> {
      String s = t;
      for (Map.Entry<String, String> v : values.entrySet()) {
        s = s.replace("{" + v.getKey() + "}", v.getValue());
      }
      bound.put(d, s);
    });
    return new BenchQuery(id, title, tables, bound);
  }
}
