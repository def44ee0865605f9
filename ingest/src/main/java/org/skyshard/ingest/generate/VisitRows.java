package org.skyshard.ingest.generate;

import org.skyshard.ingest.parquet.ColumnBatch;

/** Visit: one row per visit of the {@link VisitPlan}, at its pointing, band and time. */
final class VisitRows extends SlottedSource {
  private final VisitPlan visits;
  private final Slot visit;
  private final Slot airmass;
  private int next;

  VisitRows(ColumnBatch batch, VisitPlan visits) {
    super(batch);
    this.visits = visits;
    visit = slot("visit");
    airmass = slot("airmass");
  }

  @Override
  public int next(ColumnBatch b, RowContext ctx) {
    int k = 0;
    for (; k < ctx.capacity && next < visits.count; k++, next++) {
      int v = next;
      visit.set(k, visits.visit[v]);
      airmass.set(k, visits.airmass[v]);
      ctx.ra[k] = visits.ra[v];
      ctx.dec[k] = visits.dec[v];
      ctx.band[k] = visits.band[v];
      ctx.mjd[k] = visits.mjd[v];
    }
    return k;
  }
}
