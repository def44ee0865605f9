package org.skyshard.ingest.generate;

import java.util.SplittableRandom;
import org.skyshard.ingest.parquet.ColumnVector;

/** Building blocks for {@link ValueRule}s: numbers, flags, text, times, fluxes and errors. */
final class Rules {
  private Rules() {}

  /** One numeric value per row. */
  @FunctionalInterface
  interface Num {
    double at(RowContext c, int row, int band, SplittableRandom rng);
  }

  /** One text value per row. */
  @FunctionalInterface
  interface Text {
    String at(RowContext c, int row, int band, SplittableRandom rng);
  }

  /** A numeric rule, stored in whatever numeric kind the column has. */
  static ValueRule num(Num f) {
    return (v, c, n, band, rng) -> {
      switch (v.kind()) {
        case DOUBLE -> {
          double[] a = v.doubles();
          for (int r = 0; r < n; r++) {
            a[r] = f.at(c, r, band, rng);
          }
        }
        case FLOAT -> {
          float[] a = v.floats();
          for (int r = 0; r < n; r++) {
            a[r] = (float) f.at(c, r, band, rng);
          }
        }
        case INT32 -> {
          int[] a = v.ints();
          for (int r = 0; r < n; r++) {
            a[r] = (int) Math.round(f.at(c, r, band, rng));
          }
        }
        case INT64 -> {
          long[] a = v.longs();
          for (int r = 0; r < n; r++) {
            a[r] = Math.round(f.at(c, r, band, rng));
          }
        }
        case BOOLEAN -> {
          boolean[] a = v.booleans();
          for (int r = 0; r < n; r++) {
            a[r] = f.at(c, r, band, rng) != 0;
          }
        }
        case STRING -> {
          String[] a = v.strings();
          for (int r = 0; r < n; r++) {
            a[r] = Double.toString(f.at(c, r, band, rng));
          }
        }
        case BINARY -> {
          byte[][] a = v.binaries();
          for (int r = 0; r < n; r++) {
            a[r] = Double.toString(f.at(c, r, band, rng)).getBytes(
                java.nio.charset.StandardCharsets.US_ASCII);
          }
        }
      }
    };
  }

  /**
   * {@code rule} with double values rounded to float precision, as the measurements of a science
   * pipeline are: their low mantissa bits are zero, which compresses as real catalogs do.
   */
  static ValueRule measured(ValueRule rule) {
    return (v, c, n, band, rng) -> {
      rule.fill(v, c, n, band, rng);
      if (v.kind() == ColumnVector.Kind.DOUBLE) {
        double[] a = v.doubles();
        for (int r = 0; r < n; r++) {
          a[r] = (float) a[r];
        }
      }
    };
  }

  /** A constant number. */
  static ValueRule constant(double value) {
    return num((c, r, b, rng) -> value);
  }

  /** A flag that is true with probability {@code p}. */
  static ValueRule flag(double p) {
    return (v, c, n, band, rng) -> {
      if (v.kind() != ColumnVector.Kind.BOOLEAN) {
        num((cc, r, b, g) -> g.nextDouble() < p ? 1 : 0).fill(v, c, n, band, rng);
        return;
      }
      boolean[] a = v.booleans();
      for (int r = 0; r < n; r++) {
        a[r] = rng.nextDouble() < p;
      }
    };
  }

  /** A text rule; non-text columns get the text's number, if it is one. */
  static ValueRule text(Text f) {
    return (v, c, n, band, rng) -> {
      if (v.kind() == ColumnVector.Kind.STRING) {
        String[] a = v.strings();
        for (int r = 0; r < n; r++) {
          a[r] = f.at(c, r, band, rng);
        }
      } else {
        num((cc, r, b, g) -> 0).fill(v, c, n, band, rng);
      }
    };
  }

  /** The same text on every row. */
  static ValueRule text(String value) {
    return text((c, r, b, rng) -> value);
  }

  /** NULL on every row of a nullable column (and an empty value in a NOT NULL one). */
  static ValueRule none() {
    return (v, c, n, band, rng) -> {
      if (v.nulls() != null) {
        java.util.Arrays.fill(v.nulls(), 0, n, true);
      } else {
        text("").fill(v, c, n, band, rng);
      }
    };
  }

  /** Microseconds since 1970 of the row's MJD plus {@code offsetSeconds}. */
  static Num timestamp(double offsetSeconds) {
    return (c, r, b, rng) -> Math.round(((c.mjd[r] - 40587.0) * 86400.0 + offsetSeconds) * 1e6);
  }

  static Num uniform(double lo, double hi) {
    return (c, r, b, rng) -> lo + (hi - lo) * rng.nextDouble();
  }

  static Num gauss(double mean, double sigma) {
    return (c, r, b, rng) -> mean + sigma * rng.nextGaussian();
  }

  static Num logNormal(double median, double sigmaLn) {
    return (c, r, b, rng) -> median * Math.exp(sigmaLn * rng.nextGaussian());
  }

  /** How a flux measurement relates to the true flux: the fraction it captures, extra noise. */
  record FluxShape(double pointScale, double extendedScale, double noise) {
    double scale(RowContext c, int row) {
      return c.extended[row] ? extendedScale : pointScale;
    }
  }

  /** A direct-image flux: true flux times the shape's fraction, plus noise. nJy. */
  static Num directFlux(FluxShape s) {
    return (c, r, b, rng) -> {
      int band = c.bandOf(r, b);
      double f = c.flux[band][r] * s.scale(c, r);
      return f + s.noise() * Bands.error(band, f, c.noiseScale) * rng.nextGaussian();
    };
  }

  /** The error of {@link #directFlux} with the same shape. */
  static Num directError(FluxShape s) {
    return (c, r, b, rng) -> {
      int band = c.bandOf(r, b);
      return s.noise() * Bands.error(band, c.flux[band][r] * s.scale(c, r), c.noiseScale);
    };
  }

  /** A difference-image flux: the row's variability plus noise, centred on zero. nJy. */
  static Num diffFlux() {
    return (c, r, b, rng) -> {
      int band = c.bandOf(r, b);
      return Bands.error(band, c.flux[band][r], c.noiseScale)
          * (c.variability[r] + rng.nextGaussian());
    };
  }

  /** The error of {@link #diffFlux}. */
  static Num diffError() {
    return (c, r, b, rng) -> {
      int band = c.bandOf(r, b);
      return Bands.error(band, c.flux[band][r], c.noiseScale);
    };
  }

  /** The true flux, noiseless (truth tables). */
  static Num trueFlux(double factor) {
    return (c, r, b, rng) -> c.flux[c.bandOf(r, b)][r] * factor;
  }

  /** The true AB magnitude (truth tables). */
  static Num trueMag() {
    return (c, r, b, rng) -> Bands.fluxToMag(c.flux[c.bandOf(r, b)][r]);
  }
}
