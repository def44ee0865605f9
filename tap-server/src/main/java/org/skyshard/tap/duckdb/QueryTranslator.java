package org.skyshard.tap.duckdb;

import java.util.Map;

/**
 * Turns a client's query into DuckDB SQL. The ADQL translator of module adql-parser will be
 * plugged in here; {@link InterimAdqlSubset} stands in until then.
 */
public interface QueryTranslator {

  /**
   * Translates {@code adql}; {@code uploads} maps each {@code TAP_UPLOAD} table name (lower case)
   * to the qualified DuckDB name it was loaded under. Throws
   * {@link org.skyshard.tap.UsageException} for invalid queries.
   */
  Translation translate(String adql, Map<String, String> uploads);
}
