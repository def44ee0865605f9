package org.skyshard.ingest.generate;

import java.util.List;
import org.skyshard.ingest.parquet.ColumnBatch;

/** CoaddPatches: one row per sky-map patch overlapping the footprint, with its polygon. */
final class CoaddPatchRows extends SlottedSource {
  private final List<SkyMap.Patch> patches;
  private final Slot tract;
  private final Slot patch;
  private final Slot region;
  private int next;

  CoaddPatchRows(ColumnBatch batch, List<SkyMap.Patch> patches) {
    super(batch);
    this.patches = patches;
    tract = slot("lsst_tract");
    patch = slot("lsst_patch");
    region = slot("s_region");
  }

  @Override
  public int next(ColumnBatch b, RowContext ctx) {
    int k = 0;
    for (; k < ctx.capacity && next < patches.size(); k++, next++) {
      SkyMap.Patch p = patches.get(next);
      tract.set(k, p.tract());
      patch.set(k, p.patch());
      region.set(k, p.polygon());
      ctx.ra[k] = p.raCenter();
      ctx.dec[k] = p.decCenter();
      ctx.band[k] = -1;
    }
    return k;
  }
}
