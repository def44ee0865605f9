package org.skyshard.partitioner;

import java.util.Arrays;

/**
 * Margins (Qserv's overlap): for a director row at a position, the chunks other than its own that
 * come within the margin radius of it, so the row is also stored in their margin files.
 *
 * <p>Method: at the order {@code k} whose pixels are at least twice as wide as the radius, every
 * point within the radius of a position lies in the position's order-{@code k} pixel or one of its
 * (up to 8) neighbours. Chunks overlapping that 3x3 block other than the row's own are candidates;
 * if there are none (the common case, far from chunk edges) the answer is empty after a few
 * shifts and binary searches. Each candidate is kept only if some part of it may lie within the
 * radius, checked with bounding caps refined three orders below the block ({@link RegionCover}),
 * so the answer is complete and nearly tight.
 *
 * <p>Holds scratch space: not thread-safe; use one per thread.
 */
public final class MarginFinder {
    /** Default margin radius: 1 arcminute, in degrees. */
    public static final double DEFAULT_RADIUS_DEG = 1.0 / 60.0;
    /** Smallest edge-to-opposite-edge width of an order-0 pixel, conservatively rounded (rad). */
    static final double MIN_WIDTH_ORDER0 = 0.71;
    private static final int[] NONE = new int[0];
    private static final int REFINE = 3;

    private final PixelMap map;
    private final double radiusDeg;
    private final double radiusRad;
    private final int blockOrder;
    private final long[] neighbours = new long[8];
    private int[] candidates = new int[64];
    private final PixelCap cap = new PixelCap();

    public MarginFinder(PixelMap map, double radiusDeg) {
        if (!(radiusDeg >= 0) || radiusDeg > 180) {
            throw new IllegalArgumentException("margin radius must be 0..180 degrees, got " + radiusDeg);
        }
        this.map = map;
        this.radiusDeg = radiusDeg;
        this.radiusRad = Math.toRadians(radiusDeg);
        int k = -1;
        while (k < Healpix.MAX_ORDER - REFINE && MIN_WIDTH_ORDER0 / (1L << (k + 1)) >= 2 * radiusRad) {
            k++;
        }
        this.blockOrder = k;
    }

    public double radiusDeg() {
        return radiusDeg;
    }

    /** The order of the 3x3 pixel block searched (-1: radius too large, a full cone cover is used). */
    int blockOrder() {
        return blockOrder;
    }

    /** Margin chunks of a position (degrees), ascending, never including its own chunk. */
    public int[] marginChunks(double raDeg, double decDeg) {
        return marginChunks(Healpix.hp29(raDeg, decDeg), raDeg, decDeg);
    }

    /** As {@link #marginChunks(double, double)} when {@code _healpix_29} is already known. */
    public int[] marginChunks(long hp29, double raDeg, double decDeg) {
        int own = map.chunkOf(hp29);
        if (radiusRad == 0) {
            return NONE;
        }
        if (blockOrder < 0) {
            return without(new RegionCover(REFINE).chunks(map, new Circle(raDeg, decDeg, radiusDeg)), own);
        }
        long pixel = hp29 >> (2 * (Healpix.MAX_ORDER - blockOrder));
        Healpix.neighbours(blockOrder, pixel, neighbours);
        if (blockInside(own, pixel)) {
            return NONE;
        }
        int n = 0;
        boolean foreign = false;
        for (int i = -1; i < 8; i++) {
            long p = i < 0 ? pixel : neighbours[i];
            if (p < 0) {
                continue;
            }
            int first = map.chunkOf(Healpix.hp29Start(blockOrder, p));
            int last = map.chunkOf(Healpix.hp29End(blockOrder, p) - 1);
            if (first != own || last != own) {
                foreign = true;
            }
            // Remember the block pixels (or the finer chunks inside them) to examine.
            if (first == last) {
                if (first != own) {
                    n = push(n, encode(first, i));
                }
            } else {
                for (int c = first; c <= last; c++) {
                    if (c != own) {
                        n = push(n, encode(c, -2));
                    }
                }
            }
        }
        if (!foreign) {
            return NONE;
        }
        Circle cone = new Circle(raDeg, decDeg, radiusDeg);
        int[] found = new int[n];
        int m = 0;
        for (int j = 0; j < n; j++) {
            int chunk = candidates[j] >>> 4;
            int slot = (candidates[j] & 15) - 2;
            if (contains(found, m, chunk)) {
                continue;
            }
            boolean near;
            if (slot == -2) {
                int order = map.order(chunk);
                near = RegionCover.mayIntersect(cone, order, map.index(chunk),
                        Math.min(Healpix.MAX_ORDER, Math.max(order, blockOrder) + REFINE), cap);
            } else {
                long p = slot < 0 ? pixel : neighbours[slot];
                near = RegionCover.mayIntersect(cone, blockOrder, p, blockOrder + REFINE, cap);
            }
            if (near) {
                found[m++] = chunk;
            }
        }
        if (m == 0) {
            return NONE;
        }
        int[] out = Arrays.copyOf(found, m);
        Arrays.sort(out);
        return out;
    }

    /** Whether the 3x3 block around {@code pixel} lies inside chunk {@code own} (shifts only). */
    private boolean blockInside(int own, long pixel) {
        int order = map.order(own);
        if (order > blockOrder) {
            return false;
        }
        int shift = 2 * (blockOrder - order);
        long index = map.index(own);
        if (pixel >> shift != index) {
            return false;
        }
        for (long n : neighbours) {
            if (n >= 0 && n >> shift != index) {
                return false;
            }
        }
        return true;
    }

    private int push(int n, int value) {
        if (n == candidates.length) {
            candidates = Arrays.copyOf(candidates, n * 2);
        }
        candidates[n] = value;
        return n + 1;
    }

    private static int encode(int chunk, int slot) {
        return (chunk << 4) | (slot + 2);
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    private static int[] without(int[] chunks, int own) {
        return Arrays.stream(chunks).filter(c -> c != own).toArray();
    }
}
