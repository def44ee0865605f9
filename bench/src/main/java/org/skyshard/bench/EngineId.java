package org.skyshard.bench;

import java.util.Locale;

/** The engines the bench compares, in the order of the report's columns. */
public enum EngineId {
  SKYSHARD("skyshard internal", "skyshard"),
  SKYSHARD_TAP("skyshard TAP", "skyshard-tap"),
  POSTGRES("PostgreSQL+q3c", "postgres"),
  DUCKDB("DuckDB raw", "duckdb");

  private final String label;
  private final String option;

  EngineId(String label, String option) {
    this.label = label;
    this.option = option;
  }

  /** The column header of the report. */
  public String label() {
    return label;
  }

  /** The name on the command line and in the TSV files. */
  public String option() {
    return option;
  }

  /** The engine named {@code name} on the command line (case ignored). */
  public static EngineId parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (EngineId e : values()) {
      if (e.option.equals(n)) {
        return e;
      }
    }
    throw new IllegalArgumentException(BenchMessages.unknownEngine(name));
  }
}
