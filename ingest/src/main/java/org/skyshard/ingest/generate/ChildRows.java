package org.skyshard.ingest.generate;

import java.util.SplittableRandom;
import org.skyshard.ingest.parquet.ColumnBatch;

/**
 * Rows that hang off {@link Parents} (objects or DiaObjects), {@code children[p]} rows per
 * parent, in parent order. Each row picks a CCD of a visit that covers its parent, and gets the
 * next id of the tile's range, the CCD's {@code ccdVisitId}, the visit's band and time and the
 * fluxes of the object behind it; subclasses write the rest of the row.
 */
abstract class ChildRows extends SlottedSource {
  protected final VisitPlan visits;
  protected final SplittableRandom rng;
  protected final Parents parents;
  private final Slot id;
  private final Slot ccdVisitId;
  private final long firstId;
  private int parent;
  private int done;
  /** Rows given so far in this file: the id counter. */
  private long row;

  /** Child rows whose ids, in column {@code idColumn}, start at {@code idBase} plus the tile's. */
  ChildRows(ColumnBatch batch, VisitPlan visits, SplittableRandom rng, Parents parents,
      String idColumn, long idBase) {
    super(batch);
    this.visits = visits;
    this.rng = rng;
    this.parents = parents;
    this.id = slot(idColumn);
    this.ccdVisitId = slot("ccdVisitId");
    this.firstId = parents.firstChildId(idBase);
  }

  /** Writes the rest of row {@code k}: a child of {@code parent} seen on {@code visit}. */
  abstract void row(int k, int parent, int visit, int detector, RowContext ctx);

  @Override
  public int next(ColumnBatch b, RowContext ctx) {
    int k = 0;
    while (k < ctx.capacity && parent < parents.count()) {
      if (done >= parents.children()[parent]) {
        parent++;
        done = 0;
        continue;
      }
      int ccd = visits.pickCcd(parents.ra()[parent], parents.dec()[parent], rng);
      int v = ccd / VisitPlan.DETECTORS;
      int det = ccd % VisitPlan.DETECTORS;
      id.set(k, firstId + row);
      ccdVisitId.set(k, visits.ccdVisitId(v, det));
      ctx.band[k] = visits.band[v];
      ctx.mjd[k] = visits.mjd[v];
      ctx.variability[k] = 0;
      ObjectCore core = parents.core();
      ctx.takeObject(k, core.flux, core.extended, parents.objectOf(parent));
      row(k, parent, v, det, ctx);
      row++;
      done++;
      k++;
    }
    return k;
  }

  /** Places row {@code k} around its parent, {@code sigma} arcsec per axis: a detection. */
  void nearParent(int k, int parent, double sigma, RowContext ctx) {
    double ra = parents.ra()[parent];
    double dec = parents.dec()[parent];
    ctx.ra[k] = ObjectCore.offsetRa(ra, dec, sigma * rng.nextGaussian());
    ctx.dec[k] = dec + sigma * ObjectCore.ARCSEC * rng.nextGaussian();
  }
}
