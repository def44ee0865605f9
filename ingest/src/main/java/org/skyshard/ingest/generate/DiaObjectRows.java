package org.skyshard.ingest.generate;

import java.util.SplittableRandom;
import org.skyshard.ingest.parquet.ColumnBatch;

/** DiaObject: the variable sources found by difference imaging, about 5% of the objects. */
final class DiaObjectRows extends SlottedSource {
  private final ObjectCore core;
  private final VisitPlan visits;
  private final SplittableRandom rng;
  private final Slot diaObjectId;
  private final Slot nDiaSources;
  private int next;

  DiaObjectRows(ColumnBatch batch, ObjectCore core, VisitPlan visits, SplittableRandom rng) {
    super(batch);
    this.core = core;
    this.visits = visits;
    this.rng = rng;
    diaObjectId = slot("diaObjectId");
    nDiaSources = slot("nDiaSources");
  }

  @Override
  public int next(ColumnBatch b, RowContext ctx) {
    int k = 0;
    for (; k < ctx.capacity && next < core.dia; k++, next++) {
      int j = next;
      diaObjectId.set(k, core.diaObjectId[j]);
      nDiaSources.set(k, core.diaSources[j]);
      ctx.ra[k] = core.diaRa[j];
      ctx.dec[k] = core.diaDec[j];
      ctx.band[k] = -1;
      ctx.mjd[k] = visits.mjd[rng.nextInt(visits.count)];
      ctx.takeObject(k, core.flux, core.extended, core.diaParent[j]);
      ctx.variability[k] = (rng.nextBoolean() ? 1 : -1) * (3 + 7 * rng.nextDouble());
    }
    return k;
  }
}
