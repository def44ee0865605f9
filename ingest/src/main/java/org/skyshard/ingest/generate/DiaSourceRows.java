package org.skyshard.ingest.generate;

import java.util.SplittableRandom;
import org.skyshard.ingest.parquet.ColumnBatch;

/** DiaSource: detections on difference images, within ~0.1" of their DiaObject, ±5σ or more. */
final class DiaSourceRows extends ChildRows {
  static final long ID_BASE = 1_350_000_000_000_000_000L;
  private final ObjectCore core;
  private final Slot diaObjectId;

  DiaSourceRows(ColumnBatch batch, ObjectCore core, VisitPlan visits, SplittableRandom rng) {
    super(batch, visits, rng, Parents.diaObjects(core, core.diaSources), "diaSourceId", ID_BASE);
    this.core = core;
    diaObjectId = slot("diaObjectId");
  }

  @Override
  void row(int k, int j, int v, int det, RowContext ctx) {
    diaObjectId.set(k, core.diaObjectId[j]);
    nearParent(k, j, 0.07, ctx);
    ctx.variability[k] = (rng.nextBoolean() ? 1 : -1) * (5 + 10 * rng.nextDouble());
  }
}
