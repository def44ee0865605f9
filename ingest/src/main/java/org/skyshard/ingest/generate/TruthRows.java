package org.skyshard.ingest.generate;

import org.skyshard.ingest.parquet.ColumnBatch;

/**
 * TruthSummary and MatchesTruth: one row per truth entry of the tile. Most entries sit within
 * ~0.03" of the object they match; the rest are faint and unmatched ({@code match_objectId}
 * NULL). {@code id_truth_type} joins the two tables.
 */
final class TruthRows extends SlottedSource {
  private final ObjectCore core;
  private final Slot idTruthType;
  private final Slot id;
  private final Slot truthType;
  private final Slot matchObjectId;
  private int next;

  TruthRows(ColumnBatch batch, ObjectCore core) {
    super(batch);
    this.core = core;
    idTruthType = slot("id_truth_type");
    id = slot("id");
    truthType = slot("truth_type");
    matchObjectId = slot("match_objectId");
  }

  static String idTruthType(String id, int type) {
    return id + "_" + type;
  }

  @Override
  public int next(ColumnBatch b, RowContext ctx) {
    int k = 0;
    for (; k < ctx.capacity && next < core.truth; k++, next++) {
      int t = next;
      id.set(k, core.truthId[t]);
      idTruthType.set(k, idTruthType(core.truthId[t], core.truthType[t]));
      truthType.set(k, core.truthType[t]);
      int p = core.truthParent[t];
      if (p >= 0) {
        matchObjectId.set(k, core.objectId[p]);
      } else {
        matchObjectId.setNull(k);
      }
      ctx.ra[k] = core.truthRa[t];
      ctx.dec[k] = core.truthDec[t];
      ctx.band[k] = -1;
      ctx.mjd[k] = VisitPlan.MJD_START;
      ctx.variability[k] = 0;
      ctx.takeObject(k, core.truthFlux, null, t);
      ctx.extended[k] = core.truthType[t] == 1;
    }
    return k;
  }
}
