package org.skyshard.ingest.generate;

import java.util.Locale;
import java.util.SplittableRandom;
import org.skyshard.ingest.parquet.ColumnBatch;

/**
 * How the rows of a table are laid out, by table name: per tile (one file per tile, rows hanging
 * off the tile's objects) or whole (one file: visits, CCDs, patches, data products). A table the
 * generator does not know gets one row per object, like Object.
 */
enum TableLayout {
  OBJECT(true, 1.0, 4000),
  SOURCE(true, 5.0, 2500),
  FORCED_SOURCE(true, 20.0, 2500),
  DIA_OBJECT(true, 0.05, 60),
  DIA_SOURCE(true, 0.5, 250),
  FORCED_SOURCE_ON_DIA_OBJECT(true, 0.5, 120),
  TRUTH(true, 1.0, 60),
  VISIT(false, 0, 0),
  CCD_VISIT(false, 0, 0),
  COADD_PATCHES(false, 0, 0),
  OBSCORE(false, 0, 0),
  PER_OBJECT(true, 1.0, 1000);

  private final boolean perTile;
  private final double rowsPerObject;
  private final double bytesPerObject;

  TableLayout(boolean perTile, double rowsPerObject, double bytesPerObject) {
    this.perTile = perTile;
    this.rowsPerObject = rowsPerObject;
    this.bytesPerObject = bytesPerObject;
  }

  /** A generous estimate of the Parquet bytes per object (for the free-space check). */
  double bytesPerObject() {
    return bytesPerObject;
  }

  /** Whether the table has one file per tile (else one file). */
  boolean perTile() {
    return perTile;
  }

  /** About how many rows per object the table gets (per-tile tables). */
  double rowsPerObject() {
    return rowsPerObject;
  }

  static TableLayout of(String table) {
    return switch (table.toLowerCase(Locale.ROOT)) {
      case "object" -> OBJECT;
      case "source" -> SOURCE;
      case "forcedsource" -> FORCED_SOURCE;
      case "diaobject" -> DIA_OBJECT;
      case "diasource" -> DIA_SOURCE;
      case "forcedsourceondiaobject" -> FORCED_SOURCE_ON_DIA_OBJECT;
      case "truthsummary", "matchestruth" -> TRUTH;
      case "visit" -> VISIT;
      case "ccdvisit" -> CCD_VISIT;
      case "coaddpatches" -> COADD_PATCHES;
      case "obscore" -> OBSCORE;
      default -> PER_OBJECT;
    };
  }

  /**
   * The row source of one file. {@code core} is the tile's objects (null for whole tables);
   * {@code rng} the file's structural random stream.
   */
  RowSource source(ColumnBatch batch, GenerationPlan plan, ObjectCore core, SplittableRandom rng) {
    return switch (this) {
      case OBJECT, PER_OBJECT -> new ObjectRows(batch, core);
      case SOURCE -> new SourceRows(batch, core, plan.visits(), rng);
      case FORCED_SOURCE -> ForcedRows.forcedSource(batch, core, plan.visits(), rng);
      case DIA_OBJECT -> new DiaObjectRows(batch, core, plan.visits(), rng);
      case DIA_SOURCE -> new DiaSourceRows(batch, core, plan.visits(), rng);
      case FORCED_SOURCE_ON_DIA_OBJECT -> ForcedRows.onDiaObjects(batch, core, plan.visits(),
          rng);
      case TRUTH -> new TruthRows(batch, core);
      case VISIT -> new VisitRows(batch, plan.visits());
      case CCD_VISIT -> new CcdVisitRows(batch, plan.visits(), plan.skyMap());
      case OBSCORE -> new ObsCoreRows(batch, plan.visits(), plan.skyMap(), plan.footprint());
      case COADD_PATCHES -> new CoaddPatchRows(batch, plan.skyMap().patches(plan.footprint()));
    };
  }
}
