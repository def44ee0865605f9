package org.skyshard.ingest.generate;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.skyshard.ingest.parquet.ColumnBatch;

/**
 * Forced photometry at each parent's own position on single visits, keyed by the parent and by
 * the tract and patch of the object behind it: ForcedSource on objects, ForcedSourceOnDiaObject
 * on DiaObjects.
 */
final class ForcedRows extends ChildRows {
  static final long FORCED_SOURCE_ID_BASE = 1_000_000_000_000_000_000L;
  static final long ON_DIA_OBJECT_ID_BASE = 1_400_000_000_000_000_000L;
  private final long[] keys;
  private final Slot key;
  private final Slot tract;
  private final Slot patch;
  private final ToDoubleFunction<SplittableRandom> variability;

  private ForcedRows(ColumnBatch batch, VisitPlan visits, SplittableRandom rng, Parents parents,
      String idColumn, long idBase, String keyColumn, long[] keys,
      ToDoubleFunction<SplittableRandom> variability) {
    super(batch, visits, rng, parents, idColumn, idBase);
    this.keys = keys;
    this.variability = variability;
    key = slot(keyColumn);
    tract = slot("tract");
    patch = slot("patch");
  }

  /** ForcedSource: faint objects give negative fluxes, a few objects vary. */
  static ForcedRows forcedSource(ColumnBatch batch, ObjectCore core, VisitPlan visits,
      SplittableRandom rng) {
    return new ForcedRows(batch, visits, rng, Parents.objects(core, core.forcedSources),
        "forcedSourceId", FORCED_SOURCE_ID_BASE, "objectId", core.objectId,
        r -> r.nextDouble() < 0.02 ? 3 * r.nextGaussian() : 0);
  }

  /** ForcedSourceOnDiaObject: a few visits of each DiaObject, which all vary. */
  static ForcedRows onDiaObjects(ColumnBatch batch, ObjectCore core, VisitPlan visits,
      SplittableRandom rng) {
    return new ForcedRows(batch, visits, rng, Parents.diaObjects(core, core.diaForced),
        "forcedSourceOnDiaObjectId", ON_DIA_OBJECT_ID_BASE, "diaObjectId", core.diaObjectId,
        r -> 2 * r.nextGaussian());
  }

  @Override
  void row(int k, int parent, int v, int det, RowContext ctx) {
    key.set(k, keys[parent]);
    int object = parents.objectOf(parent);
    tract.set(k, parents.core().tract[object]);
    patch.set(k, parents.core().patch[object]);
    ctx.ra[k] = parents.ra()[parent];
    ctx.dec[k] = parents.dec()[parent];
    ctx.variability[k] = variability.applyAsDouble(rng);
  }
}
