package org.skyshard.ingest.generate;

import java.util.SplittableRandom;
import org.skyshard.ingest.parquet.ColumnBatch;

/**
 * Rows that hang off parents (objects or DiaObjects), {@code childrenOf(p)} rows per parent, in
 * parent order. Each row picks a CCD of a visit that covers its parent; subclasses write the
 * row's keys and context.
 */
abstract class ChildRows extends SlottedSource {
  protected final VisitPlan visits;
  protected final SplittableRandom rng;
  private final int parents;
  private int parent;
  private int done;
  /** Rows given so far in this file: the id counter. */
  protected long row;

  ChildRows(ColumnBatch batch, VisitPlan visits, SplittableRandom rng, int parents) {
    super(batch);
    this.visits = visits;
    this.rng = rng;
    this.parents = parents;
  }

  abstract int childrenOf(int parent);

  /** The parent's position, {ra, dec}: its rows are observed on CCDs that cover it. */
  abstract double parentRa(int parent);

  abstract double parentDec(int parent);

  /** Writes row {@code k} of the batch, a child of {@code parent} observed in {@code visit}. */
  abstract void row(int k, int parent, int visit, int detector, RowContext ctx);

  @Override
  public int next(ColumnBatch b, RowContext ctx) {
    int k = 0;
    while (k < ctx.capacity && parent < parents) {
      if (done >= childrenOf(parent)) {
        parent++;
        done = 0;
        continue;
      }
      int ccd = visits.pickCcd(parentRa(parent), parentDec(parent), rng);
      int v = ccd / VisitPlan.DETECTORS;
      int det = ccd % VisitPlan.DETECTORS;
      ctx.band[k] = visits.band[v];
      ctx.mjd[k] = visits.mjd[v];
      ctx.variability[k] = 0;
      row(k, parent, v, det, ctx);
      row++;
      done++;
      k++;
    }
    return k;
  }
}
