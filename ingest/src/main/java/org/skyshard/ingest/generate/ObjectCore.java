package org.skyshard.ingest.generate;

import java.util.SplittableRandom;

/**
 * The objects of one tile and what hangs off them (DiaObjects, truth entries), recomputed from
 * the seed by every table that needs them: positions uniform on the sphere inside the tile, true
 * fluxes in six bands (log-normal in r, with colours), morphology, and how many child rows each
 * object gets in each child table.
 */
final class ObjectCore {
  static final long OBJECT_ID_BASE = 1_248_000_000_000_000_000L;
  static final long DIA_OBJECT_ID_BASE = 1_300_000_000_000_000_000L;
  static final double ARCSEC = 1.0 / 3600;

  final Tile tile;
  final int n;
  final long[] objectId;
  final double[] ra;
  final double[] dec;
  final long[] tract;
  final long[] patch;
  /** True flux in nJy, [band][object]. */
  final double[][] flux;
  final boolean[] extended;
  final int[] sources;
  final int[] forcedSources;

  final int dia;
  final int[] diaParent;
  final long[] diaObjectId;
  final double[] diaRa;
  final double[] diaDec;
  final int[] diaSources;
  final int[] diaForced;

  final int truth;
  /** The matched object of each truth entry, or -1. */
  final int[] truthParent;
  final double[] truthRa;
  final double[] truthDec;
  final double[][] truthFlux;
  final int[] truthType;
  final String[] truthId;

  ObjectCore(long seed, Tile tile, SkyMap skyMap) {
    this.tile = tile;
    this.n = Math.toIntExact(tile.objects());
    SplittableRandom rng = Seeds.stream(seed, "objects", tile.index());
    objectId = new long[n];
    ra = new double[n];
    dec = new double[n];
    tract = new long[n];
    patch = new long[n];
    flux = new double[Bands.COUNT][n];
    extended = new boolean[n];
    sources = new int[n];
    forcedSources = new int[n];
    boolean[] hasDia = new boolean[n];
    boolean[] hasTruth = new boolean[n];
    Footprint box = tile.box();
    int diaCount = 0;
    int matched = 0;
    for (int i = 0; i < n; i++) {
      objectId[i] = OBJECT_ID_BASE + ((long) tile.index() << 34) + i;
      double[] p = uniform(box, rng);
      ra[i] = p[0];
      dec[i] = p[1];
      tract[i] = skyMap.tract(ra[i], dec[i]);
      patch[i] = skyMap.patch(ra[i], dec[i]);
      double magR = Math.max(16, Math.min(29.5, 25.8 + 1.5 * rng.nextGaussian()));
      extended[i] = rng.nextDouble() < (magR < 21 ? 0.35 : 0.75);
      for (int b = 0; b < Bands.COUNT; b++) {
        double colour = Bands.COLOUR[b] * (extended[i] ? 1.0 : 0.8);
        flux[b][i] = Bands.magToFlux(magR + colour + 0.15 * rng.nextGaussian());
      }
      sources[i] = rng.nextInt(11);
      forcedSources[i] = 15 + rng.nextInt(11);
      hasDia[i] = rng.nextDouble() < 0.05;
      hasTruth[i] = rng.nextDouble() < 0.95;
      diaCount += hasDia[i] ? 1 : 0;
      matched += hasTruth[i] ? 1 : 0;
    }

    dia = diaCount;
    diaParent = new int[dia];
    diaObjectId = new long[dia];
    diaRa = new double[dia];
    diaDec = new double[dia];
    diaSources = new int[dia];
    diaForced = new int[dia];
    for (int i = 0, j = 0; i < n; i++) {
      if (hasDia[i]) {
        diaParent[j] = i;
        diaObjectId[j] = DIA_OBJECT_ID_BASE + ((long) tile.index() << 34) + j;
        diaRa[j] = offsetRa(ra[i], dec[i], 0.05 * rng.nextGaussian());
        diaDec[j] = dec[i] + 0.05 * ARCSEC * rng.nextGaussian();
        diaSources[j] = (int) Math.min(300, 1 + Math.floor(6 * Math.exp(rng.nextGaussian())));
        diaForced[j] = 8 + rng.nextInt(5);
        j++;
      }
    }

    int unmatched = (int) Math.round(0.05 * n);
    truth = matched + unmatched;
    truthParent = new int[truth];
    truthRa = new double[truth];
    truthDec = new double[truth];
    truthFlux = new double[Bands.COUNT][truth];
    truthType = new int[truth];
    truthId = new String[truth];
    int t = 0;
    for (int i = 0; i < n; i++) {
      if (hasTruth[i]) {
        truthParent[t] = i;
        truthRa[t] = offsetRa(ra[i], dec[i], 0.03 * rng.nextGaussian());
        truthDec[t] = dec[i] + 0.03 * ARCSEC * rng.nextGaussian();
        for (int b = 0; b < Bands.COUNT; b++) {
          truthFlux[b][t] = flux[b][i];
        }
        truthType[t] = extended[i] ? 1 : (rng.nextDouble() < 0.01 ? 3 : 2);
        t++;
      }
    }
    for (; t < truth; t++) {
      truthParent[t] = -1;
      double[] p = uniform(box, rng);
      truthRa[t] = p[0];
      truthDec[t] = p[1];
      double mag = 27.5 + 2 * rng.nextDouble();
      for (int b = 0; b < Bands.COUNT; b++) {
        truthFlux[b][t] = Bands.magToFlux(mag + Bands.COLOUR[b] + 0.15 * rng.nextGaussian());
      }
      truthType[t] = 1;
    }
    for (t = 0; t < truth; t++) {
      truthId[t] = Long.toString((tile.index() + 1L) * 10_000_000_000L + t);
    }
  }

  /** A point uniform on the sphere inside {@code box}: {ra, dec} in degrees. */
  static double[] uniform(Footprint box, SplittableRandom rng) {
    double s1 = Math.sin(Math.toRadians(box.decMin()));
    double s2 = Math.sin(Math.toRadians(box.decMax()));
    double ra = box.raMin() + (box.raMax() - box.raMin()) * rng.nextDouble();
    double dec = Math.toDegrees(Math.asin(s1 + (s2 - s1) * rng.nextDouble()));
    return new double[] {ra, Math.min(dec, Math.nextDown(box.decMax()))};
  }

  /** {@code ra} moved by {@code arcsec} of true angle along the parallel at {@code dec}. */
  static double offsetRa(double ra, double dec, double arcsec) {
    return VisitPlan.wrap(ra + arcsec * ARCSEC / Math.max(Math.cos(Math.toRadians(dec)), 1e-3));
  }
}
