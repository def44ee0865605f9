package org.skyshard.query.plan;

import java.util.List;
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
 */
public record TableLayout(String name, TableKind kind, String ra, String dec, boolean margin,
    String director, String key, String directorKey, String idColumn, long rows,
    List<ChunkRef> chunks) {
  public TableLayout {
    chunks = List.copyOf(chunks);
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
