package org.skyshard.partitioner;

/** The closed chain of great-circle arcs joining consecutive vertices (unit vectors). */
final class Edges {
    /** Below this |a x b| an edge is treated as a point. */
    private static final double DEGENERATE = 1e-15;

    private final double[][] vertices;
    private final double[][] poles;

    Edges(double[][] vertices) {
        this.vertices = vertices;
        this.poles = new double[vertices.length][];
        for (int i = 0; i < vertices.length; i++) {
            double[] c = Vectors.cross(vertices[i], vertices[(i + 1) % vertices.length]);
            double n = Vectors.norm(c);
            poles[i] = n < DEGENERATE ? null : new double[] {c[0] / n, c[1] / n, c[2] / n};
        }
    }

    /** Smallest angular distance (radians) from {@code p} to any edge. */
    double distance(double[] p) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < vertices.length; i++) {
            double[] a = vertices[i];
            double d = poles[i] == null
                    ? Vectors.chordAngleLower(p, a)
                    : Vectors.arcDistance(p, a, vertices[(i + 1) % vertices.length], poles[i]);
            min = Math.min(min, d);
        }
        return min;
    }

    /** Relation of a cap to the region bounded by these edges, given whether its centre is inside. */
    Relation relate(double[] center, double radius, boolean centerInside) {
        if (distance(center) <= radius + Region.TOLERANCE) {
            return Relation.INTERSECTS;
        }
        // No edge reaches into the cap: the cap lies wholly on one side of the boundary.
        return centerInside ? Relation.CONTAINS : Relation.DISJOINT;
    }

    /** Area (steradians) of the region, by a fan of triangles from {@code apex} (inside the hemisphere). */
    double area(double[] apex) {
        double sum = 0;
        for (int i = 0; i < vertices.length; i++) {
            double[] a = vertices[i];
            double[] b = vertices[(i + 1) % vertices.length];
            double triple = Vectors.dot(apex, Vectors.cross(a, b));
            double denom = 1 + Vectors.dot(apex, a) + Vectors.dot(a, b) + Vectors.dot(b, apex);
            sum += 2 * Math.atan2(triple, denom);
        }
        return Math.abs(sum);
    }
}
