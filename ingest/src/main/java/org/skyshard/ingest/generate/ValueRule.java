package org.skyshard.ingest.generate;

import java.util.SplittableRandom;
import org.skyshard.ingest.parquet.ColumnVector;

/** Fills rows {@code [0, n)} of one column from the batch's {@link RowContext}. */
@FunctionalInterface
interface ValueRule {
  /**
   * @param band the band the column name carries ({@code g_psfFlux} → 1), or -1
   */
  void fill(ColumnVector out, RowContext ctx, int n, int band, SplittableRandom rng);
}
