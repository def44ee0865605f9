package org.skyshard.ingest.generate;

import org.skyshard.ingest.parquet.ColumnBatch;

/**
 * Object: one row per object of the tile, measured on the deep coadd. Also the layout used for
 * a table the generator does not know (a user's schema): one row per object, keyed and placed
 * like it.
 */
final class ObjectRows extends SlottedSource {
  private final ObjectCore core;
  private final Slot objectId;
  private final Slot tract;
  private final Slot patch;
  private int next;

  ObjectRows(ColumnBatch batch, ObjectCore core) {
    super(batch);
    this.core = core;
    objectId = slot("objectId");
    tract = slot("tract");
    patch = slot("patch");
  }

  @Override
  public double noiseScale() {
    return RowContext.COADD;
  }

  @Override
  public int next(ColumnBatch b, RowContext ctx) {
    int k = 0;
    for (; k < ctx.capacity && next < core.n; k++, next++) {
      int i = next;
      objectId.set(k, core.objectId[i]);
      tract.set(k, core.tract[i]);
      patch.set(k, core.patch[i]);
      ctx.ra[k] = core.ra[i];
      ctx.dec[k] = core.dec[i];
      ctx.band[k] = -1;
      ctx.mjd[k] = VisitPlan.MJD_END;
      ctx.variability[k] = 0;
      ctx.takeObject(k, core.flux, core.extended, i);
    }
    return k;
  }
}
