package org.skyshard.adql;

/**
 * Independent reference geometry for the tests: unit vectors, angular distance by atan2 of the
 * cross and dot products, and point-in-polygon by gnomonic projection (great circles project to
 * straight lines) and ray casting.
 */
final class SphereReference {
  private SphereReference() {}

  static double[] vec(double raDeg, double decDeg) {
    double a = Math.toRadians(raDeg);
    double d = Math.toRadians(decDeg);
    return new double[] {Math.cos(d) * Math.cos(a), Math.cos(d) * Math.sin(a), Math.sin(d)};
  }

  static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  static double[] cross(double[] a, double[] b) {
    return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0]};
  }

  static double[] normalize(double[] a) {
    double n = Math.sqrt(dot(a, a));
    return new double[] {a[0] / n, a[1] / n, a[2] / n};
  }

  static double[] plus(double[] a, double[] b, double s) {
    return new double[] {a[0] + s * b[0], a[1] + s * b[1], a[2] + s * b[2]};
  }

  /** Angular distance in degrees. */
  static double distance(double ra1, double dec1, double ra2, double dec2) {
    double[] a = vec(ra1, dec1);
    double[] b = vec(ra2, dec2);
    double[] c = cross(a, b);
    return Math.toDegrees(Math.atan2(Math.sqrt(dot(c, c)), dot(a, b)));
  }

  /** Point in a polygon with great-circle edges, vertices as (ra, dec) pairs in degrees. */
  static boolean inPolygon(double ra, double dec, double[] vertices) {
    int n = vertices.length / 2;
    double[] centre = {0, 0, 0};
    double[][] vs = new double[n][];
    for (int i = 0; i < n; i++) {
      vs[i] = vec(vertices[2 * i], vertices[2 * i + 1]);
      centre = plus(centre, vs[i], 1);
    }
    centre = normalize(centre);
    double[] e1 = normalize(cross(new double[] {0, 0, 1}, centre));
    if (Double.isNaN(e1[0])) {
      e1 = new double[] {1, 0, 0};
    }
    double[] e2 = cross(centre, e1);
    double[] p = vec(ra, dec);
    if (dot(p, centre) <= 0) {
      return false;
    }
    double px = dot(p, e1) / dot(p, centre);
    double py = dot(p, e2) / dot(p, centre);
    boolean inside = false;
    for (int i = 0, j = n - 1; i < n; j = i++) {
      double xi = dot(vs[i], e1) / dot(vs[i], centre);
      double yi = dot(vs[i], e2) / dot(vs[i], centre);
      double xj = dot(vs[j], e1) / dot(vs[j], centre);
      double yj = dot(vs[j], e2) / dot(vs[j], centre);
      if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
    return inside;
  }

  /**
   * Whether a circle meets a polygon, by sampling the polygon's edges; null when the closest
   * edge point is within 1e-3 degrees of the radius (too close to call by sampling).
   */
  static Boolean circleMeetsPolygon(double ra, double dec, double r, double[] vertices) {
    if (inPolygon(ra, dec, vertices)) {
      return true;
    }
    int n = vertices.length / 2;
    double[] c = vec(ra, dec);
    double min = Double.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      double[] a = vec(vertices[2 * i], vertices[2 * i + 1]);
      double[] b = vec(vertices[2 * ((i + 1) % n)], vertices[2 * ((i + 1) % n) + 1]);
      for (int k = 0; k <= 4000; k++) {
        double t = k / 4000.0;
        double[] p = normalize(plus(scale(a, 1 - t), b, t));
        double[] x = cross(p, c);
        min = Math.min(min, Math.toDegrees(Math.atan2(Math.sqrt(dot(x, x)), dot(p, c))));
      }
    }
    if (Math.abs(min - r) < 1e-3) {
      return null;
    }
    return min <= r;
  }

  /**
   * The corners of ADQL's BOX (centre, width, height in degrees), whose sides are great circles
   * at half the width and half the height from the centre along the two axes.
   */
  static double[] boxCorners(double ra, double dec, double width, double height) {
    double[] c = vec(ra, dec);
    double[] east = normalize(cross(new double[] {0, 0, 1}, c));
    double[] north = cross(c, east);
    double hw = Math.toRadians(width / 2);
    double hh = Math.toRadians(height / 2);
    double[] top = cross(east, plus(new double[] {0, 0, 0}, plus(scale(c, Math.cos(hh)), north,
        Math.sin(hh)), 1));
    double[] bottom = cross(east, plus(scale(c, Math.cos(hh)), north, -Math.sin(hh)));
    double[] right = cross(north, plus(scale(c, Math.cos(hw)), east, Math.sin(hw)));
    double[] left = cross(north, plus(scale(c, Math.cos(hw)), east, -Math.sin(hw)));
    double[][] corners = {corner(top, right, c), corner(top, left, c), corner(bottom, left, c),
        corner(bottom, right, c)};
    double[] out = new double[8];
    for (int i = 0; i < 4; i++) {
      double[] v = corners[i];
      out[2 * i] = (Math.toDegrees(Math.atan2(v[1], v[0])) + 360) % 360;
      out[2 * i + 1] = Math.toDegrees(Math.asin(v[2]));
    }
    return out;
  }

  private static double[] scale(double[] a, double s) {
    return new double[] {a[0] * s, a[1] * s, a[2] * s};
  }

  private static double[] corner(double[] n1, double[] n2, double[] centre) {
    double[] v = normalize(cross(n1, n2));
    return dot(v, centre) < 0 ? scale(v, -1) : v;
  }
}
