package org.skyshard.ingest.generate;

/**
 * The six LSST bands and the photometry the generator needs: names, simulated physical filters,
 * wavelengths, single-visit depths, and the nJy ⇄ AB magnitude relation.
 */
final class Bands {
  static final int COUNT = 6;
  static final String[] NAMES = {"u", "g", "r", "i", "z", "y"};
  /** Physical filters of the DC2 simulation ({@code r_sim_1.4}). */
  static final String[] PHYSICAL = {"u_sim_1.4", "g_sim_1.4", "r_sim_1.4", "i_sim_1.4",
      "z_sim_1.4", "y_sim_1.4"};
  /** Band edges in metres, for ObsCore's em_min and em_max. */
  static final double[] EM_MIN = {330e-9, 402e-9, 552e-9, 691e-9, 818e-9, 923e-9};
  static final double[] EM_MAX = {400e-9, 552e-9, 691e-9, 818e-9, 922e-9, 1070e-9};
  /** Typical single-visit 5-sigma point-source depths (AB mag). */
  static final double[] DEPTH = {23.7, 24.8, 24.4, 23.9, 23.3, 22.4};
  /** Mean colour offsets from r (mag): u-r, g-r, 0, i-r, z-r, y-r. */
  static final double[] COLOUR = {1.3, 0.5, 0.0, -0.3, -0.5, -0.6};
  /** The AB zero point of nJy fluxes: m = 31.4 - 2.5 log10(f / nJy). */
  static final double AB_NJY = 31.4;
  private static final double[] SKY_SIGMA = new double[COUNT];

  static {
    for (int b = 0; b < COUNT; b++) {
      SKY_SIGMA[b] = magToFlux(DEPTH[b]) / 5;
    }
  }

  private Bands() {}

  static double magToFlux(double mag) {
    return Math.pow(10, (AB_NJY - mag) / 2.5);
  }

  static double fluxToMag(double flux) {
    return AB_NJY - 2.5 * Math.log10(flux);
  }

  /**
   * The 1-sigma error of a flux measured in {@code band}: sky noise scaled by {@code noiseScale}
   * (1 for one visit, about 0.1 for a deep coadd) plus a 1% calibration floor.
   */
  static double error(int band, double flux, double noiseScale) {
    double sky = SKY_SIGMA[band] * noiseScale;
    double source = Math.sqrt(Math.abs(flux) * sky / 25);
    return Math.sqrt(sky * sky + source * source + 1e-4 * flux * flux);
  }
}
