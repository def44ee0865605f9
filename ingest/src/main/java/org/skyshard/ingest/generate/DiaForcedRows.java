package org.skyshard.ingest.generate;

import java.util.SplittableRandom;
import org.skyshard.ingest.parquet.ColumnBatch;

/** ForcedSourceOnDiaObject: forced photometry at each DiaObject's position on a few visits. */
final class DiaForcedRows extends ChildRows {
  static final long ID_BASE = 1_400_000_000_000_000_000L;
  private final ObjectCore core;
  private final Slot id;
  private final Slot diaObjectId;
  private final Slot ccdVisitId;
  private final Slot tract;
  private final Slot patch;

  DiaForcedRows(ColumnBatch batch, ObjectCore core, VisitPlan visits, SplittableRandom rng) {
    super(batch, visits, rng, core.dia);
    this.core = core;
    id = slot("forcedSourceOnDiaObjectId");
    diaObjectId = slot("diaObjectId");
    ccdVisitId = slot("ccdVisitId");
    tract = slot("tract");
    patch = slot("patch");
  }

  @Override
  int childrenOf(int j) {
    return core.diaForced[j];
  }

  @Override
  double parentRa(int p) {
    return core.diaRa[p];
  }

  @Override
  double parentDec(int p) {
    return core.diaDec[p];
  }

  @Override
  void row(int k, int j, int v, int det, RowContext ctx) {
    int p = core.diaParent[j];
    id.set(k, ID_BASE + ((long) core.tile.index() << 36) + row);
    diaObjectId.set(k, core.diaObjectId[j]);
    ccdVisitId.set(k, visits.ccdVisitId(v, det));
    tract.set(k, core.tract[p]);
    patch.set(k, core.patch[p]);
    ctx.ra[k] = core.diaRa[j];
    ctx.dec[k] = core.diaDec[j];
    ctx.takeObject(k, core.flux, core.extended, p);
    ctx.variability[k] = 2 * rng.nextGaussian();
  }
}
