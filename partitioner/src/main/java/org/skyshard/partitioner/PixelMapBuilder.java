package org.skyshard.partitioner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link PixelMap} from director-row counts at a fine order: starting from every pixel
 * at {@code minOrder}, a pixel is split into its four children while it holds more than the
 * threshold and is coarser than {@code min(maxOrder, fineOrder)}.
 *
 * <p>Feed it either per-row {@code _healpix_29} values ({@link #addHp29}) or pre-aggregated
 * counts, for example from DuckDB:
 * <pre>SELECT _healpix_29 &gt;&gt; {hp29Shift()} AS p, count(*) FROM t GROUP BY p</pre>
 * ({@link #add}; repeated indexes add up). Not thread-safe.
 */
public final class PixelMapBuilder {
    private final MapParameters parameters;
    private final int fineOrder;
    private final Map<Long, long[]> counts = new HashMap<>();

    public PixelMapBuilder(MapParameters parameters, int fineOrder) {
        Healpix.checkOrder(fineOrder);
        this.parameters = parameters;
        this.fineOrder = fineOrder;
    }

    /** Default parameters, counting at order {@link MapParameters#DEFAULT_MAX_ORDER}. */
    public static PixelMapBuilder withDefaults() {
        return new PixelMapBuilder(MapParameters.defaults(), MapParameters.DEFAULT_MAX_ORDER);
    }

    public int fineOrder() {
        return fineOrder;
    }

    /** Right shift turning a {@code _healpix_29} value into a fine-order index. */
    public int hp29Shift() {
        return 2 * (Healpix.MAX_ORDER - fineOrder);
    }

    /** Adds {@code count} rows in pixel {@code fineIndex} at the fine order. */
    public PixelMapBuilder add(long fineIndex, long count) {
        if (fineIndex < 0 || fineIndex >= Healpix.pixelCount(fineOrder) || count < 0) {
            throw new IllegalArgumentException("bad count " + count + " for pixel " + fineIndex + " at order " + fineOrder);
        }
        counts.computeIfAbsent(fineIndex, k -> new long[1])[0] += count;
        return this;
    }

    /** Adds one row by its {@code _healpix_29}. */
    public PixelMapBuilder addHp29(long hp29) {
        return add(hp29 >> hp29Shift(), 1);
    }

    public PixelMap build() {
        long[] keys = new long[counts.size()];
        int n = 0;
        for (Long k : counts.keySet()) {
            keys[n++] = k;
        }
        Arrays.sort(keys);
        long[] prefix = new long[keys.length + 1];
        for (int i = 0; i < keys.length; i++) {
            prefix[i + 1] = prefix[i] + counts.get(keys[i])[0];
        }
        List<Pixel> pixels = new ArrayList<>();
        List<Long> rows = new ArrayList<>();
        int deepest = Math.min(parameters.maxOrder(), fineOrder);
        int start = Math.min(parameters.minOrder(), deepest);
        long n0 = Healpix.pixelCount(start);
        for (long i = 0; i < n0; i++) {
            split(start, i, deepest, keys, prefix, pixels, rows);
        }
        long[] r = new long[rows.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = rows.get(i);
        }
        return new PixelMap(parameters, pixels, r);
    }

    private void split(int order, long index, int deepest, long[] keys, long[] prefix,
            List<Pixel> pixels, List<Long> rows) {
        int shift = 2 * (fineOrder - order);
        long lo = index << shift;
        long hi = (index + 1) << shift;
        long count = prefix[lowerBound(keys, hi)] - prefix[lowerBound(keys, lo)];
        if (count > parameters.threshold() && order < deepest) {
            for (long c = index << 2; c < (index << 2) + 4; c++) {
                split(order + 1, c, deepest, keys, prefix, pixels, rows);
            }
        } else {
            pixels.add(new Pixel(order, index));
            rows.add(count);
        }
    }

    private static int lowerBound(long[] a, long key) {
        int i = Arrays.binarySearch(a, key);
        return i >= 0 ? i : -i - 1;
    }
}
