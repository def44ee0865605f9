package org.skyshard.partitioner;

/**
 * A coordinate range {@code ra BETWEEN raMin AND raMax AND dec BETWEEN decMin AND decMax}
 * (degrees, bounds included): sides of constant ra are meridians, sides of constant dec are small
 * circles.
 *
 * <p>The ra range runs east from {@code raMin} to {@code raMax}, both reduced modulo 360; when
 * {@code raMin > raMax} after reduction it wraps through ra = 0 (for example 350..10), and when
 * {@code raMax - raMin >= 360} it is the whole circle.
 */
public final class RaDecRange implements Region {
    private static final double TOL_DEG = Math.toDegrees(TOLERANCE);

    private final double raMin;
    private final double raMax;
    private final double decMin;
    private final double decMax;
    private final double lo;
    private final double span;

    public RaDecRange(double raMin, double raMax, double decMin, double decMax) {
        if (!Double.isFinite(raMin) || !Double.isFinite(raMax)
                || !(decMin >= -90 && decMin <= 90) || !(decMax >= -90 && decMax <= 90) || decMin > decMax) {
            throw new IllegalArgumentException("bad range ra " + raMin + ".." + raMax + ", dec " + decMin + ".." + decMax);
        }
        this.raMin = raMin;
        this.raMax = raMax;
        this.decMin = decMin;
        this.decMax = decMax;
        if (raMax - raMin >= 360) {
            lo = 0;
            span = 360;
        } else {
            lo = mod360(raMin);
            double s = mod360(raMax) - lo;
            span = s < 0 ? s + 360 : s;
        }
    }

    static double mod360(double a) {
        double r = a % 360.0;
        if (r < 0) {
            r += 360.0;
        }
        return r >= 360.0 ? 0.0 : r;
    }

    public double raMin() {
        return raMin;
    }

    public double raMax() {
        return raMax;
    }

    public double decMin() {
        return decMin;
    }

    public double decMax() {
        return decMax;
    }

    /** Width of the ra range in degrees (0..360). */
    public double raSpan() {
        return span;
    }

    /** Start of the ra range reduced to [0, 360). */
    public double raStart() {
        return lo;
    }

    @Override
    public boolean contains(double raDeg, double decDeg) {
        return decDeg >= decMin && decDeg <= decMax && (span >= 360 || mod360(raDeg - lo) <= span);
    }

    @Override
    public boolean contains(double[] v) {
        double[] rd = Vectors.toRaDec(v);
        return contains(rd[0], rd[1]);
    }

    @Override
    public Relation relate(double[] center, double radius) {
        double[] rd = Vectors.toRaDec(center);
        double r = Math.toDegrees(radius);
        double capLo = rd[1] - r;
        double capHi = rd[1] + r;
        if (capHi < decMin - TOL_DEG || capLo > decMax + TOL_DEG) {
            return Relation.DISJOINT;
        }
        boolean decInside = capLo > decMin + TOL_DEG && capHi < decMax - TOL_DEG;
        double cosDec = Math.cos(Math.toRadians(rd[1]));
        double sinR = Math.sin(Math.min(radius, Math.PI / 2));
        if (capHi >= 90 || capLo <= -90 || radius >= Math.PI / 2 || sinR >= cosDec) {
            // The cap reaches a pole (or is huge): it spans every ra.
            return span >= 360 && decInside ? Relation.CONTAINS : Relation.INTERSECTS;
        }
        double half = Math.toDegrees(Math.asin(sinR / cosDec));
        if (span >= 360) {
            return decInside ? Relation.CONTAINS : Relation.INTERSECTS;
        }
        double width = 2 * (half + TOL_DEG);
        if (width >= 360) {
            return Relation.INTERSECTS;
        }
        double start = mod360(rd[0] - half - TOL_DEG - lo);
        if (start > span && start + width < 360) {
            return Relation.DISJOINT;
        }
        return decInside && start + width <= span ? Relation.CONTAINS : Relation.INTERSECTS;
    }

    @Override
    public double area() {
        return Math.toRadians(span) * (Math.sin(Math.toRadians(decMax)) - Math.sin(Math.toRadians(decMin)));
    }

    @Override
    public double scale() {
        double maxAbsDec = Math.max(Math.abs(decMin), Math.abs(decMax));
        double width = Math.toRadians(span) * Math.cos(Math.toRadians(Math.min(maxAbsDec, 89.9)));
        return Math.min(Math.toRadians(decMax - decMin), width) / 2;
    }

    @Override
    public String toString() {
        return "RANGE(ra " + raMin + ".." + raMax + ", dec " + decMin + ".." + decMax + ")";
    }
}
