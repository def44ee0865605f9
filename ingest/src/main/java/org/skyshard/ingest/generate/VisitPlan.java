package org.skyshard.ingest.generate;

import java.util.SplittableRandom;

/**
 * The survey's visits, decided once from the seed: id, band, time and pointing of each, sorted
 * by time. Every visit has {@link #DETECTORS} CCDs on a grid around its pointing, so {@code
 * ccdVisitId = visit * 1000 + detector} exists in CcdVisit for any detector; child rows pick here
 * a CCD that covers their position.
 */
final class VisitPlan {
  /** Science CCDs of LSSTCam. */
  static final int DETECTORS = 189;
  /** MJD range of the DC2 simulated survey. */
  static final double MJD_START = 59580.0;
  static final double MJD_END = 61400.0;
  static final double EXPOSURE = 30.0;
  /** CCD pitch on the sky, degrees. */
  static final double CCD_SIZE = 0.23;
  private static final int GRID = 14;

  final int count;
  final long[] visit;
  final byte[] band;
  final double[] mjd;
  final double[] ra;
  final double[] dec;
  final double[] rotation;
  final double[] airmass;
  final double[] seeing;
  private final Footprint footprint;
  /** Visits whose focal plane may cover each cell of a grid over the footprint. */
  private final int[][] coverage;
  private final int cellsRa;
  private final int cellsDec;

  VisitPlan(long seed, int count, Footprint footprint) {
    this.footprint = footprint;
    this.count = count;
    visit = new long[count];
    band = new byte[count];
    mjd = new double[count];
    ra = new double[count];
    dec = new double[count];
    rotation = new double[count];
    airmass = new double[count];
    seeing = new double[count];
    SplittableRandom rng = Seeds.stream(seed, "visits", 0);
    double span = (MJD_END - MJD_START) / count;
    double s1 = Math.sin(Math.toRadians(footprint.decMin()));
    double s2 = Math.sin(Math.toRadians(footprint.decMax()));
    for (int v = 0; v < count; v++) {
      visit[v] = 159_000L + 10L * v + rng.nextInt(10);
      band[v] = (byte) rng.nextInt(Bands.COUNT);
      mjd[v] = MJD_START + span * (v + rng.nextDouble() * 0.9);
      ra[v] = footprint.raMin() + (footprint.raMax() - footprint.raMin()) * rng.nextDouble();
      dec[v] = Math.toDegrees(Math.asin(s1 + (s2 - s1) * rng.nextDouble()));
      rotation[v] = 360 * rng.nextDouble();
      airmass[v] = 1.0 + 0.8 * rng.nextDouble() * rng.nextDouble();
      seeing[v] = 0.55 + 0.5 * rng.nextDouble() * rng.nextDouble() + 0.1 * rng.nextDouble();
    }
    cellsRa = (int) Math.ceil((footprint.raMax() - footprint.raMin()) / CELL);
    cellsDec = (int) Math.ceil((footprint.decMax() - footprint.decMin()) / CELL);
    coverage = coverage();
  }

  /** Grid cell size for the coverage index, degrees. */
  private static final double CELL = 0.5;
  /** Half the focal plane's width, degrees. */
  private static final double HALF_FIELD = GRID / 2.0 * CCD_SIZE;

  private int[][] coverage() {
    int[] counts = new int[cellsRa * cellsDec];
    int[][] cells = new int[cellsRa * cellsDec][];
    for (int pass = 0; pass < 2; pass++) {
      for (int v = 0; v < count; v++) {
        double cos = Math.max(Math.cos(Math.toRadians(dec[v])), 0.05);
        int i0 = cellRa(ra[v] - (HALF_FIELD + CELL) / cos);
        int i1 = cellRa(ra[v] + (HALF_FIELD + CELL) / cos);
        int j0 = cellDec(dec[v] - HALF_FIELD - CELL);
        int j1 = cellDec(dec[v] + HALF_FIELD + CELL);
        for (int j = j0; j <= j1; j++) {
          for (int i = i0; i <= i1; i++) {
            int c = j * cellsRa + i;
            if (pass == 0) {
              counts[c]++;
            } else {
              cells[c][counts[c]++] = v;
            }
          }
        }
      }
      if (pass == 0) {
        for (int c = 0; c < cells.length; c++) {
          cells[c] = new int[counts[c]];
          counts[c] = 0;
        }
      }
    }
    return cells;
  }

  private int cellRa(double ra) {
    return Math.max(0, Math.min(cellsRa - 1, (int) Math.floor((ra - footprint.raMin()) / CELL)));
  }

  private int cellDec(double dec) {
    return Math.max(0, Math.min(cellsDec - 1,
        (int) Math.floor((dec - footprint.decMin()) / CELL)));
  }

  /**
   * A CCD of some visit that covers {@code (ra, dec)}, as {@code visit * DETECTORS + detector};
   * a random one if no visit covers the position.
   */
  int pickCcd(double ra, double dec, SplittableRandom rng) {
    int[] candidates = coverage[cellDec(dec) * cellsRa + cellRa(ra)];
    for (int attempt = 0; attempt < 8 && candidates.length > 0; attempt++) {
      int v = candidates[rng.nextInt(candidates.length)];
      int row = (int) Math.round((dec - this.dec[v]) / CCD_SIZE + (GRID - 1) / 2.0);
      if (row < 0 || row >= GRID) {
        continue;
      }
      double ccdDec = Math.max(-90, Math.min(90, this.dec[v] + (row - (GRID - 1) / 2.0)
          * CCD_SIZE));
      double dRa = ((ra - this.ra[v] + 540) % 360) - 180;
      int col = (int) Math.round(dRa * Math.max(Math.cos(Math.toRadians(ccdDec)), 0.05)
          / CCD_SIZE + (GRID - 1) / 2.0);
      int detector = row * GRID + col;
      if (col >= 0 && col < GRID && detector < DETECTORS) {
        return v * DETECTORS + detector;
      }
    }
    return rng.nextInt(count) * DETECTORS + rng.nextInt(DETECTORS);
  }

  /** How many visits a catalog of {@code objects} gets: enough for every band and epoch. */
  static int visitsFor(long objects) {
    return (int) Math.max(40, Math.min(10_000, objects / 500));
  }

  long ccdVisitId(int v, int detector) {
    return visit[v] * 1000 + detector;
  }

  /** RA of the centre of a CCD. */
  double ccdRa(int v, int detector) {
    double dx = ((detector % GRID) - (GRID - 1) / 2.0) * CCD_SIZE;
    return wrap(ra[v] + dx / Math.max(Math.cos(Math.toRadians(ccdDec(v, detector))), 0.05));
  }

  /** Dec of the centre of a CCD. */
  double ccdDec(int v, int detector) {
    double dy = ((detector / GRID) - (GRID - 1) / 2.0) * CCD_SIZE;
    return Math.max(-90, Math.min(90, dec[v] + dy));
  }

  static double wrap(double ra) {
    return ((ra % 360) + 360) % 360;
  }
}
