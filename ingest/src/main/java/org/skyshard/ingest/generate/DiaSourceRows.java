package org.skyshard.ingest.generate;

import java.util.SplittableRandom;
import org.skyshard.ingest.parquet.ColumnBatch;

/** DiaSource: detections on difference images, within ~0.1" of their DiaObject, ±5σ or more. */
final class DiaSourceRows extends ChildRows {
  static final long ID_BASE = 1_350_000_000_000_000_000L;
  private final ObjectCore core;
  private final Slot diaSourceId;
  private final Slot diaObjectId;
  private final Slot ccdVisitId;

  DiaSourceRows(ColumnBatch batch, ObjectCore core, VisitPlan visits, SplittableRandom rng) {
    super(batch, visits, rng, core.dia);
    this.core = core;
    diaSourceId = slot("diaSourceId");
    diaObjectId = slot("diaObjectId");
    ccdVisitId = slot("ccdVisitId");
  }

  @Override
  int childrenOf(int j) {
    return core.diaSources[j];
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
    diaSourceId.set(k, ID_BASE + ((long) core.tile.index() << 36) + row);
    diaObjectId.set(k, core.diaObjectId[j]);
    ccdVisitId.set(k, visits.ccdVisitId(v, det));
    ctx.ra[k] = ObjectCore.offsetRa(core.diaRa[j], core.diaDec[j], 0.07 * rng.nextGaussian());
    ctx.dec[k] = core.diaDec[j] + 0.07 * ObjectCore.ARCSEC * rng.nextGaussian();
    ctx.takeObject(k, core.flux, core.extended, core.diaParent[j]);
    ctx.variability[k] = (rng.nextBoolean() ? 1 : -1) * (5 + 10 * rng.nextDouble());
  }
}
