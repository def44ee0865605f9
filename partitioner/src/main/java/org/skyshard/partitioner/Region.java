package org.skyshard.partitioner;

/**
 * A region of the sky that queries constrain positions to. Implementations are immutable values.
 *
 * <p>{@link #contains} is the exact membership test (what the query's SQL predicate computes);
 * {@link #relate} is the conservative test used to cover the region with pixels: it may answer
 * {@link Relation#INTERSECTS} when unsure, but never {@link Relation#DISJOINT} for a cap holding a
 * point of the region, nor {@link Relation#CONTAINS} for a cap holding a point outside.
 */
public sealed interface Region permits Circle, Box, Polygon, RaDecRange {
    /** Angular tolerance (radians) added to every conservative test, covering rounding. */
    double TOLERANCE = 1e-11;

    /** Whether the position (degrees) is in the region. */
    boolean contains(double raDeg, double decDeg);

    /** Whether the unit vector is in the region. */
    boolean contains(double[] v);

    /** How the cap (unit centre, radius in radians) relates to the region. */
    Relation relate(double[] center, double radius);

    /** The region's area in steradians. */
    double area();

    /**
     * A characteristic size in radians, about the region's smaller half-extent (a circle's
     * radius); covers refine pixels down to about this size.
     */
    double scale();
}
