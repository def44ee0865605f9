package org.skyshard.partitioner;

/**
 * ADQL {@code CIRCLE(ra, dec, radius)}: the points whose angular distance from the centre is at
 * most the radius, all in degrees. A radius of 180 or more is the whole sphere.
 */
public final class Circle implements Region {
    private final double ra;
    private final double dec;
    private final double radius;
    private final double[] center;
    private final double radiusRad;

    public Circle(double ra, double dec, double radius) {
        if (!(dec >= -90 && dec <= 90) || !Double.isFinite(ra) || !(radius >= 0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("bad CIRCLE(" + ra + ", " + dec + ", " + radius + ")");
        }
        this.ra = ra;
        this.dec = dec;
        this.radius = radius;
        this.center = Vectors.of(ra, dec);
        this.radiusRad = Math.toRadians(Math.min(radius, 180.0));
    }

    public double ra() {
        return ra;
    }

    public double dec() {
        return dec;
    }

    /** Radius in degrees. */
    public double radius() {
        return radius;
    }

    @Override
    public boolean contains(double raDeg, double decDeg) {
        return contains(Vectors.of(raDeg, decDeg));
    }

    @Override
    public boolean contains(double[] v) {
        return Vectors.angle(center, v) <= radiusRad;
    }

    @Override
    public Relation relate(double[] capCenter, double capRadius) {
        return relate(center, radiusRad, capCenter, capRadius);
    }

    static Relation relate(double[] c, double r, double[] capCenter, double capRadius) {
        if (r >= Math.PI) {
            return Relation.CONTAINS;
        }
        double chord = Vectors.chord(c, capCenter) * 0.5;
        if (2.0 * Vectors.asinLower(chord) > r + capRadius + TOLERANCE) {
            return Relation.DISJOINT;
        }
        if (2.0 * Vectors.asinUpper(chord) + capRadius < r - TOLERANCE) {
            return Relation.CONTAINS;
        }
        return Relation.INTERSECTS;
    }

    @Override
    public double area() {
        return 2 * Math.PI * (1 - Math.cos(radiusRad));
    }

    @Override
    public double scale() {
        return radiusRad;
    }

    @Override
    public String toString() {
        return "CIRCLE(" + ra + ", " + dec + ", " + radius + ")";
    }
}
