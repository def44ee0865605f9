package org.skyshard.ingest.generate;

import java.util.SplittableRandom;
import org.skyshard.ingest.parquet.ColumnBatch;

/**
 * ForcedSource: forced photometry of an object on single visits, at the object's own position;
 * faint objects give negative fluxes, a few objects vary.
 */
final class ForcedSourceRows extends ChildRows {
  static final long ID_BASE = 1_000_000_000_000_000_000L;
  private final ObjectCore core;
  private final Slot forcedSourceId;
  private final Slot objectId;
  private final Slot ccdVisitId;
  private final Slot tract;
  private final Slot patch;

  ForcedSourceRows(ColumnBatch batch, ObjectCore core, VisitPlan visits, SplittableRandom rng) {
    super(batch, visits, rng, core.n);
    this.core = core;
    forcedSourceId = slot("forcedSourceId");
    objectId = slot("objectId");
    ccdVisitId = slot("ccdVisitId");
    tract = slot("tract");
    patch = slot("patch");
  }

  @Override
  int childrenOf(int p) {
    return core.forcedSources[p];
  }

  @Override
  double parentRa(int p) {
    return core.ra[p];
  }

  @Override
  double parentDec(int p) {
    return core.dec[p];
  }

  @Override
  void row(int k, int p, int v, int det, RowContext ctx) {
    forcedSourceId.set(k, ID_BASE + ((long) core.tile.index() << 38) + row);
    objectId.set(k, core.objectId[p]);
    ccdVisitId.set(k, visits.ccdVisitId(v, det));
    tract.set(k, core.tract[p]);
    patch.set(k, core.patch[p]);
    ctx.ra[k] = core.ra[p];
    ctx.dec[k] = core.dec[p];
    ctx.takeObject(k, core.flux, core.extended, p);
    ctx.variability[k] = rng.nextDouble() < 0.02 ? 3 * rng.nextGaussian() : 0;
  }
}
