package org.skyshard.partitioner;

/**
 * How a {@link PixelMap} was built: split a pixel while it holds more than {@code threshold}
 * director rows, never coarser than {@code minOrder} nor finer than {@code maxOrder}.
 */
public record MapParameters(long threshold, int minOrder, int maxOrder) {
    /** Default threshold: about 20–60 chunks for 1,000,000 objects in RA 55..70, Dec -42..-30. */
    public static final long DEFAULT_THRESHOLD = 50_000;
    public static final int DEFAULT_MIN_ORDER = 0;
    public static final int DEFAULT_MAX_ORDER = 12;

    public MapParameters {
        Healpix.checkOrder(minOrder);
        Healpix.checkOrder(maxOrder);
        if (minOrder > maxOrder || threshold < 0) {
            throw new IllegalArgumentException("bad map parameters: threshold " + threshold
                    + ", orders " + minOrder + ".." + maxOrder);
        }
    }

    public static MapParameters defaults() {
        return new MapParameters(DEFAULT_THRESHOLD, DEFAULT_MIN_ORDER, DEFAULT_MAX_ORDER);
    }

    public MapParameters withThreshold(long t) {
        return new MapParameters(t, minOrder, maxOrder);
    }
}
