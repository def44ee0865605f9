package org.skyshard.partitioner;

/** Unit-vector arithmetic on the sphere; vectors are {@code double[3]}, angles in radians unless named Deg. */
public final class Vectors {
    private Vectors() {
    }

    /** The unit vector of (ra, dec) in degrees. */
    public static double[] of(double raDeg, double decDeg) {
        double[] v = new double[3];
        set(raDeg, decDeg, v);
        return v;
    }

    /** Writes the unit vector of (ra, dec) in degrees to {@code out}. */
    public static void set(double raDeg, double decDeg, double[] out) {
        double a = Math.toRadians(raDeg);
        double d = Math.toRadians(decDeg);
        double c = Math.cos(d);
        out[0] = c * Math.cos(a);
        out[1] = c * Math.sin(a);
        out[2] = Math.sin(d);
    }

    /** {ra in [0, 360), dec} in degrees of a (not necessarily unit) vector. */
    public static double[] toRaDec(double[] v) {
        double ra = Math.toDegrees(Math.atan2(v[1], v[0]));
        if (ra < 0) {
            ra += 360.0;
        }
        if (ra >= 360.0) {
            ra -= 360.0;
        }
        double dec = Math.toDegrees(Math.atan2(v[2], Math.hypot(v[0], v[1])));
        return new double[] {ra, dec};
    }

    public static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    /** a x b. */
    public static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    public static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** a / |a| (a new array). */
    public static double[] normalize(double[] a) {
        double n = norm(a);
        return new double[] {a[0] / n, a[1] / n, a[2] / n};
    }

    /** Angle between two unit vectors, accurate at all separations. */
    public static double angle(double[] a, double[] b) {
        double cx = a[1] * b[2] - a[2] * b[1];
        double cy = a[2] * b[0] - a[0] * b[2];
        double cz = a[0] * b[1] - a[1] * b[0];
        return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), dot(a, b));
    }

    /** Angle between two unit vectors from their chord; fast, accurate for unit inputs. */
    public static double chordAngle(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        double half = Math.sqrt(dx * dx + dy * dy + dz * dz) * 0.5;
        return 2.0 * Math.asin(Math.min(1.0, half));
    }

    /** Below this argument {@link #asinLower}/{@link #asinUpper} use a series instead of Math.asin. */
    private static final double SERIES_LIMIT = 0.25;
    /** Bound on the asin series beyond the x^7 term for x in [0, 1]: pi/2 - 1 - 1/6 - 3/40 - 5/112. */
    private static final double SERIES_TAIL = Math.PI / 2 - 1 - 1.0 / 6 - 3.0 / 40 - 5.0 / 112;

    /**
     * A lower bound of asin(x) for x in [0, 1] (exact to about 1e-6 relative); Math.asin is not a
     * JIT intrinsic and dominates cover computations otherwise.
     */
    static double asinLower(double x) {
        x = Math.min(1.0, x);
        double m = 1;
        while (x > SERIES_LIMIT) {
            x = halfAngleSine(x);
            m *= 2;
        }
        double x2 = x * x;
        return m * x * (1 + x2 * (1.0 / 6 + x2 * (3.0 / 40 + x2 * (5.0 / 112))));
    }

    /** An upper bound of asin(x) for x in [0, 1]. */
    static double asinUpper(double x) {
        x = Math.min(1.0, x);
        double m = 1;
        while (x > SERIES_LIMIT) {
            x = halfAngleSine(x);
            m *= 2;
        }
        double x2 = x * x;
        return m * x * (1 + x2 * (1.0 / 6 + x2 * (3.0 / 40 + x2 * (5.0 / 112 + x2 * SERIES_TAIL))));
    }

    /** sin(t/2) from x = sin(t), t in [0, pi/2]. */
    private static double halfAngleSine(double x) {
        return x / Math.sqrt(2 * (1 + Math.sqrt((1 - x) * (1 + x))));
    }

    /** A lower bound of the angle between unit vectors, from their chord. */
    static double chordAngleLower(double[] a, double[] b) {
        return 2.0 * asinLower(chord(a, b) * 0.5);
    }

    /** An upper bound of the angle between unit vectors, from their chord. */
    static double chordAngleUpper(double[] a, double[] b) {
        return 2.0 * asinUpper(chord(a, b) * 0.5);
    }

    static double chord(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /**
     * Angular distance from {@code p} to the minor great-circle arc from {@code a} to {@code b}
     * whose unit pole is {@code n} ({@code a x b} normalised); a lower bound exact to about 1e-6
     * relative, as conservative tests need.
     */
    public static double arcDistance(double[] p, double[] a, double[] b, double[] n) {
        // p lies "between" a and b along the arc iff (a x p).n >= 0 and (p x b).n >= 0.
        double apx = a[1] * p[2] - a[2] * p[1];
        double apy = a[2] * p[0] - a[0] * p[2];
        double apz = a[0] * p[1] - a[1] * p[0];
        double pbx = p[1] * b[2] - p[2] * b[1];
        double pby = p[2] * b[0] - p[0] * b[2];
        double pbz = p[0] * b[1] - p[1] * b[0];
        if (apx * n[0] + apy * n[1] + apz * n[2] >= 0 && pbx * n[0] + pby * n[1] + pbz * n[2] >= 0) {
            return asinLower(Math.abs(dot(p, n)));
        }
        return Math.min(chordAngleLower(p, a), chordAngleLower(p, b));
    }
}
