package org.skyshard.partitioner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An adaptive HEALPix pixel map: non-overlapping pixels of mixed orders that together tile the
 * <em>whole</em> sphere, so every position maps to exactly one pixel (its chunk). Where the
 * catalogue has no rows the map keeps coarse pixels holding 0 rows; HATS lists only the populated
 * ones ({@link #partitionInfoCsv()}), and an ingest writes no file for an empty pixel.
 *
 * <p>Chunks are numbered 0..size()-1 in order of their first {@code _healpix_29} value, so a
 * lookup is a binary search over the chunk start values. Immutable and thread-safe.
 */
public final class PixelMap {
    private static final long SPHERE_END = Healpix.hp29End(0, 11);

    private final MapParameters parameters;
    private final int[] orders;
    private final long[] indexes;
    private final long[] starts;
    private final long[] rows;

    /**
     * @param pixels the tiling (any order; sorted here)
     * @param rows director rows per pixel, parallel to {@code pixels} as given
     * @throws IllegalArgumentException if the pixels overlap or leave part of the sphere uncovered
     */
    public PixelMap(MapParameters parameters, List<Pixel> pixels, long[] rows) {
        if (pixels.size() != rows.length) {
            throw new IllegalArgumentException("pixels and rows differ in length");
        }
        this.parameters = parameters;
        Integer[] perm = new Integer[pixels.size()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        Arrays.sort(perm, (a, b) -> pixels.get(a).compareTo(pixels.get(b)));
        int n = perm.length;
        orders = new int[n];
        indexes = new long[n];
        starts = new long[n];
        this.rows = new long[n];
        long expected = 0;
        for (int i = 0; i < n; i++) {
            Pixel p = pixels.get(perm[i]);
            orders[i] = p.order();
            indexes[i] = p.index();
            starts[i] = p.hp29Start();
            this.rows[i] = rows[perm[i]];
            if (starts[i] != expected) {
                throw new IllegalArgumentException("pixel map " + (starts[i] < expected ? "overlaps" : "has a gap")
                        + " at pixel " + p);
            }
            expected = p.hp29End();
        }
        if (expected != SPHERE_END) {
            throw new IllegalArgumentException("pixel map does not cover the whole sphere");
        }
    }

    /** Every pixel of one order, 0 rows each. */
    public static PixelMap uniform(int order) {
        int n = (int) Healpix.pixelCount(order);
        List<Pixel> pixels = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pixels.add(new Pixel(order, i));
        }
        return new PixelMap(new MapParameters(0, order, order), pixels, new long[n]);
    }

    public MapParameters parameters() {
        return parameters;
    }

    /** Number of chunks (pixels), populated or not. */
    public int size() {
        return orders.length;
    }

    public Pixel pixel(int chunk) {
        return new Pixel(orders[chunk], indexes[chunk]);
    }

    public int order(int chunk) {
        return orders[chunk];
    }

    public long index(int chunk) {
        return indexes[chunk];
    }

    /** Director rows counted in the chunk when the map was built. */
    public long rows(int chunk) {
        return rows[chunk];
    }

    /** All pixels in chunk order. */
    public List<Pixel> pixels() {
        List<Pixel> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(pixel(i));
        }
        return Collections.unmodifiableList(out);
    }

    /** Every chunk in chunk order. */
    public List<Chunk> chunks() {
        List<Chunk> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(new Chunk(i, pixel(i), rows[i]));
        }
        return Collections.unmodifiableList(out);
    }

    /** The chunks holding rows (those that get files), in chunk order. */
    public List<Chunk> populatedChunks() {
        return chunks().stream().filter(c -> c.rows() > 0).toList();
    }

    /** Deepest order in the map. */
    public int maxOrder() {
        int m = 0;
        for (int o : orders) {
            m = Math.max(m, o);
        }
        return m;
    }

    /** The chunk holding an order-29 index; allocation-free. */
    public int chunkOf(long hp29) {
        if (hp29 < 0 || hp29 >= SPHERE_END) {
            throw new IllegalArgumentException("not an order-29 HEALPix index: " + hp29);
        }
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= hp29) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The chunk holding a position (degrees). */
    public int chunkOf(double raDeg, double decDeg) {
        return chunkOf(Healpix.hp29(raDeg, decDeg));
    }

    /** The chunk numbers of the populated pixels (rows &gt; 0). */
    public int[] populated() {
        return java.util.stream.IntStream.range(0, size()).filter(i -> rows[i] > 0).toArray();
    }

    /**
     * HATS {@code partition_info.csv}: header {@code Norder,Npix} and one line per populated pixel,
     * in chunk order. (The directory of a pixel is {@link Pixel#hatsDir()}.)
     */
    public String partitionInfoCsv() {
        StringBuilder sb = new StringBuilder("Norder,Npix\n");
        for (int i : populated()) {
            sb.append(orders[i]).append(',').append(indexes[i]).append('\n');
        }
        return sb.toString();
    }

    /** The map as JSON ({@link PixelMapJson}). */
    public String toJson() {
        return PixelMapJson.write(this);
    }

    /** Reads a map written by {@link #toJson()}. */
    public static PixelMap fromJson(String json) {
        return PixelMapJson.read(json);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PixelMap m && parameters.equals(m.parameters) && Arrays.equals(orders, m.orders)
                && Arrays.equals(indexes, m.indexes) && Arrays.equals(rows, m.rows);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(indexes) * 31 + Arrays.hashCode(orders);
    }

    @Override
    public String toString() {
        return "PixelMap[" + size() + " pixels, " + populated().length + " populated, " + parameters + "]";
    }
}
