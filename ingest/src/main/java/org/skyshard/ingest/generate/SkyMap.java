package org.skyshard.ingest.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A ring-based sky map like the DC2 one: the sky is cut into Dec rings of {@link #TRACT_SIZE}
 * degrees, each ring into equal RA tracts about as wide, and each tract into 7 × 7 patches
 * ({@code patch = 7 * row + column}, 0..48). Every position has one tract and one patch, so the
 * tract and patch columns agree with the coordinates. Tract numbers are shifted so that the tract
 * holding RA 62, Dec -37 is 4431, as in DP0.2, where the tutorials look.
 */
public final class SkyMap {
  /** The skymap name, as in DP0.2's {@code skymap} column. */
  public static final String NAME = "DC2";
  static final double TRACT_SIZE = 1.5;
  static final int PATCHES = 7;
  private static final int RINGS = (int) Math.round(180 / TRACT_SIZE);
  private final int[] ringStart = new int[RINGS + 1];
  private final int[] ringTracts = new int[RINGS];
  private final long offset;

  public SkyMap() {
    int start = 0;
    for (int r = 0; r < RINGS; r++) {
      double decCenter = -90 + (r + 0.5) * TRACT_SIZE;
      ringTracts[r] = Math.max(1, (int) Math.floor(360 * Math.cos(Math.toRadians(decCenter))
          / TRACT_SIZE));
      ringStart[r] = start;
      start += ringTracts[r];
    }
    ringStart[RINGS] = start;
    offset = 4431 - rawTract(62, -37);
  }

  private static int ring(double dec) {
    return Math.min(RINGS - 1, Math.max(0, (int) Math.floor((dec + 90) / TRACT_SIZE)));
  }

  private int column(int ring, double ra) {
    double x = ((ra % 360) + 360) % 360;
    return Math.min(ringTracts[ring] - 1, (int) Math.floor(x * ringTracts[ring] / 360));
  }

  /** The tract holding a position. */
  public long tract(double ra, double dec) {
    return offset + rawTract(ra, dec);
  }

  private long rawTract(double ra, double dec) {
    int r = ring(dec);
    return ringStart[r] + column(r, ra);
  }

  /** The patch (0..48) holding a position within its tract. */
  public long patch(double ra, double dec) {
    int r = ring(dec);
    int c = column(r, ra);
    double width = 360.0 / ringTracts[r];
    double fx = ((((ra % 360) + 360) % 360) - c * width) / width;
    double fy = (dec - (-90 + r * TRACT_SIZE)) / TRACT_SIZE;
    int px = Math.min(PATCHES - 1, Math.max(0, (int) Math.floor(fx * PATCHES)));
    int py = Math.min(PATCHES - 1, Math.max(0, (int) Math.floor(fy * PATCHES)));
    return (long) py * PATCHES + px;
  }

  /** One patch: its tract and patch numbers and its RA/Dec box. */
  public record Patch(long tract, long patch, double raMin, double raMax, double decMin,
      double decMax) {
    public double raCenter() {
      return (raMin + raMax) / 2;
    }

    public double decCenter() {
      return (decMin + decMax) / 2;
    }

    /** The box as an ADQL/STC-S polygon, corners counter-clockwise. */
    public String polygon() {
      return String.format(java.util.Locale.ROOT,
          "POLYGON ICRS %.6f %.6f %.6f %.6f %.6f %.6f %.6f %.6f",
          raMin, decMin, raMax, decMin, raMax, decMax, raMin, decMax);
    }
  }

  /** Every patch that overlaps the footprint, by tract then patch number. */
  public List<Patch> patches(Footprint f) {
    List<Patch> out = new ArrayList<>();
    for (int r = ring(f.decMin()); r <= ring(Math.nextDown(f.decMax())); r++) {
      double width = 360.0 / ringTracts[r];
      int c0 = column(r, f.raMin());
      int c1 = column(r, Math.nextDown(f.raMax()));
      for (int c = c0; c <= c1; c++) {
        for (int py = 0; py < PATCHES; py++) {
          for (int px = 0; px < PATCHES; px++) {
            double ra0 = c * width + px * width / PATCHES;
            double ra1 = ra0 + width / PATCHES;
            double dec0 = -90 + r * TRACT_SIZE + py * TRACT_SIZE / PATCHES;
            double dec1 = dec0 + TRACT_SIZE / PATCHES;
            if (ra1 > f.raMin() && ra0 < f.raMax() && dec1 > f.decMin() && dec0 < f.decMax()) {
              out.add(new Patch(offset + ringStart[r] + c, (long) py * PATCHES + px, ra0, ra1,
                  dec0, dec1));
            }
          }
        }
      }
    }
    return out;
  }
}
