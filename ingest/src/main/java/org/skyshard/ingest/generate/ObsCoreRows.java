package org.skyshard.ingest.generate;

import java.util.List;
import org.skyshard.ingest.parquet.ColumnBatch;

/**
 * ObsCore: the data products of the release, as DP0.2 lists them: one calibrated exposure
 * ({@code lsst.calexp}, calib_level 2) per CCD of every visit, then one deep coadd ({@code
 * lsst.deepCoadd_calexp}, calib_level 3) per patch and band. Every row has its footprint as an
 * STC-S polygon in {@code s_region}.
 */
final class ObsCoreRows extends SlottedSource {
  private final CcdVisitRows calexps;
  /** The calexps' product columns, which the coadd rows fill too. */
  private final ProductColumns products;
  private final List<SkyMap.Patch> patches;
  private final Slot subtype;
  private final Slot calibLevel;
  private final Slot tMin;
  private final Slot tMax;
  private final Slot sRa;
  private final Slot sDec;
  private boolean calexpsDone;
  private int nextCoadd;

  ObsCoreRows(ColumnBatch batch, VisitPlan visits, SkyMap skyMap, Footprint footprint) {
    super(batch);
    calexps = new CcdVisitRows(batch, visits, skyMap);
    products = calexps.products;
    patches = skyMap.patches(footprint);
    subtype = slot("dataproduct_subtype");
    calibLevel = slot("calib_level");
    tMin = slot("t_min");
    tMax = slot("t_max");
    sRa = slot("s_ra");
    sDec = slot("s_dec");
    structuralColumns().addAll(calexps.structuralColumns());
  }

  @Override
  public int next(ColumnBatch b, RowContext ctx) {
    if (!calexpsDone) {
      int k = calexps.next(b, ctx);
      for (int r = 0; r < k; r++) {
        subtype.set(r, "lsst.calexp");
        calibLevel.set(r, 2);
        tMin.set(r, ctx.mjd[r] - VisitPlan.EXPOSURE / 2 / 86400);
        tMax.set(r, ctx.mjd[r] + VisitPlan.EXPOSURE / 2 / 86400);
        sRa.set(r, ctx.ra[r]);
        sDec.set(r, ctx.dec[r]);
      }
      if (k > 0) {
        return k;
      }
      calexpsDone = true;
    }
    int k = 0;
    int coadds = patches.size() * Bands.COUNT;
    for (; k < ctx.capacity && nextCoadd < coadds; k++, nextCoadd++) {
      SkyMap.Patch p = patches.get(nextCoadd / Bands.COUNT);
      int band = nextCoadd % Bands.COUNT;
      String id = "deepCoadd-" + p.tract() + "-" + p.patch() + "-" + Bands.NAMES[band];
      subtype.set(k, "lsst.deepCoadd_calexp");
      calibLevel.set(k, 3);
      tMin.set(k, VisitPlan.MJD_START);
      tMax.set(k, VisitPlan.MJD_END);
      products.patch(k, p.tract(), p.patch());
      String title = "deepCoadd " + Bands.NAMES[band] + " tract " + p.tract() + " patch "
          + p.patch();
      products.name(k, id, title, id, p.polygon());
      sRa.set(k, p.raCenter());
      sDec.set(k, p.decCenter());
      ctx.ra[k] = p.raCenter();
      ctx.dec[k] = p.decCenter();
      ctx.band[k] = (byte) band;
      ctx.mjd[k] = VisitPlan.MJD_START;
    }
    return k;
  }
}
