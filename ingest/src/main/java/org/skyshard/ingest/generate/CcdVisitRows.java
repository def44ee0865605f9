package org.skyshard.ingest.generate;

import org.skyshard.ingest.parquet.ColumnBatch;

/**
 * CcdVisit: one row per CCD of every visit ({@code ccdVisitId = visit * 1000 + detector}), placed
 * on a grid around the visit's pointing. {@link ObsCoreRows} reuses it for the calexp rows, with
 * their identifiers and footprint polygon.
 */
final class CcdVisitRows extends SlottedSource {
  private final VisitPlan visits;
  private final SkyMap skyMap;
  private final Slot ccdVisitId;
  private final Slot visitId;
  private final Slot detector;
  private final Slot seeing;
  /** The ObsCore columns of the calexp on each CCD. */
  final ProductColumns products;
  private long next;

  CcdVisitRows(ColumnBatch batch, VisitPlan visits, SkyMap skyMap) {
    super(batch);
    this.visits = visits;
    this.skyMap = skyMap;
    ccdVisitId = slot("ccdVisitId");
    visitId = slot("visitId");
    detector = slot("detector");
    seeing = slot("seeing");
    products = new ProductColumns(this::slot);
  }

  @Override
  public int next(ColumnBatch b, RowContext ctx) {
    long total = (long) visits.count * VisitPlan.DETECTORS;
    int k = 0;
    for (; k < ctx.capacity && next < total; k++, next++) {
      int v = (int) (next / VisitPlan.DETECTORS);
      int det = (int) (next % VisitPlan.DETECTORS);
      long ccd = visits.ccdVisitId(v, det);
      double ra = visits.ccdRa(v, det);
      double dec = visits.ccdDec(v, det);
      ccdVisitId.set(k, ccd);
      visitId.set(k, visits.visit[v]);
      detector.set(k, det);
      seeing.set(k, visits.seeing[v]);
      products.ccd(k, visits.visit[v], det, ccd, skyMap.tract(ra, dec), skyMap.patch(ra, dec));
      if (products.named()) {
        String title = "calexp " + Bands.NAMES[visits.band[v]] + " visit " + visits.visit[v]
            + " detector " + det;
        products.name(k, "calexp-" + visits.visit[v] + "-" + det, title,
            String.format("%016x", Seeds.mix(ccd)), box(ra, dec));
      }
      ctx.ra[k] = ra;
      ctx.dec[k] = dec;
      ctx.band[k] = visits.band[v];
      ctx.mjd[k] = visits.mjd[v];
    }
    return k;
  }

  private static String box(double ra, double dec) {
    double h = VisitPlan.CCD_SIZE / 2;
    double w = h / Math.max(Math.cos(Math.toRadians(dec)), 0.05);
    return String.format(java.util.Locale.ROOT,
        "POLYGON ICRS %.6f %.6f %.6f %.6f %.6f %.6f %.6f %.6f",
        VisitPlan.wrap(ra - w), dec - h, VisitPlan.wrap(ra + w), dec - h,
        VisitPlan.wrap(ra + w), dec + h, VisitPlan.wrap(ra - w), dec + h);
  }
}
