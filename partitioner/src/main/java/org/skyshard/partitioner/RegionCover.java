package org.skyshard.partitioner;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Covers a {@link Region} with pixels: the chunks of a {@link PixelMap} that may hold a point of
 * the region, or the {@code _healpix_29} ranges of the pixels at one order that may.
 *
 * <p>Complete: a pixel is left out only when its bounding cap ({@link PixelCap}) is certainly
 * disjoint from the region, at that pixel or at every descendant down to {@code refineLevels}
 * orders deeper (or down to pixels about half the region's {@link Region#scale()}, when that is
 * deeper, at most 10 orders more), so no pixel holding a point of the region is ever missed.
 * Tight to about the size of those deeper pixels: the refinement is what keeps out a chunk that
 * the region merely comes near.
 *
 * <p>Stateless apart from its setting; thread-safe.
 */
public final class RegionCover {
    /** Default refinement depth below a chunk's (or range's) order. */
    public static final int DEFAULT_REFINE_LEVELS = 4;

    private final int refineLevels;

    public RegionCover() {
        this(DEFAULT_REFINE_LEVELS);
    }

    public RegionCover(int refineLevels) {
        if (refineLevels < 0 || refineLevels > 10) {
            throw new IllegalArgumentException("refine levels must be 0..10");
        }
        this.refineLevels = refineLevels;
    }

    /** The chunks of {@code map} that may hold a point of {@code region}, ascending. */
    public int[] chunks(PixelMap map, Region region) {
        BitSet hit = new BitSet(map.size());
        PixelCap cap = new PixelCap();
        for (int base = 0; base < Healpix.BASE_PIXELS; base++) {
            visit(map, region, 0, base, hit, cap);
        }
        return hit.stream().toArray();
    }

    /** The pixels of {@code map} that may hold a point of {@code region}, in chunk order. */
    public List<Pixel> pixels(PixelMap map, Region region) {
        List<Pixel> out = new ArrayList<>();
        for (int c : chunks(map, region)) {
            out.add(map.pixel(c));
        }
        return out;
    }

    private void visit(PixelMap map, Region region, int order, long index, BitSet hit, PixelCap cap) {
        int first = map.chunkOf(Healpix.hp29Start(order, index));
        int last = map.chunkOf(Healpix.hp29End(order, index) - 1);
        if (first == last) {
            if (mayIntersect(region, order, index, leafOrder(region, order), cap)) {
                hit.set(first);
            }
            return;
        }
        cap.set(order, index);
        Relation rel = region.relate(cap.center(), cap.radius());
        if (rel == Relation.DISJOINT) {
            return;
        }
        if (rel == Relation.CONTAINS) {
            hit.set(first, last + 1);
            return;
        }
        for (long c = index << 2; c < (index << 2) + 4; c++) {
            visit(map, region, order + 1, c, hit, cap);
        }
    }

    /** Refinement below the target order of {@link #hp29Ranges}. */
    private static final int RANGE_REFINE_LEVELS = 2;

    /** Extra orders a chunk may be refined beyond {@code refineLevels} for a small region. */
    private static final int MAX_EXTRA_LEVELS = 10;

    /**
     * How deep to refine below a chunk of {@code order}: {@code refineLevels} orders, or down to
     * pixels about half the region's scale when that is deeper (so a small region near a chunk's
     * edge does not pull in the neighbouring chunk), within {@link #MAX_EXTRA_LEVELS}.
     */
    private int leafOrder(Region region, int order) {
        return leafOrder(region, order, refineLevels);
    }

    private static int leafOrder(Region region, int order, int refineLevels) {
        double half = Math.max(region.scale(), 1e-9) / 2;
        int bySize = (int) Math.ceil(Math.log(1.0233 / half) / Math.log(2));
        int leaf = Math.max(order + refineLevels, Math.min(bySize, order + refineLevels + MAX_EXTRA_LEVELS));
        return Math.min(Healpix.MAX_ORDER, leaf);
    }

    /** Whether the pixel may hold a point of the region, refining down to {@code leafOrder}. */
    static boolean mayIntersect(Region region, int order, long index, int leafOrder, PixelCap cap) {
        cap.set(order, index);
        Relation rel = region.relate(cap.center(), cap.radius());
        if (rel != Relation.INTERSECTS) {
            return rel == Relation.CONTAINS;
        }
        if (order >= leafOrder) {
            return true;
        }
        for (long c = index << 2; c < (index << 2) + 4; c++) {
            if (mayIntersect(region, order + 1, c, leafOrder, cap)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The {@code _healpix_29} ranges {@code [lo, hi)} of the order-{@code order} pixels that may
     * hold a point of the region, merged and ascending, as {@code lo0, hi0, lo1, hi1, ...}: what a
     * worker turns into {@code _healpix_29} predicates so DuckDB can skip row groups. Refines at
     * least two orders below {@code order} (deeper for a small region) before keeping a boundary
     * pixel.
     */
    public long[] hp29Ranges(Region region, int order) {
        Healpix.checkOrder(order);
        RangeSink sink = new RangeSink();
        PixelCap cap = new PixelCap();
        for (int base = 0; base < Healpix.BASE_PIXELS; base++) {
            ranges(region, 0, base, order, cap, sink);
        }
        return sink.toArray();
    }

    private void ranges(Region region, int order, long index, int target, PixelCap cap, RangeSink sink) {
        cap.set(order, index);
        Relation rel = region.relate(cap.center(), cap.radius());
        if (rel == Relation.DISJOINT) {
            return;
        }
        if (rel == Relation.CONTAINS
                || order == target && mayIntersect(region, order, index, leafOrder(region, order, RANGE_REFINE_LEVELS), cap)) {
            sink.add(Healpix.hp29Start(order, index), Healpix.hp29End(order, index));
            return;
        }
        if (order < target) {
            for (long c = index << 2; c < (index << 2) + 4; c++) {
                ranges(region, order + 1, c, target, cap, sink);
            }
        }
    }

    /** The part of sorted ranges {@code lo0, hi0, ...} inside {@code [lo, hi)}, e.g. one chunk's. */
    public static long[] clip(long[] ranges, long lo, long hi) {
        RangeSink sink = new RangeSink();
        for (int i = 0; i < ranges.length; i += 2) {
            long a = Math.max(ranges[i], lo);
            long b = Math.min(ranges[i + 1], hi);
            if (a < b) {
                sink.add(a, b);
            }
        }
        return sink.toArray();
    }

    /** Total area (steradians) of ranges returned by {@link #hp29Ranges}. */
    public static double rangesArea(long[] ranges) {
        double total = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            total += (double) (ranges[i + 1] - ranges[i]);
        }
        return total * 4 * Math.PI / Healpix.hp29End(0, 11);
    }

    /** Appends ranges in ascending order, merging adjacent ones. */
    private static final class RangeSink {
        private long[] data = new long[16];
        private int size;

        void add(long lo, long hi) {
            if (size > 0 && data[size - 1] == lo) {
                data[size - 1] = hi;
                return;
            }
            if (size + 2 > data.length) {
                data = java.util.Arrays.copyOf(data, data.length * 2);
            }
            data[size++] = lo;
            data[size++] = hi;
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
