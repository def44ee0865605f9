package org.skyshard.partitioner;

/**
 * Bounding caps of HEALPix pixels: a centre and a radius such that every point of the pixel is
 * within the radius of the centre. The radius is the largest distance from the pixel centre to its
 * four corners and four edge midpoints, enlarged by {@link #SAFETY} (pixel edges are not great
 * circles and bulge slightly between those points; the factor is checked by a property test
 * against dense samples of pixel boundaries and random points).
 *
 * <p>One instance holds scratch space and is not thread-safe; create one per thread.
 */
public final class PixelCap {
    /** Relative enlargement of the sampled radius. */
    static final double SAFETY = 1.005;
    /** Absolute enlargement in radians (about 0.2 micro-arcseconds), covering rounding. */
    static final double EPSILON = 1e-12;
    private static final double[][] SAMPLES = {
        {0, 0}, {1, 0}, {1, 1}, {0, 1}, {0.5, 0}, {1, 0.5}, {0.5, 1}, {0, 0.5},
    };

    private final double[] center = new double[3];
    private final double[] point = new double[3];
    private double radius;

    /** Computes the cap of a pixel; read it with {@link #center()} and {@link #radius()}. */
    public PixelCap set(int order, long index) {
        Healpix.centerVector(order, index, center);
        double maxChord2 = 0;
        for (double[] s : SAMPLES) {
            Healpix.facePointVector(order, index, s[0], s[1], point);
            double dx = point[0] - center[0];
            double dy = point[1] - center[1];
            double dz = point[2] - center[2];
            maxChord2 = Math.max(maxChord2, dx * dx + dy * dy + dz * dz);
        }
        radius = 2.0 * Vectors.asinUpper(Math.sqrt(maxChord2) * 0.5) * SAFETY + EPSILON;
        return this;
    }

    /** The centre unit vector (a view; overwritten by the next {@link #set}). */
    public double[] center() {
        return center;
    }

    /** The radius in radians. */
    public double radius() {
        return radius;
    }
}
