package org.skyshard.ingest.generate;

import java.util.Set;
import org.skyshard.ingest.parquet.ColumnBatch;

/**
 * Lays out the rows of one table in one file: decides how many rows there are and, row by row,
 * writes the structural columns (ids, foreign keys, positions, band, time) into the batch and
 * what the value rules need to know into the {@link RowContext}.
 */
interface RowSource {
  /**
   * Fills rows {@code [0, k)} of {@code batch} and {@code ctx}, with {@code k <= ctx.capacity},
   * and returns {@code k}; 0 once every row has been given.
   */
  int next(ColumnBatch batch, RowContext ctx);

  /** The columns this source writes itself; the value rules fill all others. */
  Set<String> structuralColumns();

  /** The noise scale of the table's measurements ({@link RowContext#SINGLE_VISIT} ...). */
  double noiseScale();
}
