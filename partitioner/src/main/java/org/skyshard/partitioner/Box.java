package org.skyshard.partitioner;

/**
 * ADQL {@code BOX(ra, dec, width, height)} (degrees), as defined by ADQL 2.0 §2.4.3 through STC
 * 1.x's Box: a cross centred on the centre, with arms parallel to the coordinate axes at the
 * centre, extending half the width east and west (along the great circle leaving the centre due
 * east) and half the height north and south (along the meridian); the four sides are great circles
 * that cross the arms' end points at right angles. So the box is the spherical quadrilateral
 * bounded by those four great circles — not an ra/dec range (see {@link RaDecRange} for that).
 *
 * <p>A point is inside when it is on the centre's side of all four side planes. Width and height
 * must be in [0, 180).
 */
public final class Box implements Region {
    private final double ra;
    private final double dec;
    private final double width;
    private final double height;
    private final double[] center;
    private final double[][] inward;
    private final double[][] corners;
    private final Edges edges;

    public Box(double ra, double dec, double width, double height) {
        if (!(dec >= -90 && dec <= 90) || !Double.isFinite(ra)
                || !(width >= 0 && width < 180) || !(height >= 0 && height < 180)) {
            throw new IllegalArgumentException("bad BOX(" + ra + ", " + dec + ", " + width + ", " + height + ")");
        }
        this.ra = ra;
        this.dec = dec;
        this.width = width;
        this.height = height;
        center = Vectors.of(ra, dec);
        double a = Math.toRadians(ra);
        double d = Math.toRadians(dec);
        double[] east = {-Math.sin(a), Math.cos(a), 0};
        double[] north = {-Math.sin(d) * Math.cos(a), -Math.sin(d) * Math.sin(a), Math.cos(d)};
        double hw = Math.toRadians(width / 2);
        double hh = Math.toRadians(height / 2);
        // The tangent of an arm at its end point is the normal of the side crossing it there.
        double[] tEast = combine(center, -Math.sin(hw), east, Math.cos(hw));
        double[] tWest = combine(center, -Math.sin(hw), east, -Math.cos(hw));
        double[] tNorth = combine(center, -Math.sin(hh), north, Math.cos(hh));
        double[] tSouth = combine(center, -Math.sin(hh), north, -Math.cos(hh));
        inward = new double[][] {neg(tEast), neg(tNorth), neg(tWest), neg(tSouth)};
        corners = new double[][] {
            corner(tNorth, tEast), corner(tNorth, tWest), corner(tSouth, tWest), corner(tSouth, tEast),
        };
        edges = new Edges(corners);
    }

    private double[] corner(double[] n1, double[] n2) {
        double[] c = Vectors.cross(n1, n2);
        double norm = Vectors.norm(c);
        if (norm < 1e-300) {
            return center.clone();
        }
        double s = Vectors.dot(c, center) >= 0 ? 1 / norm : -1 / norm;
        return new double[] {c[0] * s, c[1] * s, c[2] * s};
    }

    private static double[] combine(double[] a, double fa, double[] b, double fb) {
        return new double[] {a[0] * fa + b[0] * fb, a[1] * fa + b[1] * fb, a[2] * fa + b[2] * fb};
    }

    private static double[] neg(double[] a) {
        return new double[] {-a[0], -a[1], -a[2]};
    }

    public double ra() {
        return ra;
    }

    public double dec() {
        return dec;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** Corners NE, NW, SW, SE as {ra, dec} in degrees. */
    public double[][] corners() {
        double[][] out = new double[4][];
        for (int i = 0; i < 4; i++) {
            out[i] = Vectors.toRaDec(corners[i]);
        }
        return out;
    }

    @Override
    public boolean contains(double raDeg, double decDeg) {
        return contains(Vectors.of(raDeg, decDeg));
    }

    @Override
    public boolean contains(double[] v) {
        for (double[] n : inward) {
            if (Vectors.dot(v, n) < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Relation relate(double[] capCenter, double capRadius) {
        return edges.relate(capCenter, capRadius, contains(capCenter));
    }

    @Override
    public double area() {
        return edges.area(center);
    }

    @Override
    public double scale() {
        return Math.toRadians(Math.min(width, height) / 2);
    }

    @Override
    public String toString() {
        return "BOX(" + ra + ", " + dec + ", " + width + ", " + height + ")";
    }
}
