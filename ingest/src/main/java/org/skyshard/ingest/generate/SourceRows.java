package org.skyshard.ingest.generate;

import java.util.SplittableRandom;
import org.skyshard.ingest.parquet.ColumnBatch;

/** Source: detections of an object on single visits, within ~0.05" of it. */
final class SourceRows extends ChildRows {
  static final long ID_BASE = 800_000_000_000_000_000L;
  private final ObjectCore core;
  private final Slot sourceId;
  private final Slot ccdVisitId;
  private final Slot visit;
  private final Slot detector;

  SourceRows(ColumnBatch batch, ObjectCore core, VisitPlan visits, SplittableRandom rng) {
    super(batch, visits, rng, core.n);
    this.core = core;
    sourceId = slot("sourceId");
    ccdVisitId = slot("ccdVisitId");
    visit = slot("visit");
    detector = slot("detector");
  }

  @Override
  int childrenOf(int p) {
    return core.sources[p];
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
    sourceId.set(k, ID_BASE + ((long) core.tile.index() << 38) + row);
    ccdVisitId.set(k, visits.ccdVisitId(v, det));
    visit.set(k, visits.visit[v]);
    detector.set(k, det);
    ctx.ra[k] = ObjectCore.offsetRa(core.ra[p], core.dec[p], 0.05 * rng.nextGaussian());
    ctx.dec[k] = core.dec[p] + 0.05 * ObjectCore.ARCSEC * rng.nextGaussian();
    ctx.takeObject(k, core.flux, core.extended, p);
  }
}
