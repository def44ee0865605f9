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

    /**
     * Angular distance from {@code p} to the minor great-circle arc from {@code a} to {@code b}
     * whose unit pole is {@code n} ({@code a x b} normalised).
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
            return Math.asin(Math.min(1.0, Math.abs(dot(p, n))));
        }
        return Math.min(chordAngle(p, a), chordAngle(p, b));
    }
}
