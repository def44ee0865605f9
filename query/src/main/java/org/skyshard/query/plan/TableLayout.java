package org.skyshard.query.plan;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.skyshard.ingest.store.TableKind;

/**
 * How one served table is laid out in the store, as the planner needs it.
 *
 * @param name the table name as the schema spells it
 * @param kind director, child or replicated
 * @param ra a director's right-ascension column, else null
 * @param dec a director's declination column, else null
 * @param margin whether a director has margins
 * @param director a child's director table, else null
 * @param key a child's column referencing the director, else null
 * @param directorKey the director's key column, else null
 * @param idColumn the column a director's id index maps, else null
 * @param rows the table's row count
 * @param chunks the non-empty chunks of a partitioned table, in pixel order
 * @param narrowColumns the columns of the table's narrow chunk copies in lower case, empty when
 *     it has none
 */
public record TableLayout(String name, TableKind kind, String ra, String dec, boolean margin,
    String director, String key, String directorKey, String idColumn, long rows,
    List<ChunkRef> chunks, Set<String> narrowColumns) {
  public TableLayout {
    chunks = List.copyOf(chunks);
    narrowColumns = Set.copyOf(narrowColumns);
  }

  /** A table without narrow copies. */
  public TableLayout(String name, TableKind kind, String ra, String dec, boolean margin,
      String director, String key, String directorKey, String idColumn, long rows,
      List<ChunkRef> chunks) {
    this(name, kind, ra, dec, margin, director, key, directorKey, idColumn, rows, chunks,
        Set.of());
  }

  /** This layout with narrow chunk copies of these columns. */
  public TableLayout withNarrowColumns(List<String> columns) {
    return new TableLayout(name, kind, ra, dec, margin, director, key, directorKey, idColumn,
        rows, chunks, columns.stream().map(c -> c.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet()));
  }

  /** True when this table's narrow copies hold every one of these columns (any case). */
  public boolean narrowHolds(Set<String> columns) {
    if (narrowColumns.isEmpty()) {
      return false;
    }
    for (String c : columns) {
      if (!narrowColumns.contains(c.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  /** True for a director or child table (stored in chunks). */
  public boolean partitioned() {
    return kind != TableKind.REPLICATED;
  }

  /** True when {@code column} of this director is the key {@code child} references. */
  public boolean directorKeyMatches(TableLayout child, String column) {
    return child.directorKey() != null && child.directorKey().equalsIgnoreCase(column);
  }
}
