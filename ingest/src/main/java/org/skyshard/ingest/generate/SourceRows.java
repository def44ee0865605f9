package org.skyshard.ingest.generate;

import java.util.SplittableRandom;
import org.skyshard.ingest.parquet.ColumnBatch;

/** Source: detections of an object on single visits, within ~0.05" of it. */
final class SourceRows extends ChildRows {
  static final long ID_BASE = 800_000_000_000_000_000L;
  private final Slot visit;
  private final Slot detector;

  SourceRows(ColumnBatch batch, ObjectCore core, VisitPlan visits, SplittableRandom rng) {
    super(batch, visits, rng, Parents.objects(core, core.sources), "sourceId", ID_BASE);
    visit = slot("visit");
    detector = slot("detector");
  }

  @Override
  void row(int k, int p, int v, int det, RowContext ctx) {
    visit.set(k, visits.visit[v]);
    detector.set(k, det);
    nearParent(k, p, 0.05, ctx);
  }
}
