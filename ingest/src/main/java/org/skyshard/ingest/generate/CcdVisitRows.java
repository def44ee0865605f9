package org.skyshard.ingest.generate;

import org.skyshard.ingest.parquet.ColumnBatch;

/**
 * CcdVisit: one row per CCD of every visit ({@code ccdVisitId = visit * 1000 + detector}), placed
 * on a grid around the visit's pointing. {@link ObsCoreRows} reuses it for the calexp rows, with
 * their identifiers and footprint polygon.
 */
final class CcdVisitRows extends SlottedSource {
  static final String DID = "ivo://org.rubinobs/usdac/lsst-dp02?repo=dp02&id=";
  static final String DATALINK = "https://data.lsst.cloud/api/datalink/links?ID=";
  private final VisitPlan visits;
  private final SkyMap skyMap;
  private final Slot ccdVisitId;
  private final Slot visitId;
  private final Slot detector;
  private final Slot seeing;
  private final Slot lsstVisit;
  private final Slot lsstDetector;
  private final Slot lsstCcdVisitId;
  private final Slot lsstTract;
  private final Slot lsstPatch;
  private final Slot obsId;
  private final Slot obsTitle;
  private final Slot publisherDid;
  private final Slot accessUrl;
  private final Slot region;
  private long next;

  CcdVisitRows(ColumnBatch batch, VisitPlan visits, SkyMap skyMap) {
    super(batch);
    this.visits = visits;
    this.skyMap = skyMap;
    ccdVisitId = slot("ccdVisitId");
    visitId = slot("visitId");
    detector = slot("detector");
    seeing = slot("seeing");
    lsstVisit = slot("lsst_visit");
    lsstDetector = slot("lsst_detector");
    lsstCcdVisitId = slot("lsst_ccdvisitid");
    lsstTract = slot("lsst_tract");
    lsstPatch = slot("lsst_patch");
    obsId = slot("obs_id");
    obsTitle = slot("obs_title");
    publisherDid = slot("obs_publisher_did");
    accessUrl = slot("access_url");
    region = slot("s_region");
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
      lsstVisit.set(k, visits.visit[v]);
      lsstDetector.set(k, det);
      lsstCcdVisitId.set(k, ccd);
      lsstTract.set(k, skyMap.tract(ra, dec));
      lsstPatch.set(k, skyMap.patch(ra, dec));
      if (obsId.present() || publisherDid.present()) {
        String id = String.format("%016x", Seeds.mix(ccd));
        obsId.set(k, "calexp-" + visits.visit[v] + "-" + det);
        obsTitle.set(k, "calexp " + Bands.NAMES[visits.band[v]] + " visit " + visits.visit[v]
            + " detector " + det);
        publisherDid.set(k, DID + id);
        accessUrl.set(k, DATALINK + java.net.URLEncoder.encode(DID + id,
            java.nio.charset.StandardCharsets.UTF_8));
        region.set(k, box(ra, dec));
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
