package org.skyshard.ingest.generate;

/**
 * What the value rules may know about the rows of the current batch, besides the structural
 * columns a {@link RowSource} writes itself: each row's position, band, time, the true fluxes
 * and morphology of the object behind it, and how noisy its measurements are.
 */
final class RowContext {
  /** Noise scale of a single-visit measurement. */
  static final double SINGLE_VISIT = 1.0;
  /** Noise scale of a measurement on the deep coadd. */
  static final double COADD = 0.08;

  final int capacity;
  final double noiseScale;
  final double[] ra;
  final double[] dec;
  /** Band of the row's exposure, 0..5, or -1 for rows not tied to one band. */
  final byte[] band;
  /** MJD of the row's exposure (or of the latest one it summarises). */
  final double[] mjd;
  /** True fluxes of the object behind the row, nJy, [band][row]. */
  final double[][] flux;
  final boolean[] extended;
  /** Variability amplitude in units of the measurement error (difference imaging). */
  final double[] variability;

  RowContext(int capacity, double noiseScale) {
    this.capacity = capacity;
    this.noiseScale = noiseScale;
    ra = new double[capacity];
    dec = new double[capacity];
    band = new byte[capacity];
    mjd = new double[capacity];
    flux = new double[Bands.COUNT][capacity];
    extended = new boolean[capacity];
    variability = new double[capacity];
  }

  /** The band a value of {@code row} refers to: the column's own, else the row's, else r. */
  int bandOf(int row, int columnBand) {
    if (columnBand >= 0) {
      return columnBand;
    }
    int b = band[row];
    return b >= 0 ? b : 2;
  }

  /** Copies the fluxes and morphology of object {@code i} of {@code core} into {@code row}. */
  void takeObject(int row, double[][] coreFlux, boolean[] coreExtended, int i) {
    for (int b = 0; b < Bands.COUNT; b++) {
      flux[b][row] = coreFlux[b][i];
    }
    extended[row] = coreExtended != null && coreExtended[i];
  }
}
