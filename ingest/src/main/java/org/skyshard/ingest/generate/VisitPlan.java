package org.skyshard.ingest.generate;

import java.util.SplittableRandom;

/**
 * The survey's visits, decided once from the seed: id, band, time and pointing of each, sorted
 * by time. Every visit has {@link #DETECTORS} CCDs, so {@code ccdVisitId = visit * 1000 +
 * detector} exists in CcdVisit for any detector; child rows pick their visits here.
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

  VisitPlan(long seed, int count, Footprint footprint) {
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
  }

  /** How many visits a catalog of {@code objects} gets: enough for every band and epoch. */
  static int visitsFor(long objects) {
    return (int) Math.max(60, Math.min(10_000, objects / 500));
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
