package org.skyshard.partitioner;

/** How a cap (a pixel's bounding cap) relates to a region; conservative in both directions. */
public enum Relation {
    /** Certainly no common point. */
    DISJOINT,
    /** Possibly overlapping. */
    INTERSECTS,
    /** The whole cap is certainly inside the region. */
    CONTAINS
}
