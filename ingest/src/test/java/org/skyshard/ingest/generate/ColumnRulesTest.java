package org.skyshard.ingest.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.skyshard.ingest.parquet.ColumnBatch;
import org.skyshard.schema.BundledSchemas;
import org.skyshard.schema.Table;

/** The rule table: band markers in names, flux shapes, and consistent fluxes and errors. */
class ColumnRulesTest {
  @Test
  void splitsBandMarkersOffColumnNames() {
    assertEquals(new ColumnRules.Stem(1, "psfFlux"), ColumnRules.stem("g_psfFlux"));
    assertEquals(new ColumnRules.Stem(5, "PSFluxMean"), ColumnRules.stem("yPSFluxMean"));
    assertEquals(new ColumnRules.Stem(0, "TOTFluxSigma"), ColumnRules.stem("uTOTFluxSigma"));
    assertEquals(new ColumnRules.Stem(4, "flux_noMW"), ColumnRules.stem("flux_z_noMW"));
    assertEquals(new ColumnRules.Stem(2, "mag"), ColumnRules.stem("mag_r"));
    assertEquals(new ColumnRules.Stem(-1, "yErr"), ColumnRules.stem("yErr"));
    assertEquals(new ColumnRules.Stem(-1, "y"), ColumnRules.stem("y"));
    assertEquals(new ColumnRules.Stem(-1, "iyyPSF"), ColumnRules.stem("iyyPSF"));
    assertEquals(new ColumnRules.Stem(3, "iDebiasedPSF_flag"),
        ColumnRules.stem("i_iDebiasedPSF_flag"));
  }

  @Test
  void largerAperturesCaptureMoreFluxWithMoreNoise() {
    Rules.FluxShape small = ColumnRules.shapeOf("ap03Flux");
    Rules.FluxShape large = ColumnRules.shapeOf("ap25Flux");
    assertTrue(small.pointScale() < large.pointScale());
    assertTrue(small.noise() < large.noise());
    assertEquals(ColumnRules.shapeOf("ap09Flux"), ColumnRules.shapeOf("ap09FluxErr"));
  }

  @Test
  void fluxesAndTheirErrorsComeFromTheSameTrueFlux() {
    Table object = BundledSchemas.dp02().table("Object").orElseThrow();
    Footprint box = new Footprint(60, 61, -37, -36);
    Tile tile = new Tile(0, box, 0, 300);
    ObjectCore core = new ObjectCore(5, tile, new SkyMap());
    ColumnBatch batch = new ColumnBatch(object, 300);
    ObjectRows rows = new ObjectRows(batch, core);
    RowContext ctx = new RowContext(300, rows.noiseScale());
    assertEquals(300, rows.next(batch, ctx));
    assertEquals(Set.of("objectId", "tract", "patch"), rows.structuralColumns());
    ColumnRules.forTable(object, rows.structuralColumns()).fill(batch, ctx, 300,
        new SplittableRandom(1));
    int compared = 0;
    for (int i = 0; i < 300; i++) {
      double err = batch.vector("g_cModelFluxErr").getDouble(i);
      double flux = batch.vector("g_cModelFlux").getDouble(i);
      if (Double.isNaN(err) || batch.vector("g_cModelFluxErr").isNull(i) || Double.isNaN(flux)
          || batch.vector("g_cModelFlux").isNull(i)) {
        continue;
      }
      double expected = (float) Bands.error(1, core.flux[1][i], RowContext.COADD);
      assertEquals(expected, err, 1e-6 * expected);
      assertTrue(Math.abs(flux - core.flux[1][i]) < 6 * err, "flux within 6 sigma of truth");
      compared++;
    }
    assertTrue(compared > 280, "compared " + compared);
    assertEquals(core.objectId[7], batch.vector("objectId").getLong(7));
    assertEquals(core.ra[7], batch.vector("coord_ra").getDouble(7));
  }
}
