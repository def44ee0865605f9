package org.skyshard.adql;

import org.apache.calcite.sql.SqlOperator;

/**
 * One entry of the function catalogue.
 *
 * @param name the ADQL name, upper case
 * @param minArgs the least number of arguments
 * @param maxArgs the most arguments, or -1 for no limit
 * @param category what the function works on
 * @param operator the Calcite operator calls are parsed into and validated with
 * @param duckdb the DuckDB SQL it becomes, {@code {0}}, {@code {1}} ... standing for the
 *     arguments; null when the rewriter builds the SQL (geometry) or Calcite's own DuckDB
 *     unparsing is right
 */
public record AdqlFunction(String name, int minArgs, int maxArgs, Category category,
    SqlOperator operator, String duckdb) {

  /** What a function works on. */
  public enum Category { MATH, TRIG, STRING, AGGREGATE, GEOMETRY, CONVERSION, BITWISE, UDF }

  /** The accepted argument counts, as error messages say them. */
  public String arityText() {
    if (minArgs == maxArgs) {
      return Integer.toString(minArgs);
    }
    if (maxArgs < 0) {
      return minArgs + " or more";
    }
    if (maxArgs == minArgs + 1) {
      return minArgs + " or " + maxArgs;
    }
    return minArgs + " to " + maxArgs;
  }

  public boolean acceptsArgs(int n) {
    return n >= minArgs && (maxArgs < 0 || n <= maxArgs);
  }
}
