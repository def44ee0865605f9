package org.skyshard.ingest.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A sky rectangle in ICRS degrees: RA in {@code [raMin, raMax)}, Dec in {@code [decMin,
 * decMax)}. Areas are true solid angles (the Dec extent is weighted by sin Dec).
 */
public record Footprint(double raMin, double raMax, double decMin, double decMax) {
  /** The default footprint: inside the DC2 field, around the tutorials' RA 62, Dec -37. */
  public static final Footprint DC2 = new Footprint(55, 70, -42, -30);

  public Footprint {
    if (!(raMin >= 0 && raMin < raMax && raMax <= 360 && decMin >= -90 && decMin < decMax
        && decMax <= 90)) {
      throw new IllegalArgumentException("footprint out of range: " + raMin + "," + raMax + ","
          + decMin + "," + decMax);
    }
  }

  /** Parses {@code RA_MIN,RA_MAX,DEC_MIN,DEC_MAX}; null when the text is not that. */
  public static Footprint parse(String text) {
    String[] parts = text.split(",");
    if (parts.length != 4) {
      return null;
    }
    try {
      double[] v = new double[4];
      for (int i = 0; i < 4; i++) {
        v[i] = Double.parseDouble(parts[i].trim());
      }
      return new Footprint(v[0], v[1], v[2], v[3]);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Solid angle in square degrees. */
  public double areaDeg2() {
    return solidAngle(raMin, raMax, decMin, decMax) * Math.pow(180 / Math.PI, 2);
  }

  static double solidAngle(double ra1, double ra2, double dec1, double dec2) {
    return Math.toRadians(ra2 - ra1)
        * (Math.sin(Math.toRadians(dec2)) - Math.sin(Math.toRadians(dec1)));
  }

  /** Whether a position lies inside. */
  public boolean contains(double ra, double dec) {
    return ra >= raMin && ra < raMax && dec >= decMin && dec < decMax;
  }

  /**
   * Cuts the footprint into {@code count} tiles (a grid of RA × Dec cells, as square on the sky
   * as the count allows) and shares {@code objects} among them in proportion to their area,
   * exactly.
   */
  public List<Tile> tiles(int count, long objects) {
    double decMid = Math.toRadians((decMin + decMax) / 2);
    double raWidth = (raMax - raMin) * Math.max(Math.cos(decMid), 0.05);
    double ideal = Math.sqrt(count * (decMax - decMin) / raWidth);
    int nDec = 1;
    for (int d = 1; d <= count; d++) {
      if (count % d == 0 && Math.abs(Math.log(d / ideal)) < Math.abs(Math.log(nDec / ideal))) {
        nDec = d;
      }
    }
    int nRa = count / nDec;
    List<double[]> boxes = new ArrayList<>();
    for (int j = 0; j < nDec; j++) {
      for (int i = 0; i < nRa; i++) {
        boxes.add(new double[] {
            raMin + (raMax - raMin) * i / nRa, raMin + (raMax - raMin) * (i + 1) / nRa,
            decMin + (decMax - decMin) * j / nDec, decMin + (decMax - decMin) * (j + 1) / nDec});
      }
    }
    double total = solidAngle(raMin, raMax, decMin, decMax);
    long[] counts = new long[boxes.size()];
    double[] remainder = new double[boxes.size()];
    long assigned = 0;
    for (int k = 0; k < boxes.size(); k++) {
      double[] b = boxes.get(k);
      double share = objects * solidAngle(b[0], b[1], b[2], b[3]) / total;
      counts[k] = (long) Math.floor(share);
      remainder[k] = share - counts[k];
      assigned += counts[k];
    }
    for (long left = objects - assigned; left > 0; left--) {
      int best = 0;
      for (int k = 1; k < counts.length; k++) {
        if (remainder[k] > remainder[best]) {
          best = k;
        }
      }
      counts[best]++;
      remainder[best] = -1;
    }
    List<Tile> tiles = new ArrayList<>(boxes.size());
    long first = 0;
    for (int k = 0; k < boxes.size(); k++) {
      double[] b = boxes.get(k);
      tiles.add(new Tile(k, new Footprint(b[0], b[1], b[2], b[3]), first, counts[k]));
      first += counts[k];
    }
    return tiles;
  }
}
