package org.skyshard.checker;

import java.util.List;

/**
 * What one check compares and how finely.
 *
 * @param order HEALPix order of the cells compared for partitioned tables
 * @param fineStep orders added when drilling into a differing cell
 * @param replicatedOrder order of the key-hash cells of replicated tables (4<sup>k+1</sup>
 *     cells at most)
 * @param tables the tables to compare (case-insensitive), or empty for all
 * @param maxRowsPerTable most differing keys listed per table
 * @param deep compare every row's fingerprint, not only those of the cells whose digests differ
 *     (the last resort: as many fingerprints cross the network as there are rows)
 */
public record CheckOptions(int order, int fineStep, int replicatedOrder, List<String> tables,
    int maxRowsPerTable, boolean deep) {
  /**
   * Default order: 7 (pixels of 0.21 deg²), so a 1M-object catalog over the DC2 field's
   * footprint gives hundreds to a thousand cells.
   */
  public static final int DEFAULT_ORDER = 7;

  public CheckOptions {
    tables = List.copyOf(tables);
    if (order < 0 || order > 29 || replicatedOrder < 0 || replicatedOrder > 29) {
      throw new IllegalArgumentException("order must be in 0..29");
    }
    if (fineStep < 1 || maxRowsPerTable < 1) {
      throw new IllegalArgumentException("fineStep and maxRowsPerTable must be positive");
    }
  }

  /** Not deep. */
  public CheckOptions(int order, int fineStep, int replicatedOrder, List<String> tables,
      int maxRowsPerTable) {
    this(order, fineStep, replicatedOrder, tables, maxRowsPerTable, false);
  }

  /** The defaults: order 7, drill 3 orders finer, replicated tables in 256 cells, 1000 rows. */
  public static CheckOptions defaults() {
    return new CheckOptions(DEFAULT_ORDER, 3, 3, List.of(), 1000);
  }

  public CheckOptions withOrder(int k) {
    return new CheckOptions(k, fineStep, replicatedOrder, tables, maxRowsPerTable, deep);
  }

  public CheckOptions withTables(List<String> t) {
    return new CheckOptions(order, fineStep, replicatedOrder, t, maxRowsPerTable, deep);
  }

  public CheckOptions withDeep(boolean d) {
    return new CheckOptions(order, fineStep, replicatedOrder, tables, maxRowsPerTable, d);
  }

  /** True when {@code table} is to be compared. */
  boolean includes(String table) {
    return tables.isEmpty() || tables.stream().anyMatch(t -> t.equalsIgnoreCase(table));
  }
}
