package org.skyshard.partitioner;

import java.util.Arrays;

/**
 * ADQL {@code POLYGON(ra1, dec1, ra2, dec2, ...)}: vertices in degrees joined by minor
 * great-circle arcs, the last joined back to the first.
 *
 * <p>Interior: the polygon must lie within an open hemisphere, the one centred on the normalised
 * sum of its vertex vectors (otherwise the constructor refuses it). A point is inside when it is
 * in that hemisphere and the polygon winds around it (non-zero winding number) in the gnomonic
 * projection centred there, where great-circle edges are straight lines. This works for either
 * vertex order and for concave polygons; for a convex polygon it is the usual "smaller region
 * bounded by the edges". It equals a winding-angle test (sum of the angles the edges subtend at
 * the point is +-2 pi) restricted to that hemisphere; without the restriction such a test also
 * accepts points whose antipode is inside.
 */
public final class Polygon implements Region {
    private final double[] coords;
    private final double[][] vertices;
    private final double[] centroid;
    private final double[] u;
    private final double[] w;
    private final double[] px;
    private final double[] py;
    private final Edges edges;

    /** @param raDec ra1, dec1, ra2, dec2, ... in degrees (at least 3 vertices) */
    public Polygon(double... raDec) {
        if (raDec.length < 6 || raDec.length % 2 != 0) {
            throw new IllegalArgumentException("POLYGON needs at least 3 vertices (ra, dec pairs)");
        }
        this.coords = raDec.clone();
        int n = raDec.length / 2;
        vertices = new double[n][];
        double[] sum = new double[3];
        for (int i = 0; i < n; i++) {
            double ra = raDec[2 * i];
            double dec = raDec[2 * i + 1];
            if (!(dec >= -90 && dec <= 90) || !Double.isFinite(ra)) {
                throw new IllegalArgumentException("bad POLYGON vertex (" + ra + ", " + dec + ")");
            }
            vertices[i] = Vectors.of(ra, dec);
            for (int k = 0; k < 3; k++) {
                sum[k] += vertices[i][k];
            }
        }
        if (Vectors.norm(sum) < 1e-9) {
            throw new IllegalArgumentException("POLYGON vertices cancel out: not within a hemisphere");
        }
        centroid = Vectors.normalize(sum);
        for (double[] v : vertices) {
            if (Vectors.dot(v, centroid) < 1e-9) {
                throw new IllegalArgumentException("POLYGON does not fit in a hemisphere");
            }
        }
        // Tangent-plane basis at the centroid.
        double[] ref = Math.abs(centroid[2]) < 0.9 ? new double[] {0, 0, 1} : new double[] {1, 0, 0};
        u = Vectors.normalize(Vectors.cross(ref, centroid));
        w = Vectors.cross(centroid, u);
        px = new double[n];
        py = new double[n];
        for (int i = 0; i < n; i++) {
            double d = Vectors.dot(vertices[i], centroid);
            px[i] = Vectors.dot(vertices[i], u) / d;
            py[i] = Vectors.dot(vertices[i], w) / d;
        }
        edges = new Edges(vertices);
    }

    /** The vertices as ra1, dec1, ra2, dec2, ... (degrees). */
    public double[] coordinates() {
        return coords.clone();
    }

    @Override
    public boolean contains(double raDeg, double decDeg) {
        return contains(Vectors.of(raDeg, decDeg));
    }

    @Override
    public boolean contains(double[] v) {
        double d = Vectors.dot(v, centroid);
        if (d <= 0) {
            return false;
        }
        double x = Vectors.dot(v, u) / d;
        double y = Vectors.dot(v, w) / d;
        // Winding number of the projected polygon around the point (non-zero rule).
        int winding = 0;
        int n = px.length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double cross = (px[i] - px[j]) * (y - py[j]) - (x - px[j]) * (py[i] - py[j]);
            if (py[j] <= y) {
                if (py[i] > y && cross > 0) {
                    winding++;
                }
            } else if (py[i] <= y && cross < 0) {
                winding--;
            }
        }
        return winding != 0;
    }

    @Override
    public Relation relate(double[] center, double radius) {
        return edges.relate(center, radius, contains(center));
    }

    @Override
    public double area() {
        return edges.area(centroid);
    }

    /** Half the square root of the area (small for thin polygons). */
    @Override
    public double scale() {
        return Math.sqrt(area()) / 2;
    }

    @Override
    public String toString() {
        return "POLYGON" + Arrays.toString(coords).replace('[', '(').replace(']', ')');
    }
}
