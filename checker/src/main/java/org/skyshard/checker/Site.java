package org.skyshard.checker;

import java.util.Collection;
import java.util.List;

/**
 * One copy of the catalog, seen by the checker only through digests and, for the cells that
 * differ, row fingerprints and rows. A local store is read directly ({@link LocalStoreSite});
 * a remote site (TAP URL, worker push-down) implements the same calls so that only these small
 * results cross the network.
 *
 * <p>Every row has a 62-bit position: the store's {@code _healpix_29} for partitioned tables
 * (for a child, its director's: independent of the partitioning), {@code hash(key) >> 2} for a
 * replicated table. A cell at order {@code k} is {@code position >> 2*(29-k)}, so finer cells
 * nest in coarser ones on every site alike. Failures throw {@link CheckException}.
 */
public interface Site extends AutoCloseable {
  /** The site's label for messages, e.g. {@code A (/data/store)}. */
  String label();

  /** Schema, tables, columns, types and the site's own problems. */
  SiteStructure structure();

  /**
   * Count and digest per non-empty cell at {@code order} of one table, restricted to the
   * cells inside the given cells at {@code parentOrder} (all cells when {@code parents} is null).
   */
  List<Cell> cells(String table, int order, int parentOrder, Collection<Long> parents);

  /** Key and row hash of every row in the given cells at {@code order}. */
  List<RowPrint> rowPrints(String table, int order, Collection<Long> cells);

  /** The full rows with the given keys (every row per key, duplicates included). */
  List<SiteRow> rows(String table, Collection<String> keys);

  @Override
  void close();
}
