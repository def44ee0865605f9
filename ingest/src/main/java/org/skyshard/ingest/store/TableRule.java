package org.skyshard.ingest.store;

import java.util.Objects;

/**
 * How one table is placed: a director with its position columns (and whether it gets margins),
 * a child with the column that references its director's key, or a replicated table.
 *
 * @param table the table name as the schema spells it
 * @param kind director, child or replicated
 * @param ra right-ascension column of a director (degrees), else null
 * @param dec declination column of a director (degrees), else null
 * @param margin whether a director's rows near a chunk edge are copied into the neighbours' margins
 * @param director the director table of a child, else null
 * @param key the child's column referencing the director, else null
 * @param directorKey the director's key column the child references, else null
 * @param fallback for a child whose {@code key} may be NULL: the rule (a child rule of the same
 *     table) placing those rows by another director, e.g. MatchesTruth rows without a matched
 *     Object go with their TruthSummary row; else null
 */
public record TableRule(String table, TableKind kind, String ra, String dec, boolean margin,
    String director, String key, String directorKey, TableRule fallback) {

  public TableRule {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(kind, "kind");
  }

  public static TableRule director(String table, String ra, String dec, boolean margin) {
    return new TableRule(table, TableKind.DIRECTOR, ra, dec, margin, null, null, null, null);
  }

  public static TableRule child(String table, String director, String key, String directorKey) {
    return new TableRule(table, TableKind.CHILD, null, null, false, director, key, directorKey,
        null);
  }

  /** This child rule, with rows whose key is NULL placed by {@code other} instead. */
  public TableRule orElse(TableRule other) {
    return new TableRule(table, kind, ra, dec, margin, director, key, directorKey, other);
  }

  public static TableRule replicated(String table) {
    return new TableRule(table, TableKind.REPLICATED, null, null, false, null, null, null, null);
  }

  /** The rule as one line of a table-class file ({@link TableClasses#parse}). */
  public String toLine() {
    return switch (kind) {
      case DIRECTOR -> table + " = director " + ra + " " + dec + (margin ? " margin" : "");
      case CHILD -> table + " = child " + director + " " + key + " " + directorKey
          + (fallback == null ? "" : " else " + fallback.director() + " " + fallback.key() + " "
          + fallback.directorKey());
      case REPLICATED -> table + " = replicated";
    };
  }
}
