package org.skyshard.ingest.generate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The columns that name one data product in ObsCore: its LSST keys (visit, detector, ccdVisitId,
 * tract, patch), {@code obs_id}, title, publisher DID, DataLink URL and footprint. The calexp
 * rows of {@link CcdVisitRows} and the coadd rows of {@link ObsCoreRows} both write them here.
 */
final class ProductColumns {
  static final String DID = "ivo://org.rubinobs/usdac/lsst-dp02?repo=dp02&id=";
  static final String DATALINK = "https://data.lsst.cloud/api/datalink/links?ID=";
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

  /** Resolves the columns with {@code slot}, which records them as structural. */
  ProductColumns(Function<String, Slot> slot) {
    lsstVisit = slot.apply("lsst_visit");
    lsstDetector = slot.apply("lsst_detector");
    lsstCcdVisitId = slot.apply("lsst_ccdvisitid");
    lsstTract = slot.apply("lsst_tract");
    lsstPatch = slot.apply("lsst_patch");
    obsId = slot.apply("obs_id");
    obsTitle = slot.apply("obs_title");
    publisherDid = slot.apply("obs_publisher_did");
    accessUrl = slot.apply("access_url");
    region = slot.apply("s_region");
  }

  /** Whether the table names its products (ObsCore does, CcdVisit does not). */
  boolean named() {
    return obsId.present() || publisherDid.present();
  }

  /** The keys of a single-CCD product. */
  void ccd(int k, long visit, long detector, long ccdVisitId, long tract, long patch) {
    lsstVisit.set(k, visit);
    lsstDetector.set(k, detector);
    lsstCcdVisitId.set(k, ccdVisitId);
    lsstTract.set(k, tract);
    lsstPatch.set(k, patch);
  }

  /** The keys of a product of a whole patch: no visit, detector or CCD. */
  void patch(int k, long tract, long patch) {
    lsstVisit.setNull(k);
    lsstDetector.setNull(k);
    lsstCcdVisitId.setNull(k);
    lsstTract.set(k, tract);
    lsstPatch.set(k, patch);
  }

  /** The product's name: its DID is {@link #DID} + {@code didId}; an STC-S footprint. */
  void name(int k, String id, String title, String didId, String polygon) {
    String did = DID + didId;
    obsId.set(k, id);
    obsTitle.set(k, title);
    publisherDid.set(k, did);
    accessUrl.set(k, DATALINK + URLEncoder.encode(did, StandardCharsets.UTF_8));
    region.set(k, polygon);
  }
}
